package org.findingskb.representation;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Stored text cannot break out of the formats it is written in: a script element, a spreadsheet cell. */
class RepresentationSafetyTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void jsonLdEscapesWhatCouldCloseAScriptElementAndMeansTheSame() {
        String statement = "Mice</script><script>alert(1)</script> & <!-- x \u2028 y";
        String json = JSON.writeValueAsString(java.util.Map.of("name", statement));
        String embeddable = JsonLd.embeddable(json);
        assertThat(embeddable).doesNotContain("<").doesNotContain(">").doesNotContain("&").doesNotContain("\u2028");
        assertThat(JSON.readTree(embeddable).get("name").asString()).isEqualTo(statement);
    }

    @Test
    void everyCellThatCouldStartAFormulaIsDefused() {
        for (String formula : new String[] {"=1+1", "+1", "-1+2", "@SUM(A1)", "\t=1", "\r=1", " =1", "\u00a0=1",
                "\u3000=1", "\uFF1D1+1", "\uFF0B1", "\uFF0D1", "\uFF201"}) {
            String cell = FindingsCsv.cell(formula);
            String unquoted = cell.startsWith("\"") ? cell.substring(1, cell.length() - 1).replace("\"\"", "\"") : cell;
            assertThat(unquoted).as("cell for %s", formula).startsWith("'").isEqualTo("'" + formula);
        }
        assertThat(FindingsCsv.cell("Mice slept more")).isEqualTo("Mice slept more");
        assertThat(FindingsCsv.cell("3.5")).isEqualTo("3.5");
    }

    @Test
    void cellsHoldingASeparatorOfAnyLocaleAreQuoted() {
        assertThat(FindingsCsv.cell("a;b")).isEqualTo("\"a;b\"");
        assertThat(FindingsCsv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(FindingsCsv.cell("say \"x\"")).isEqualTo("\"say \"\"x\"\"\"");
        assertThat(FindingsCsv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(FindingsCsv.cell("=a;b")).isEqualTo("\"'=a;b\"");
    }
}
