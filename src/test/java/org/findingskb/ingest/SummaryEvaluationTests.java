package org.findingskb.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import org.findingskb.support.Http;
import org.findingskb.support.Http.Reply;
import org.findingskb.support.TestKeys;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Summaries that never misinform, checked against the gold annotations as clients see them: each article is posted,
 * its summary read, and every caveat saying the article omits a field is held against the gold field, every
 * summary sentence against whose result its finding is: over the bundled corpus none may rest on a prior study's
 * result or an outside expert's view. Given {@code -Dkb.eval.dir=FOLDER}, the annotated articles
 * there are checked (and printed) instead of the bundled corpus, where they are.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "kb.test.context=evaluation")
class SummaryEvaluationTests {

    private static final Map<String, String> OMISSION_FIELDS = Map.of("NOT_STATED_JOURNAL", "journal",
            "NOT_STATED_POPULATION", "population", "NOT_STATED_DOI", "doi");

    @LocalServerPort
    int port;

    @Test
    void noCaveatClaimsAnOmissionTheArticleDoesNotMake() {
        String folder = System.getProperty("kb.eval.dir", "");
        List<GoldCorpus.Article> articles = folder.isBlank() ? GoldCorpus.bundled() : GoldCorpus.in(Path.of(folder));
        Http http = new Http(port);
        int omissionClaims = 0;
        int sentences = 0;
        int notTheStudys = 0;
        int notFindings = 0;
        List<String> wrongOmissions = new ArrayList<>();
        List<String> misattributed = new ArrayList<>();
        for (GoldCorpus.Article article : articles) {
            Reply posted = http.send("POST", "/api/sources", article.text(), TestKeys.curator("Content-Type", "text/plain"));
            assertThat(posted.status()).as(article.label()).isIn(200, 201);
            JsonNode summary = http.get("/api/studies/" + posted.json().get("studyId").asLong() + "/summary").json();
            GoldAnnotation gold = article.gold();
            for (JsonNode caveat : summary.get("caveats")) {
                String field = OMISSION_FIELDS.get(caveat.get("code").asString());
                if (field != null) {
                    omissionClaims++;
                    String value = switch (field) {
                        case "journal" -> gold.journal();
                        case "population" -> gold.population();
                        default -> gold.doi();
                    };
                    if (value != null) {
                        wrongOmissions.add(article.label() + ": " + caveat.get("code").asString() + " but the article states " + value);
                    }
                }
            }
            List<JsonNode> said = new ArrayList<>();
            summary.get("plainLanguage").forEach(said::add);
            summary.get("implications").forEach(said::add);
            for (String timescale : List.of("rapid", "sustained")) {
                JsonNode effect = summary.get("effects").get(timescale);
                if (!effect.isNull()) {
                    effect.get("sentences").forEach(said::add);
                }
            }
            for (JsonNode sentence : said) {
                sentences++;
                for (JsonNode ref : sentence.get("findings")) {
                    String whose = whose(gold, ref.get("statement").asString());
                    if ("NONE".equals(whose)) {
                        notFindings++;
                    } else if (!"STUDY".equals(whose)) {
                        notTheStudys++;
                        misattributed.add(article.label() + ": " + whose + ": " + ref.get("statement").asString());
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "%nSummaries of %d articles%s:%n  caveats claiming an omission: %d, of which"
                + " the article states the field: %d%n  summary sentences: %d, resting on a prior study's result or an"
                + " outside view (by gold): %d, on a sentence gold does not count as a finding: %d%n", articles.size(),
                folder.isBlank() ? "" : " in " + folder, omissionClaims, wrongOmissions.size(), sentences, notTheStudys,
                notFindings);
        wrongOmissions.forEach(w -> System.out.println("  - " + w));
        misattributed.forEach(m -> System.out.println("  - " + m));
        assertThat(wrongOmissions).isEmpty();
        // Over the bundled corpus no summary sentence may rest on another study's result or an outsider's view; a
        // folder of evaluation articles is printed, not gated.
        if (folder.isBlank()) {
            assertThat(misattributed).isEmpty();
        }
    }

    /** Whose result the gold says a sentence reports: STUDY, PRIOR, EXPERT, or NONE when it is no gold finding. */
    private static String whose(GoldAnnotation gold, String statement) {
        String said = squeeze(statement);
        for (GoldAnnotation.Finding finding : gold.findings()) {
            String quote = squeeze(finding.quote());
            if (said.contains(quote) || quote.contains(said)) {
                return finding.by() == null ? "STUDY" : finding.by();
            }
        }
        boolean expert = gold.expertViews().stream().map(SummaryEvaluationTests::squeeze)
                .anyMatch(q -> said.contains(q) || q.contains(said));
        return expert ? "EXPERT" : "NONE";
    }

    private static String squeeze(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
