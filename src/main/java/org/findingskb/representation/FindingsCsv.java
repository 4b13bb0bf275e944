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

    /**
     * Characters that make a spreadsheet read a cell as a formula or a command, in some locale or program: the
     * ASCII operators, tab and carriage return, and their full-width forms (which some East Asian spreadsheets
     * take as operators).
     */
    private static final String FORMULA_STARTS = "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20";

    static String cell(String value) {
        // A spreadsheet skips leading blanks before a formula, so the first character that is not one decides.
        int first = 0;
        while (first < value.length() && value.charAt(first) != '\t' && value.charAt(first) != '\r'
                && (Character.isWhitespace(value.charAt(first)) || Character.isSpaceChar(value.charAt(first)))) {
            first++;
        }
        String safe = first < value.length() && FORMULA_STARTS.indexOf(value.charAt(first)) >= 0 ? "'" + value : value;
        // Quoted whenever a locale's separator (',' or ';'), a quote, a line break or an edge blank is in it.
        return needsQuotes(safe) ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }

    private static boolean needsQuotes(String value) {
        if (!value.isEmpty() && (Character.isWhitespace(value.charAt(0)) || Character.isWhitespace(value.charAt(value.length() - 1)))) {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            if (",;\"\r\n\t".indexOf(value.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }
}
