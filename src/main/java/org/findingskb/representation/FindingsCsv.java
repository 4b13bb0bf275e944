package org.findingskb.representation;

import java.util.List;
import java.util.stream.Collectors;

import org.findingskb.concept.ConceptRef;
import org.findingskb.finding.FindingResponse;

/** A page of findings as RFC 4180 CSV, one row per finding, its first evidence span in columns. */
final class FindingsCsv {

    private static final List<String> HEADER = List.of("id", "studyId", "kind", "timescale", "certainty",
            "reviewStatus", "origin", "confidence", "statement", "concepts", "sourceId", "start", "end");

    private FindingsCsv() {
    }

    static String of(List<FindingResponse> findings) {
        StringBuilder csv = new StringBuilder(String.join(",", HEADER)).append("\r\n");
        for (FindingResponse f : findings) {
            FindingResponse.Evidence evidence = f.evidence().isEmpty() ? null : f.evidence().get(0);
            List<Object> cells = List.of(f.id(), f.studyId(), f.kind(), f.timescale() == null ? "" : f.timescale(),
                    f.certainty(), f.reviewStatus(), f.origin(), f.confidence(), f.statement(),
                    f.concepts().stream().map(ConceptRef::name).collect(Collectors.joining("; ")),
                    evidence == null ? "" : evidence.sourceId(), evidence == null ? "" : evidence.start(),
                    evidence == null ? "" : evidence.end());
            csv.append(cells.stream().map(c -> cell(String.valueOf(c))).collect(Collectors.joining(","))).append("\r\n");
        }
        return csv.toString();
    }

    private static String cell(String value) {
        // A cell a spreadsheet would run as a formula is defused with a leading apostrophe.
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return safe.matches("(?s).*[\",\r\n].*") || safe.startsWith(" ") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
