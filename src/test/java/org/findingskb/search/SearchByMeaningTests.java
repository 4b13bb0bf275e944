package org.findingskb.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;

import org.findingskb.support.Http;
import org.findingskb.support.Http.Reply;
import org.findingskb.support.Meanings;
import org.findingskb.support.TestKeys;

/**
 * Search by meaning over real HTTP: questions asked in plain English, as a reader would, about articles of the bundled
 * corpus and the seed, each find the finding that answers it among the first five hits of {@code /api/search}
 * (hybrid, the default), though most share few words with it. With meaning search off these searches match by
 * words only, and the questions find nothing. The elasticsearch profile turns meaning search off by configuration
 * (see docs/scaling.md): there every mode runs by words, and says so.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "kb.test.context=curation")
class SearchByMeaningTests {

    private static final String SEED = "seed";
    private static final String ANTIDEPRESSANT = "compare/antidepressant-quiets-bmp-in-hippocampus.txt";
    private static final String SEED_SLUG = "how-ketamine-helps-depression-quickly-and-over-time";

    /** A question, the article that answers it, and parts of the answering finding's statement (any of them). */
    private record Question(String article, String text, String... answer) {
    }

    private static final List<Question> QUESTIONS = List.of(
            new Question("corpus/batch1/colchicine-after-heart-attack-colcot-2019.txt",
                    "Does a cheap anti-inflammatory pill help people after a heart attack?", "A low daily dose of colchicine"),
            new Question("corpus/batch1/colchicine-after-heart-attack-colcot-2019.txt",
                    "Which lung infection became more frequent among patients taking the gout drug?", "Pneumonia"),
            new Question("corpus/batch1/colchicine-after-heart-attack-colcot-2019.txt",
                    "How does colchicine calm inflammation inside white blood cells?", "microtubules"),
            new Question("corpus/batch2/daf2-worm-lifespan-1993.txt",
                    "Can a single gene change double how long a worm lives?", "twice as long"),
            new Question("corpus/batch1/e-cigarettes-vs-nicotine-replacement-2019.txt",
                    "Are e-cigarettes better than nicotine patches for quitting smoking?", "twice as"),
            new Question("corpus/batch1/e-cigarettes-vs-nicotine-replacement-2019.txt",
                    "Did people who quit with vaping keep on vaping afterwards?", "still vaping"),
            new Question("corpus/batch3/marshmallow-test-replication-2018.txt",
                    "Does waiting longer for a treat at four predict school achievement at fifteen?",
                    "each extra minute a child waited"),
            new Question("corpus/batch3/marshmallow-test-replication-2018.txt",
                    "Is the marshmallow result explained by family background?", "accounted for family background"),
            new Question("corpus/batch2/naked-mole-rat-hyaluronan-2013.txt",
                    "Why don't naked mole rats get cancer?", "cancerous", "tumors", "key reason"),
            new Question("corpus/batch2/naked-mole-rat-hyaluronan-2013.txt",
                    "Which receptor on the cell surface carries the anti-cancer signal?", "CD44"),
            new Question("corpus/batch2/obese-microbiome-energy-harvest-2006.txt",
                    "Can gut bacteria make you gain weight?", "microb"),
            new Question("corpus/batch2/senescent-cells-lifespan-mice-2016.txt",
                    "Does removing old cells that stopped dividing make mice live longer?", "median lifespan"),
            new Question("corpus/batch2/senescent-cells-lifespan-mice-2016.txt",
                    "How do senescent cells harm the kidney?", "glomeruli", "kidney"),
            new Question("corpus/batch2/senescent-cells-lifespan-mice-2016.txt",
                    "What happens to the heart when senescent cells are cleared?", "Sur2a", "hearts"),
            new Question("corpus/batch1/sprint-intensive-blood-pressure-2015.txt",
                    "Does aiming for a lower blood pressure save lives?", "saves lives", "prevented hear",
                    "Deaths from any cause"),
            new Question("corpus/batch1/tirzepatide-obesity-surmount1-2022.txt",
                    "How much weight did people lose on the weekly obesity injection?", "20.9 percent"),
            new Question("corpus/batch1/tirzepatide-obesity-surmount1-2022.txt",
                    "What were the common side effects of the weight loss shot?", "nausea, diarrhea and constipation"),
            new Question("corpus/batch1/tirzepatide-obesity-surmount1-2022.txt",
                    "Which gut hormones does the weight loss drug imitate?", "GLP-1 and GIP"),
            new Question(SEED, "Why do ketamine's benefits last so long?", "longer-term effects", "long run",
                    "long-term effects"),
            new Question(ANTIDEPRESSANT, "Does an antidepressant turn down BMP signalling in the brain?",
                    "fluoxetine lowered BMP signalling"));

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    @Autowired
    org.springframework.context.ApplicationContext context;

    Http http;
    /** The study each article became. */
    final Map<String, Long> studies = new LinkedHashMap<>();

    @BeforeEach
    void ingestTheArticles() throws IOException {
        http = new Http(port);
        for (String article : QUESTIONS.stream().map(Question::article).collect(Collectors.toCollection(
                java.util.LinkedHashSet::new))) {
            if (article.equals(SEED)) {
                studies.put(article, http.get("/api/studies/" + SEED_SLUG).json().get("id").asLong());
                continue;
            }
            String text = new String(new ClassPathResource(article).getInputStream().readAllBytes(),
                    StandardCharsets.UTF_8);
            Reply reply = http.send("POST", "/api/sources", text, TestKeys.curator("Content-Type", "text/plain"));
            assertThat(reply.status()).as(reply.body()).isIn(200, 201);
            studies.put(article, reply.json().get("studyId").asLong());
        }
        if (meaningConfigured()) {
            Meanings.awaitEmbedded(context);
        }
    }

    /** Meaning search is on by configuration everywhere but on a search cluster. */
    private boolean meaningConfigured() {
        return !environment.matchesProfiles("elasticsearch");
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** The findings of the question's article whose statement holds a part of its answer. */
    private Set<Long> answers(Question question) {
        JsonNode findings = http.get("/api/studies/" + studies.get(question.article()) + "/findings?size=100").json();
        Set<Long> ids = findings.get("content").valueStream()
                .filter(f -> Arrays.stream(question.answer()).anyMatch(f.get("statement").asString()::contains))
                .map(f -> f.get("id").asLong()).collect(Collectors.toSet());
        assertThat(ids).as("the findings that answer '%s'", question.text()).isNotEmpty();
        return ids;
    }

    private List<Long> topFindings(String path) {
        Reply reply = http.get(path);
        assertThat(reply.status()).as("%s: %s", path, reply.body()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        reply.json().get("content").forEach(hit -> ids.add(hit.get("type").asString().equals("finding")
                ? hit.get("id").asLong() : -1L));
        return ids;
    }

    @Test
    void plainEnglishQuestionsFindTheFindingThatAnswersThemInTheFirstFive() {
        assumeTrue(meaningConfigured(), "meaning search is off with the elasticsearch profile");
        assertThat(QUESTIONS).hasSizeGreaterThanOrEqualTo(20);
        SoftAssertions softly = new SoftAssertions();
        for (Question question : QUESTIONS) {
            Set<Long> answers = answers(question);
            List<Long> top = topFindings("/api/search?size=5&q=" + q(question.text()));
            softly.assertThat(top).as("the first five hits for '%s' (answers: %s)", question.text(), answers)
                    .containsAnyElementsOf(answers);
        }
        softly.assertAll();
    }

    @Test
    void theModeThatRanIsInTheAnswerAndKeywordModeMatchesWordsOnly() {
        assumeTrue(meaningConfigured(), "meaning search is off with the elasticsearch profile");
        Question question = QUESTIONS.get(0);
        JsonNode hybrid = http.get("/api/search?size=5&q=" + q(question.text())).json();
        assertThat(hybrid.get("mode").asString()).isEqualTo("hybrid");
        JsonNode semantic = http.get("/api/search?size=5&mode=semantic&q=" + q(question.text())).json();
        assertThat(semantic.get("mode").asString()).isEqualTo("semantic");
        assertThat(semantic.get("content").valueStream().map(h -> h.get("type").asString()))
                .isNotEmpty().allMatch(Set.of("finding", "study", "mechanism")::contains);
        // By words alone, the question's words all appear in no finding.
        JsonNode keyword = http.get("/api/search?size=5&mode=KEYWORD&type=finding&q=" + q(question.text())).json();
        assertThat(keyword.get("mode").asString()).isEqualTo("keyword");
        assertThat(keyword.get("content")).isEmpty();
        // Words that match findings keep their hits, total and facets: meaning only reorders them.
        JsonNode words = http.get("/api/search?size=100&mode=keyword&q=colchicine").json();
        JsonNode both = http.get("/api/search?size=100&q=colchicine").json();
        assertThat(both.get("mode").asString()).isEqualTo("hybrid");
        assertThat(both.get("page").get("totalElements")).isEqualTo(words.get("page").get("totalElements"));
        assertThat(both.get("facets")).isEqualTo(words.get("facets"));
    }

    /**
     * Words that match a source's text but no finding, study or mechanism: the nearest in meaning join them whether
     * a page shows every word match, only some of them or none, and a cursor pages on in that ranking.
     */
    @Test
    void wordsThatMatchOnlyASourceGetTheNeighboursOnEveryPage() {
        assumeTrue(meaningConfigured(), "meaning search is off with the elasticsearch profile");
        String question = q(QUESTIONS.get(3).text());
        assertThat(http.get("/api/search?mode=keyword&type=finding,study,mechanism&q=" + question).json()
                .get("page").get("totalElements").asLong()).isZero();
        long wordMatches = http.get("/api/search?mode=keyword&q=" + question).json().get("page").get("totalElements")
                .asLong();
        assertThat(wordMatches).as("hits that match every word").isPositive();
        JsonNode all = http.get("/api/search?size=50&q=" + question).json();
        JsonNode first = http.get("/api/search?size=1&q=" + question).json();
        JsonNode numbered = http.get("/api/search?size=1&page=1&q=" + question).json();
        JsonNode next = http.get("/api/search?size=1&q=" + question + "&cursor=" + q(first.get("cursor").asString()))
                .json();
        for (JsonNode page : List.of(all, first, numbered, next)) {
            assertThat(page.get("mode").asString()).isEqualTo("hybrid");
            assertThat(page.get("page").get("totalElements").asLong()).as("word matches and neighbours")
                    .isGreaterThan(wordMatches).isEqualTo(all.get("page").get("totalElements").asLong());
        }
        assertThat(first.get("content").get(0)).isEqualTo(all.get("content").get(0));
        assertThat(numbered.get("content").get(0)).isEqualTo(all.get("content").get(1));
        assertThat(next.get("content").get(0)).isEqualTo(all.get("content").get(1));
    }

    @Test
    void withMeaningSearchOffEveryModeRunsByWordsAndSaysSo() {
        assumeFalse(meaningConfigured(), "meaning search is on");
        for (String mode : List.of("hybrid", "semantic", "keyword")) {
            JsonNode answer = http.get("/api/search?size=5&mode=" + mode + "&q=colchicine").json();
            assertThat(answer.get("mode").asString()).isEqualTo("keyword");
            assertThat(answer.get("content")).isNotEmpty();
        }
        long any = http.get("/api/findings?size=1").json().get("content").get(0).get("id").asLong();
        Reply related = http.get("/api/findings/" + any + "/related");
        assertThat(related.status()).isEqualTo(200);
        assertThat(related.json()).isEmpty();
    }

    @Test
    void anUnknownModeIsABadRequest() {
        Reply reply = http.get("/api/search?q=ketamine&mode=telepathic");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    @Test
    void relatedFindingsLinkTheSeedsBmpFindingWithTheAntidepressantStudy() {
        assumeTrue(meaningConfigured(), "meaning search is off with the elasticsearch profile");
        long seed = studies.get(SEED);
        long antidepressant = studies.get(ANTIDEPRESSANT);
        JsonNode seedFindings = http.get("/api/studies/" + seed + "/findings?size=100").json().get("content");
        long bmp = seedFindings.valueStream().filter(f -> f.get("statement").asString().contains("BMP"))
                .filter(f -> f.get("statement").asString().contains("hippocampus"))
                .findFirst().orElseThrow().get("id").asLong();
        Reply reply = http.get("/api/findings/" + bmp + "/related?size=10");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<JsonNode> items = reply.json().valueStream().toList();
        assertThat(items).isNotEmpty().hasSizeLessThanOrEqualTo(10);
        assertThat(items).allSatisfy(item -> {
            assertThat(item.get("study").get("id").asLong()).isNotEqualTo(seed);
            assertThat(item.get("score").asDouble()).isBetween(-1.0, 1.0);
            JsonNode finding = http.get("/api/findings/" + item.get("finding").get("id").asLong()).json();
            assertThat(item.get("finding")).isEqualTo(finding);
            assertThat(finding.get("studyId").asLong()).isEqualTo(item.get("study").get("id").asLong());
        });
        assertThat(items).extracting(item -> item.get("score").asDouble())
                .isSortedAccordingTo((a, b) -> Double.compare(b, a));
        // The antidepressant's finding that it lowers BMP signalling in the hippocampus is among the closest (other
        // tests of this shared context may add articles about BMP that come as close).
        assertThat(items.subList(0, Math.min(3, items.size())))
                .anySatisfy(item -> {
                    assertThat(item.get("study").get("id").asLong()).isEqualTo(antidepressant);
                    assertThat(item.get("finding").get("statement").asString()).contains("fluoxetine lowered BMP signalling");
                });
    }

    @Test
    void relatedAnswersProblemsForAnUnknownFindingAndABadSize() {
        Reply unknown = http.get("/api/findings/987654321/related");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        long any = http.get("/api/findings?size=1").json().get("content").get(0).get("id").asLong();
        assertThat(http.get("/api/findings/" + any + "/related?size=0").status()).isEqualTo(400);
        assertThat(http.get("/api/findings/" + any + "/related?size=51").status()).isEqualTo(400);
        assertThat(http.get("/api/findings/" + any + "/related?size=50").status()).isEqualTo(200);
    }
}
