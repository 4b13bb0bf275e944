package org.findingskb.representation;

import java.util.List;
import java.util.stream.Collectors;

import org.findingskb.compare.ComparisonResponse;
import org.findingskb.compare.ComparisonResponse.EffectCell;
import org.findingskb.compare.ComparisonResponse.Row;

/**
 * A comparison as text: CSV with one line per effect of each study (a study without effects gets one line of its
 * own), and Markdown with a table of the same cells and the agreement below it. Every effect keeps its finding id
 * and quote.
 */
final class ComparisonText {

    private static final List<String> HEADER = List.of("studyId", "study", "population", "design", "interventions",
            "findingId", "subject", "direction", "object", "timescale", "certainty", "quote", "mechanisms");

    private ComparisonText() {
    }

    static String csv(ComparisonResponse comparison) {
        StringBuilder csv = new StringBuilder(String.join(",", HEADER)).append("\r\n");
        for (Row row : comparison.rows()) {
            List<EffectCell> effects = row.effects().isEmpty() ? java.util.Collections.singletonList(null) : row.effects();
            for (EffectCell e : effects) {
                List<Object> cells = List.of(row.study().id(), row.study().title(), text(row.population()),
                        text(row.design().type()), interventions(row), e == null ? "" : e.findingId(),
                        e == null ? "" : e.subject().name(), e == null ? "" : e.direction(),
                        e == null ? "" : e.object().name(), e == null ? "" : text(e.timescale()),
                        e == null ? "" : e.certainty(), e == null ? "" : e.quote(), mechanisms(row));
                csv.append(cells.stream().map(c -> FindingsCsv.cell(String.valueOf(c)))
                        .collect(Collectors.joining(","))).append("\r\n");
            }
        }
        return csv.toString();
    }

    static String markdown(ComparisonResponse comparison) {
        StringBuilder md = new StringBuilder("# ");
        md.append(comparison.concept() == null ? "Studies compared"
                : "Studies about " + SummaryMarkdown.escape(comparison.concept().name())).append("\n\n");
        md.append("| study | population | design | interventions | effect | timescale | certainty | quote | finding |\n");
        md.append("|---|---|---|---|---|---|---|---|---|\n");
        for (Row row : comparison.rows()) {
            String study = SummaryMarkdown.escape(row.study().title()) + " (#" + row.study().id() + ")";
            String lead = study + " | " + cell(text(row.population())) + " | " + cell(text(row.design().type())) + " | "
                    + cell(interventions(row));
            if (row.effects().isEmpty()) {
                md.append("| ").append(lead).append(" | | | | | |\n");
            }
            for (EffectCell e : row.effects()) {
                md.append("| ").append(lead).append(" | ")
                        .append(cell(e.subject().name() + " " + e.direction() + " " + e.object().name())).append(" | ")
                        .append(cell(text(e.timescale()))).append(" | ").append(e.certainty()).append(" | ")
                        .append(cell("\u201C" + e.quote() + "\u201D")).append(" | #").append(e.findingId()).append(" |\n");
            }
        }
        if (!comparison.agreement().isEmpty()) {
            md.append("\n## Agreement\n\n");
            for (ComparisonResponse.Agreement a : comparison.agreement()) {
                md.append("- ").append(cell(a.subject().name() + " " + a.direction() + " " + a.object().name()))
                        .append(": ").append(a.studyIds().size()).append(a.studyIds().size() == 1 ? " study " : " studies ")
                        .append(ids(a.studyIds()));
                if (!a.disagreeingStudyIds().isEmpty()) {
                    md.append("; other directions in ").append(ids(a.disagreeingStudyIds()));
                }
                md.append("\n");
            }
        }
        return md.toString();
    }

    private static String ids(List<Long> ids) {
        return ids.stream().map(id -> "#" + id).collect(Collectors.joining(", ", "(", ")"));
    }

    private static String interventions(Row row) {
        return row.interventions().stream().map(c -> c.name()).collect(Collectors.joining("; "));
    }

    private static String mechanisms(Row row) {
        return row.mechanisms().stream().map(m -> m.name()).collect(Collectors.joining("; "));
    }

    /** A table cell: escaped, on one line. */
    private static String cell(String text) {
        return SummaryMarkdown.escape(text.replaceAll("\\s+", " "));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
