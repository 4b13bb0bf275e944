package org.findingskb.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import org.findingskb.concept.ConceptType;
import org.findingskb.finding.Certainty;
import org.findingskb.finding.FindingKind;
import org.findingskb.mechanism.Timescale;
import org.findingskb.study.ResearcherRole;
import org.findingskb.support.Http;
import org.findingskb.support.Http.Reply;
import org.findingskb.support.TestKeys;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scores the knowledge base as clients see it: each gold article is posted to {@code POST /api/sources} and what
 * the API then serves (source, study, findings, mechanisms) is scored against the gold annotation, exactly as
 * the pipeline's own output is. Nothing may be lost between the pipeline and the API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "kb.test.context=evaluation")
class ApiEvaluationTests {

    @LocalServerPort
    int port;

    @Test
    void everyArticleScoresThroughTheApiAsThePipelineScoresIt() {
        Http http = new Http(port);
        List<GoldScorer.Score> viaApi = new ArrayList<>();
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%n%-34s %7s %9s %6s %9s %9s %8s%n",
                "article (through the API)", "recall", "precision", "kind", "timescale", "certainty", "metadata"));
        for (GoldCorpus.Article article : GoldCorpus.bundled()) {
            String text = article.text();
            Reply posted = http.send("POST", "/api/sources", text, TestKeys.curator("Content-Type", "text/plain"));
            assertThat(posted.status()).as(article.label()).isIn(200, 201);
            ArticleAnalysis served = served(http, posted.json());
            GoldAnnotation gold = article.gold();
            GoldScorer.Score api = GoldScorer.score(article.label(), gold, served);
            GoldScorer.Score pipeline = GoldScorer.score(article.label(), gold,
                    TestArticles.analyzer().analyze(TextNormalizer.normalize(text)));
            viaApi.add(api);
            table.append(String.format(Locale.ROOT, "%-34s %7.2f %9.2f %6.2f %9.2f %9.2f %8.2f%n", api.article(),
                    api.recall(), api.precision(), api.kindAccuracy(), api.timescaleAccuracy(), api.certaintyAccuracy(),
                    api.metadataAccuracy()));
            assertThat(api.recall()).as("recall of %s", article.label()).isEqualTo(pipeline.recall());
            assertThat(api.precision()).as("precision of %s", article.label()).isEqualTo(pipeline.precision());
            assertThat(api.kindAccuracy()).as("kinds of %s", article.label()).isEqualTo(pipeline.kindAccuracy());
            assertThat(api.timescaleAccuracy()).as("timescales of %s", article.label()).isEqualTo(pipeline.timescaleAccuracy());
            assertThat(api.certaintyAccuracy()).as("certainty of %s", article.label()).isEqualTo(pipeline.certaintyAccuracy());
            assertThat(api.metadataAccuracy()).as("metadata of %s", article.label()).isEqualTo(pipeline.metadataAccuracy());
            assertThat(api.mechanismsFound()).as("mechanisms of %s", article.label()).isEqualTo(pipeline.mechanismsFound());
        }
        System.out.println(table);
    }

    /** What the API serves about a posted article, in the shape the scorer reads. */
    private static ArticleAnalysis served(Http http, JsonNode posted) {
        long sourceId = posted.get("source").get("id").asLong();
        JsonNode source = http.get("/api/sources/" + sourceId).json();
        JsonNode study = http.get("/api/studies/" + posted.get("studyId").asLong()).json();
        JsonNode findings = http.get("/api/findings?size=100&studyId=" + study.get("id").asLong()).json().get("content");
        JsonNode mechanisms = http.get("/api/studies/" + study.get("id").asLong() + "/mechanisms").json();

        List<ExtractedFinding> extracted = new ArrayList<>();
        Map<Long, Integer> indexOf = new HashMap<>();
        for (JsonNode finding : findings) {
            JsonNode span = finding.get("evidence").get(0);
            indexOf.put(finding.get("id").asLong(), extracted.size());
            extracted.add(new ExtractedFinding(finding.get("statement").asString(),
                    FindingKind.valueOf(finding.get("kind").asString()), optional(finding.get("timescale"), Timescale.class),
                    Certainty.valueOf(finding.get("certainty").asString()), finding.get("confidence").asDouble(),
                    new TextSpan(span.get("start").asInt(), span.get("end").asInt()), concepts(finding.get("concepts"))));
        }
        List<ExtractedMechanism> served = new ArrayList<>();
        for (JsonNode mechanism : mechanisms) {
            served.add(new ExtractedMechanism(mechanism.get("name").asString(),
                    optional(mechanism.get("timescale"), Timescale.class), text(mechanism.get("onset")),
                    text(mechanism.get("description")),
                    mechanism.get("findingIds").valueStream().map(id -> indexOf.get(id.asLong())).toList(),
                    concepts(mechanism.get("brainRegions")), concepts(mechanism.get("pathways")),
                    concepts(mechanism.get("cellTypes")), concepts(mechanism.get("interventions"))));
        }
        List<ExtractedResearcher> researchers = study.get("researchers").valueStream()
                .map(r -> new ExtractedResearcher(r.get("name").asString(), ResearcherRole.valueOf(r.get("role").asString()),
                        text(r.get("description")))).toList();
        ArticleMetadata metadata = new ArticleMetadata(text(source.get("title")), text(source.get("publisher")),
                source.get("publishedYear").isNull() ? null : source.get("publishedYear").asInt(),
                text(study.get("institution")), text(study.get("journal")), text(study.get("doi")),
                text(study.get("population")), researchers, concepts(study.get("interventions")),
                concepts(study.get("conditions")));
        return new ArticleAnalysis(source.get("text").asString(), metadata, extracted, served, List.of(), null, 0);
    }

    private static List<ConceptCandidate> concepts(JsonNode refs) {
        return refs.valueStream().map(c -> new ConceptCandidate(c.get("name").asString(),
                optional(c.get("type"), ConceptType.class), null, List.of())).toList();
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }

    private static <E extends Enum<E>> E optional(JsonNode node, Class<E> type) {
        return node == null || node.isNull() ? null : Enum.valueOf(type, node.asString());
    }
}
