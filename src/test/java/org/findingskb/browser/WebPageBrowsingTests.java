package org.findingskb.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;

import org.findingskb.support.Http;
import org.findingskb.support.Http.Reply;
import org.findingskb.support.Meanings;
import org.findingskb.support.TestKeys;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page's ways through the seeded knowledge base beyond a typed search, in a real browser against the real
 * server: browsing findings by filters alone, kind and certainty on every hit, source highlights coloured by kind
 * with a "results only" switch, the study's contents, and its summary first on a phone. Every label shown is the
 * one the API's vocabulary gives.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "kb.test.context=browser")
class WebPageBrowsingTests extends PageTestSupport {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.context.ApplicationContext context;

    private static final Pattern BROWSE_COUNT = Pattern.compile("^([\\d,]+) results? for the chosen filters$");

    Http api;
    JsonNode study;
    /** field → value → label, from GET /api/vocabulary. */
    Map<String, Map<String, String>> vocabulary;

    @BeforeEach
    void desktopWindowSeededStudyAndVocabulary() {
        browser.resize(Browser.DESKTOP);
        api = new Http(port);
        study = api.get("/api/studies").json().get("content").get(0);
        vocabulary = new HashMap<>();
        api.get("/api/vocabulary").json().properties().forEach(entry -> {
            Map<String, String> labels = new java.util.LinkedHashMap<>();
            entry.getValue().forEach(term -> labels.put(term.get("value").asString(), term.get("label").asString()));
            vocabulary.put(entry.getKey(), labels);
        });
    }

    private String label(String field, JsonNode value) {
        return value == null || value.isNull() ? null : vocabulary.get(field).get(value.asString());
    }

    private int browseCount() {
        Matcher matcher = BROWSE_COUNT.matcher(text(browser.find("#result-count")));
        assertThat(matcher.find()).as("result count line: %s", text(browser.find("#result-count"))).isTrue();
        return Integer.parseInt(matcher.group(1).replace(",", ""));
    }

    /** How many findings the API counts for these filters: by search where it browses without words, else its list. */
    private int apiTotal(String filters) {
        Reply search = api.get("/api/search?type=finding&" + filters);
        Reply answer = search.status() == 200 ? search : api.get("/api/findings?" + filters);
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        return answer.json().get("page").get("totalElements").asInt();
    }

    /** Each shown hit's badges match the finding the API serves under its id. */
    private void assertHitBadgesMatchTheirFindings() {
        List<WebElement> hits = browser.findAll(".hit");
        assertThat(hits).isNotEmpty();
        for (WebElement hit : hits) {
            String href = hit.findElement(By.cssSelector(".hit__title a")).getDomAttribute("href");
            assertThat(href).startsWith("#/finding/");
            JsonNode finding = api.get("/api/findings/" + href.substring("#/finding/".length())).json();
            assertThat(text(hit.findElement(By.cssSelector(".badge--kind")))).isEqualTo("Kind: " + label("kind", finding.get("kind")));
            assertThat(text(hit.findElement(By.cssSelector(".badge--certainty"))))
                    .isEqualTo("Certainty: " + label("certainty", finding.get("certainty")));
            List<WebElement> timescale = hit.findElements(By.cssSelector(".badge--timescale"));
            if (finding.get("timescale").isNull()) {
                assertThat(timescale).isEmpty();
            } else {
                assertThat(text(timescale.get(0))).isEqualTo("Timescale: " + label("timescale", finding.get("timescale")));
            }
        }
    }

    @Test
    void findingsAreBrowsedByFiltersAloneWithTheVocabularysLabelsAndBadgesOnEveryHit() {
        browser.load(url("#/"));
        browser.visible(".browse");
        // The home page offers every value of each browsable enumeration, in the vocabulary's words and order.
        for (String facet : List.of("kind", "timescale", "certainty", "conceptType")) {
            assertThat(browser.findAll(".browse a.chip[data-facet=" + facet + "]")).extracting(WebPageBrowsingTests::text)
                    .containsExactlyElementsOf(vocabulary.get(facet).values());
        }

        browser.find(".browse a.chip[data-facet=timescale][data-value=RAPID]").click();
        browser.until(d -> !d.findElements(By.cssSelector(".hit")).isEmpty()
                && BROWSE_COUNT.matcher(text(d.findElement(By.id("result-count")))).find());
        assertThat(browser.hash()).isEqualTo("#/search?timescale=RAPID");
        assertThat(text(browser.find("main h1"))).isEqualTo("Browse findings");
        assertThat(browser.find("#search-input").getDomProperty("value")).isEmpty();
        int rapid = apiTotal("timescale=RAPID");
        assertThat(rapid).isPositive();
        assertThat(browseCount()).isEqualTo(rapid);
        assertThat(browser.findAll(".hit .badge--timescale")).hasSize(browser.findAll(".hit").size())
                .extracting(WebPageBrowsingTests::text).containsOnly("Timescale: " + vocabulary.get("timescale").get("RAPID"));
        assertHitBadgesMatchTheirFindings();
        assertThat(text(browser.find(".active-filters"))).contains("Timescale: " + vocabulary.get("timescale").get("RAPID"));
        browser.screenshot("browse");

        // A second filter narrows what is browsed; the address keeps both.
        browser.find("button.chip[data-facet=kind][data-value=MECHANISM]").click();
        int narrowed = apiTotal("timescale=RAPID&kind=MECHANISM");
        assertThat(narrowed).isPositive().isLessThan(rapid);
        browser.until(d -> BROWSE_COUNT.matcher(text(d.findElement(By.id("result-count")))).find() && browseCount() == narrowed);
        assertThat(browser.hash()).isEqualTo("#/search?kind=MECHANISM&timescale=RAPID");
        assertThat(browser.findAll(".hit")).hasSize(narrowed);
        assertThat(browser.findAll(".hit .badge--kind")).extracting(WebPageBrowsingTests::text)
                .containsOnly("Kind: " + vocabulary.get("kind").get("MECHANISM"));

        // Clearing every filter, with no words typed, is the home page again.
        browser.find(".active-filters .link-button").click();
        browser.visible(".browse");
        assertThat(browser.hash()).isEqualTo("#/");
    }

    @Test
    void wordSearchHitsShowKindTimescaleAndCertaintyWhereTheApiGivesThem() {
        browser.load(url("#/search?q=neurons&type=finding"));
        browser.until(d -> !d.findElements(By.cssSelector(".hit")).isEmpty());
        JsonNode hits = api.get("/api/search?q=neurons&type=finding").json().get("content");
        List<WebElement> shown = browser.findAll(".hit");
        assertThat(shown).hasSize(hits.size());
        for (int i = 0; i < hits.size(); i++) {
            JsonNode hit = hits.get(i);
            for (String field : List.of("kind", "timescale", "certainty")) {
                List<String> badges = shown.get(i).findElements(By.cssSelector(".hit__badges .badge--" + field)).stream()
                        .map(WebPageBrowsingTests::text).toList();
                if (hit.hasNonNull(field)) {
                    assertThat(badges).containsExactly(browserLabel(field) + ": " + label(field, hit.get(field)));
                } else {
                    // An API whose hits do not carry the field yet: no badge, and nothing broken.
                    assertThat(badges).isEmpty();
                }
            }
            if (hit.hasNonNull("study")) {
                assertThat(shown.get(i).findElement(By.cssSelector(".hit__study a")).getDomAttribute("href"))
                        .isEqualTo("#/study/" + hit.get("study").get("slug").asString());
            }
        }
        browser.until(d -> d.findElements(By.cssSelector(".hit__study a")).size() == hits.size());
        assertThat(browser.findAll(".hit__study a")).extracting(WebPageBrowsingTests::text).containsOnly(study.get("title").asString());
    }

    private static String browserLabel(String field) {
        return Map.of("kind", "Kind", "timescale", "Timescale", "certainty", "Certainty").get(field);
    }

    @Test
    void sourceHighlightsAreColouredByKindAndResultsOnlyLeavesTheResults() {
        long sourceId = study.get("source").get("id").asLong();
        JsonNode source = api.get("/api/sources/" + sourceId).json();
        Map<Long, String> kinds = new HashMap<>();
        api.get("/api/studies/" + study.get("id").asLong() + "/findings?size=100").json().get("content")
                .forEach(f -> kinds.put(f.get("id").asLong(), f.get("kind").asString()));

        browser.load(url("#/source/" + sourceId));
        browser.visible("a.hl");
        List<WebElement> highlights = browser.findAll("a.hl");
        for (WebElement highlight : highlights) {
            long first = Long.parseLong(highlight.getDomAttribute("data-findings").split(" ")[0]);
            assertThat(highlight.getDomAttribute("class")).contains("hl--" + kinds.get(first).toLowerCase().replace('_', '-'));
        }
        WebElement result = highlightOf(highlights, kinds, "RESULT");
        WebElement mechanism = highlightOf(highlights, kinds, "MECHANISM");
        String resultColour = result.getCssValue("background-color");
        assertThat(resultColour).isNotEqualTo(mechanism.getCssValue("background-color"))
                .isNotEqualTo("rgba(0, 0, 0, 0)");
        // The legend names each kind in the text in words, with how many findings of it there are.
        long resultsInText = source.get("annotations").valueStream().map(a -> a.get("findingId").asLong()).distinct()
                .filter(id -> "RESULT".equals(kinds.get(id))).count();
        assertThat(browser.findAll(".legend__kinds li")).extracting(WebPageBrowsingTests::text)
                .contains(vocabulary.get("kind").get("RESULT") + " (" + resultsInText + ")");

        WebElement toggle = browser.find("#results-only");
        assertThat(text(browser.find("label[for=results-only]"))).isEqualTo(vocabulary.get("kind").get("RESULT") + "s only");
        toggle.click();
        assertThat(toggle.isSelected()).isTrue();
        for (WebElement highlight : browser.findAll("a.hl")) {
            boolean isResult = List.of(highlight.getDomAttribute("data-kinds").split(" ")).contains("RESULT");
            assertThat(highlight.getDomAttribute("class").contains("hl--muted")).as("%s", text(highlight)).isEqualTo(!isResult);
            if (isResult) {
                assertThat(highlight.getDomAttribute("tabindex")).isNull();
            } else {
                assertThat(highlight.getDomAttribute("tabindex")).isEqualTo("-1");
                assertThat(highlight.getCssValue("background-color")).isEqualTo("rgba(0, 0, 0, 0)");
            }
        }
        assertThat(result.getCssValue("background-color")).isEqualTo(resultColour);
        // The panel lists the results only, each with its kind.
        assertThat(browser.findAll(".panel__item")).hasSize((int) resultsInText);
        assertThat(browser.findAll(".panel__item .badge--kind")).extracting(WebPageBrowsingTests::text)
                .containsOnly("Kind: " + vocabulary.get("kind").get("RESULT"));
        browser.screenshot("source-results-only");

        toggle.click();
        assertThat(browser.findAll("a.hl.hl--muted")).isEmpty();
        assertThat(mechanism.getCssValue("background-color")).isNotEqualTo("rgba(0, 0, 0, 0)");
        assertThat(browser.findAll(".panel__item")).hasSizeGreaterThan((int) resultsInText);
    }

    @Test
    void aPassageOfTheSourceNamedByItsOffsetsIsMarkedAndScrolledIntoView() {
        long sourceId = study.get("source").get("id").asLong();
        String fullText = api.get("/api/sources/" + sourceId).json().get("text").asString();
        int start = fullText.indexOf(' ', fullText.length() * 2 / 3) + 1;
        int end = start + 50;

        browser.load(url("#/source/" + sourceId + "?start=" + start + "&end=" + end));
        browser.visible("a.hl");
        String passage = "const h = CSS.highlights.get('passage'); const r = h && [...h][0];";
        browser.until(d -> browser.script(passage + " return r ? r.toString() : null") != null);
        assertThat((String) browser.script(passage + " return r.toString()")).isEqualTo(fullText.substring(start, end));
        assertThat((Boolean) browser.script(passage + " const box = r.getBoundingClientRect();"
                + " return box.top >= 0 && box.bottom <= innerHeight")).as("passage scrolled into view").isTrue();

        // Leaving the source clears the mark.
        browser.script("location.hash = '#/'");
        browser.visible(".browse");
        assertThat((Boolean) browser.script("return CSS.highlights.has('passage')")).isFalse();
    }

    private static WebElement highlightOf(List<WebElement> highlights, Map<Long, String> kinds, String kind) {
        return highlights.stream()
                .filter(h -> kind.equals(kinds.get(Long.parseLong(h.getDomAttribute("data-findings").split(" ")[0]))))
                .findFirst().orElseThrow(() -> new AssertionError("no highlight of a " + kind + " finding"));
    }

    @Test
    void theStudyViewListsItsPartsAndEachLinkGoesToItsPart() {
        String slug = study.get("slug").asString();
        browser.load(url("#/study/" + slug));
        WebElement nav = browser.visible("nav.page-nav");
        assertThat(nav.getDomAttribute("aria-label")).isEqualTo("On this page");
        List<WebElement> links = nav.findElements(By.tagName("a"));
        assertThat(links).extracting(WebPageBrowsingTests::text).containsExactly("In brief", "Effects", "Mechanisms",
                "Researchers", "What it could mean", "Caveats", "Citation", "All findings");
        // Each link names a part that is on the page, in the page's order.
        List<Integer> tops = links.stream().map(link -> {
            String section = link.getDomAttribute("data-section");
            assertThat(link.getDomAttribute("href")).isEqualTo("#/study/" + slug + "?section=" + section);
            return browser.find("#" + section + "-heading").getRect().getY();
        }).toList();
        assertThat(tops).isSorted();

        nav.findElement(By.linkText("Caveats")).click();
        browser.until(d -> "caveats-heading".equals(browser.script("return document.activeElement.id")));
        assertThat(browser.hash()).isEqualTo("#/study/" + slug + "?section=caveats");
        assertThat(nav.findElement(By.linkText("Caveats")).getDomAttribute("aria-current")).isEqualTo("location");
        browser.until(d -> (Boolean) browser.script("const r = document.getElementById('caveats-heading')"
                + ".getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight;"));

        // A permalink to a part opens the study there.
        browser.load(url("#/study/" + slug + "?section=findings"));
        browser.until(d -> "findings-heading".equals(browser.script("return document.activeElement && document.activeElement.id")));
        assertThat(browser.hash()).isEqualTo("#/study/" + slug + "?section=findings");
    }

    @Test
    void onAPhoneTheSummaryComesRightAfterTheTitleBeforeTheFactsAndTheContents() {
        browser.resize(Browser.PHONE);
        browser.load(url("#/study/" + study.get("slug").asString()));
        browser.visible(".summary");
        int title = browser.find("main h1").getRect().getY();
        int summary = browser.find(".summary").getRect().getY();
        int facts = browser.find(".study-facts").getRect().getY();
        int contents = browser.find(".page-nav").getRect().getY();
        int effects = browser.find("#effects-heading").getRect().getY();
        assertThat(title).isLessThan(summary);
        assertThat(summary).isLessThan(facts).isLessThan(contents).isLessThan(effects);
        assertThat((Long) browser.script("return scrollY")).isZero();
        assertThat((Long) browser.script("return innerHeight")).as("the summary starts on the first screen").isGreaterThan(summary);
        browser.screenshot("study-phone-summary");

        // On a wide screen the facts stand beside the summary instead of below it.
        browser.resize(Browser.DESKTOP);
        browser.until(d -> browser.find(".study-facts").getRect().getX() > browser.find(".summary").getRect().getX());
        assertThat(browser.find(".study-facts").getRect().getY()).isEqualTo(browser.find(".summary").getRect().getY());
    }

    @Test
    void theFindingViewListsRelatedFindingsOfOtherStudiesEachWithItsClosenessAndALink() throws IOException {
        // A second study about BMP signalling in the hippocampus, for the seed's finding to relate to.
        String article = new String(new ClassPathResource("compare/antidepressant-quiets-bmp-in-hippocampus.txt")
                .getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Reply ingested = api.send("POST", "/api/sources", article, TestKeys.curator("Content-Type", "text/plain"));
        assertThat(ingested.status()).as("%s", ingested).isIn(200, 201);
        Meanings.awaitEmbedded(context);
        long seedId = api.get("/api/studies/how-ketamine-helps-depression-quickly-and-over-time").json().get("id").asLong();
        long bmp = api.get("/api/studies/" + seedId + "/findings?size=100").json().get("content").valueStream()
                .filter(f -> f.get("statement").asString().contains("BMP"))
                .filter(f -> f.get("statement").asString().contains("hippocampus"))
                .findFirst().orElseThrow().get("id").asLong();
        List<JsonNode> related = api.get("/api/findings/" + bmp + "/related?size=5").json().valueStream().toList();
        assertThat(related).isNotEmpty();

        browser.load(url("#/finding/" + bmp));
        assertThat(text(browser.visible("#related-heading"))).isEqualTo("Related in other studies");
        browser.visible(".related__item");
        List<WebElement> items = browser.findAll(".related__item");
        assertThat(items).hasSize(related.size());
        for (int i = 0; i < items.size(); i++) {
            WebElement item = items.get(i);
            JsonNode expected = related.get(i);
            WebElement link = item.findElement(By.cssSelector(".related__finding"));
            assertThat(link.getDomAttribute("href")).isEqualTo("#/finding/" + expected.get("finding").get("id").asLong());
            assertThat(text(link)).isEqualTo(expected.get("finding").get("statement").asString());
            long percent = Math.round(Math.max(0, expected.get("score").asDouble()) * 100);
            assertThat(text(item)).contains(percent + "% similar").contains(expected.get("study").get("title").asString());
            assertThat(item.findElement(By.cssSelector(".confidence__bar span")).getDomAttribute("style"))
                    .contains("width: " + percent + "%");
        }
        // Each related finding's link leads to its own view.
        items.get(0).findElement(By.cssSelector(".related__finding")).click();
        JsonNode first = related.get(0).get("finding");
        browser.until(d -> browser.script("return location.hash").equals("#/finding/" + first.get("id").asLong()));
        assertThat(text(browser.visible(".finding__statement"))).isEqualTo(first.get("statement").asString());
    }
}
