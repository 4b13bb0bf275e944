package org.findingskb.browser;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

import org.findingskb.support.Http;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web page at {@code /}, driven in a real browser against the real server and the seeded knowledge base:
 * live search with facets, the study, finding and source views, permalinks, keyboard use and the phone layout.
 * What the page shows is checked against what the public API answers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "kb.test.context=browser")
class WebPageTests extends PageTestSupport {

    private static final Pattern RESULT_COUNT = Pattern.compile("^([\\d,]+) results? for “(.*)”");

    /** The words the page uses for the API's enumerations. */
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("RESULT", "Result"), Map.entry("MECHANISM", "Mechanism"), Map.entry("PRIOR_WORK", "Prior work"),
            Map.entry("IMPLICATION", "Implication"), Map.entry("CONTEXT", "Context"),
            Map.entry("RAPID", "Fast"), Map.entry("SUSTAINED", "Lasting"),
            Map.entry("REPORTED", "Reported"), Map.entry("SUGGESTED", "Suggested"),
            Map.entry("UNREVIEWED", "Unreviewed"), Map.entry("ACCEPTED", "Accepted"),
            Map.entry("REJECTED", "Rejected"), Map.entry("RETRACTED", "Retracted"),
            Map.entry("EXTRACTED", "Extracted"), Map.entry("CURATED", "Curated"),
            Map.entry("LEAD", "Lead researcher"), Map.entry("SENIOR", "Senior author"), Map.entry("AUTHOR", "Author"),
            Map.entry("QUOTED", "Quoted"));

    Http api;
    JsonNode study;

    @BeforeEach
    void desktopWindowAndSeededStudy() {
        browser.resize(Browser.DESKTOP);
        api = new Http(port);
        study = api.get("/api/studies").json().get("content").get(0);
    }

    private static String word(JsonNode value) {
        return value == null || value.isNull() ? "Not stated" : WORDS.get(value.asString());
    }

    private WebElement heading() {
        return browser.visible("main h1");
    }

    private void waitForHeading(String expected) {
        browser.until(d -> {
            List<WebElement> headings = d.findElements(By.cssSelector("main h1"));
            return !headings.isEmpty() && text(headings.get(0)).equals(expected);
        });
    }

    /** dt → dd text of a description list of labelled badges. */
    private static Map<String, String> labelled(WebElement list) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (WebElement item : list.findElements(By.cssSelector(".badge-list__item"))) {
            pairs.put(text(item.findElement(By.tagName("dt"))), text(item.findElement(By.tagName("dd"))));
        }
        return pairs;
    }

    private int resultCount() {
        Matcher matcher = RESULT_COUNT.matcher(text(browser.find("#result-count")));
        assertThat(matcher.find()).as("result count line: %s", text(browser.find("#result-count"))).isTrue();
        return Integer.parseInt(matcher.group(1).replace(",", ""));
    }

    @Test
    void typingSearchesLiveWithHighlightedSnippetsAndFacetCountsThatNarrowTheResults() {
        browser.load(url("#/"));
        WebElement input = browser.visible("#search-input");
        assertThat(browser.find("label[for=search-input]").getDomProperty("textContent")).isNotBlank();

        input.sendKeys("young neurons");

        browser.until(d -> !d.findElements(By.cssSelector(".hit mark")).isEmpty()
                && RESULT_COUNT.matcher(text(d.findElement(By.id("result-count")))).find());
        assertThat(browser.hash()).isEqualTo("#/search?q=young+neurons");
        assertThat(browser.find("#result-count").getDomAttribute("aria-live")).isEqualTo("polite");
        int total = resultCount();
        JsonNode answer = api.get("/api/search?q=young%20neurons").json();
        assertThat(total).isEqualTo(answer.get("page").get("totalElements").asInt());
        assertThat(browser.findAll(".hit mark")).extracting(WebElement::getText)
                .allSatisfy(marked -> assertThat(marked.toLowerCase()).containsAnyOf("young", "neuron"));
        assertThat(browser.findAll(".hit .badge--type")).extracting(WebPageTests::text).contains("Finding");

        // Every facet value the API counts is a toggle showing that count.
        JsonNode kinds = answer.get("facets").get("kind");
        assertThat(kinds.size()).isGreaterThan(1);
        for (String kind : kinds.propertyNames()) {
            WebElement chip = browser.find("button.chip[data-facet=kind][data-value=" + kind + "]");
            assertThat(chip.getDomAttribute("aria-pressed")).isEqualTo("false");
            assertThat(chip.getDomAttribute("data-count")).isEqualTo(kinds.get(kind).asString());
            assertThat(text(chip)).startsWith(WORDS.get(kind));
        }
        browser.screenshot("search");

        String narrowest = kinds.propertyNames().stream().min((a, b) -> kinds.get(a).asInt() - kinds.get(b).asInt())
                .orElseThrow();
        int expected = kinds.get(narrowest).asInt();
        assertThat(expected).isLessThan(total);
        browser.find("button.chip[data-facet=kind][data-value=" + narrowest + "]").click();

        browser.until(d -> RESULT_COUNT.matcher(text(d.findElement(By.id("result-count")))).find()
                && resultCount() == expected);
        assertThat(browser.hash()).isEqualTo("#/search?q=young+neurons&kind=" + narrowest);
        assertThat(browser.findAll(".hit")).hasSize(expected);
        assertThat(browser.findAll(".hit .badge--type")).extracting(WebPageTests::text).containsOnly("Finding");
        assertThat(browser.find("button.chip[data-facet=kind][data-value=" + narrowest + "]")
                .getDomAttribute("aria-pressed")).isEqualTo("true");
        assertThat(text(browser.find(".active-filters"))).contains("Kind: " + WORDS.get(narrowest));

        // Back undoes the filter; the live search itself left no history entry per keystroke.
        browser.driver().navigate().back();
        browser.until(d -> resultCount() == total);
        assertThat(browser.hash()).isEqualTo("#/search?q=young+neurons");
    }

    @Test
    void loadMoreAppendsTheNextPageThroughTheCursorAndHidesWhenNoneIsLeft() {
        String q = "ketamine | neurons | brain | depression | mood | study";
        JsonNode first = api.get("/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).json();
        int total = first.get("page").get("totalElements").asInt();
        int pageSize = first.get("page").get("size").asInt();
        assertThat(first.hasNonNull("cursor")).as("the query has a second page").isTrue();

        browser.load(url("#/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)));
        browser.until(d -> d.findElements(By.cssSelector(".hit")).size() == pageSize);
        WebElement more = browser.visible("button.more");
        assertThat(text(more)).isEqualTo("Load more results");
        while (more.isDisplayed()) {
            int shown = browser.findAll(".hit").size();
            more.click();
            browser.until(d -> d.findElements(By.cssSelector(".hit")).size() > shown);
            assertThat((Boolean) browser.script("return document.activeElement.closest('.hit') !== null"))
                    .as("focus moves to the first new hit").isTrue();
        }
        List<String> links = browser.findAll(".hit__title a").stream().map(a -> a.getDomAttribute("href")).toList();
        assertThat(links).hasSize(total).doesNotHaveDuplicates();
        assertThat(resultCount()).isEqualTo(total);
    }

    @Test
    void studyViewShowsSummaryBothEffectsWithOnsetMechanismsResearchersAndCaveats() {
        JsonNode summary = api.get("/api/studies/" + study.get("id").asLong() + "/summary").json();
        JsonNode mechanisms = api.get("/api/studies/" + study.get("id").asLong() + "/mechanisms").json();
        // The seeded study states a fast effect with its onset and a lasting one without.
        JsonNode rapid = summary.get("effects").get("rapid");
        JsonNode sustained = summary.get("effects").get("sustained");
        assertThat(rapid.get("onset").isNull()).isFalse();
        assertThat(sustained.get("onset").isNull()).isTrue();

        browser.load(url("#/search?q=ketamine+depression&type=study"));
        browser.visible(".hit--study .hit__title a").click();

        waitForHeading(study.get("title").asString());
        browser.until(d -> browser.hash().equals("#/study/" + study.get("slug").asString()));

        String plain = text(browser.find(".summary__plain"));
        summary.get("plainLanguage").forEach(s -> assertThat(plain).contains(s.get("text").asString()));
        assertThat(browser.findAll(".summary__plain a.ref")).extracting(a -> a.getDomAttribute("href"))
                .contains("#/finding/" + summary.get("plainLanguage").get(0).get("findings").get(0).get("id").asLong());

        WebElement fast = browser.find("#effect-rapid");
        WebElement lasting = browser.find("#effect-sustained");
        assertThat(text(fast.findElement(By.tagName("h3")))).isEqualTo("Fast effect");
        assertThat(text(fast.findElement(By.cssSelector(".onset"))))
                .isEqualTo("Onset: " + rapid.get("onset").asString());
        rapid.get("sentences").forEach(sentence -> assertThat(text(fast)).contains(sentence.get("text").asString()));
        assertThat(text(lasting.findElement(By.tagName("h3")))).isEqualTo("Lasting effect");
        assertThat(text(lasting.findElement(By.cssSelector(".onset")))).isEqualTo("Onset not stated");
        sustained.get("sentences").forEach(sentence -> assertThat(text(lasting)).contains(sentence.get("text").asString()));
        // Side by side on a wide screen.
        assertThat(fast.getRect().getY()).isEqualTo(lasting.getRect().getY());
        assertThat(fast.getRect().getX() + fast.getRect().getWidth()).isLessThanOrEqualTo(lasting.getRect().getX());

        assertThat(browser.findAll(".mechanism")).hasSize(mechanisms.size());
        List<String> regions = new ArrayList<>();
        List<String> pathways = new ArrayList<>();
        mechanisms.forEach(m -> {
            m.get("brainRegions").forEach(c -> regions.add(c.get("name").asString()));
            m.get("pathways").forEach(c -> pathways.add(c.get("name").asString()));
        });
        assertThat(regions).isNotEmpty();
        assertThat(pathways).isNotEmpty();
        String mechanismText = browser.findAll(".mechanism .fact").stream().map(WebPageTests::text)
                .reduce("", (a, b) -> a + " | " + b);
        regions.forEach(region -> assertThat(mechanismText).contains("Brain regions" + region));
        pathways.forEach(pathway -> assertThat(mechanismText).contains("Pathways" + pathway));

        List<WebElement> researchers = browser.findAll(".researcher");
        assertThat(researchers).hasSize(study.get("researchers").size());
        for (int i = 0; i < researchers.size(); i++) {
            JsonNode researcher = study.get("researchers").get(i);
            assertThat(text(researchers.get(i))).startsWith(researcher.get("name").asString())
                    .contains(WORDS.get(researcher.get("role").asString()));
        }

        List<WebElement> caveats = browser.findAll(".caveats li");
        Map<String, String> caveatLabels = new java.util.HashMap<>();
        api.get("/api/vocabulary").json().get("caveat")
                .forEach(term -> caveatLabels.put(term.get("value").asString(), term.get("label").asString()));
        assertThat(caveats).hasSize(summary.get("caveats").size());
        for (int i = 0; i < caveats.size(); i++) {
            JsonNode caveat = summary.get("caveats").get(i);
            assertThat(text(caveats.get(i))).startsWith(caveatLabels.get(caveat.get("code").asString()) + ": "
                    + caveat.get("text").asString());
            assertThat(caveats.get(i).findElements(By.cssSelector("a.ref"))).extracting(a -> a.getDomAttribute("href"))
                    .containsExactlyElementsOf(caveat.get("findings").valueStream()
                            .map(f -> "#/finding/" + f.get("id").asLong()).toList());
        }
        assertThat(browser.find(".caveats").getCssValue("background-color"))
                .isNotEqualTo(browser.find(".summary").getCssValue("background-color"));
        assertThat(text(browser.find(".citation"))).isEqualTo(summary.get("citation").asString());
        assertThat(browser.find("a[href='#/source/" + study.get("source").get("id").asLong() + "']").isDisplayed()).isTrue();
        browser.until(d -> d.findElements(By.cssSelector(".finding-row")).size() == study.get("findingCount").asInt());
        assertThat(browser.findAll(".paged .more")).as("no further page of findings is offered")
                .noneMatch(WebElement::isDisplayed);

        browser.fullPageScreenshot("study");
    }

    @Test
    void aHighlightInTheSourceShowsItsFindingAndTheFindingLeadsBackToItsSentence() {
        long sourceId = study.get("source").get("id").asLong();
        JsonNode source = api.get("/api/sources/" + sourceId).json();
        String fullText = source.get("text").asString();

        browser.load(url("#/source/" + sourceId));
        browser.visible("a.hl");

        // Every annotation's span is on the page, as the exact text it covers, linked to its finding.
        for (JsonNode annotation : source.get("annotations")) {
            long findingId = annotation.get("findingId").asLong();
            String covered = browser.findAll("a.hl").stream()
                    .filter(a -> List.of(a.getDomAttribute("data-findings").split(" ")).contains(String.valueOf(findingId)))
                    .map(a -> a.getDomProperty("textContent")).reduce("", String::concat);
            assertThat(covered).isEqualTo(fullText.substring(annotation.get("start").asInt(), annotation.get("end").asInt()));
        }
        assertThat(text(browser.find(".source-text"))).isEqualTo(fullText.replaceAll("\\s+", " ").strip());
        // Beside the text, before any choice: every finding that rests on it, in the order of the text.
        List<Long> inTextOrder = source.get("annotations").valueStream()
                .sorted((a, b) -> a.get("start").asInt() - b.get("start").asInt())
                .map(a -> a.get("findingId").asLong()).distinct().toList();
        browser.until(d -> d.findElements(By.cssSelector(".panel__item")).size() == inTextOrder.size());
        assertThat(browser.findAll(".panel__item")).extracting(a -> a.getDomAttribute("href"))
                .containsExactlyElementsOf(inTextOrder.stream().map(f -> "#/source/" + sourceId + "?finding=" + f).toList());

        long findingId = api.get("/api/studies/" + study.get("id").asLong() + "/summary").json()
                .get("effects").get("rapid").get("sentences").get(0).get("findings").get(0).get("id").asLong();
        JsonNode finding = api.get("/api/findings/" + findingId).json();
        WebElement highlight = browser.find("a.hl[data-findings~='" + findingId + "']");
        highlight.click();

        WebElement panel = browser.visible(".finding-panel.is-open");
        browser.until(d -> text(panel).contains(finding.get("statement").asString()));
        assertThat(text(panel.findElement(By.tagName("h2")))).isEqualTo("Finding " + findingId);
        assertThat(labelled(panel.findElement(By.cssSelector(".badge-list")))).containsExactly(
                Map.entry("Kind", word(finding.get("kind"))),
                Map.entry("Timescale", word(finding.get("timescale"))),
                Map.entry("Certainty", word(finding.get("certainty"))),
                Map.entry("Review status", word(finding.get("reviewStatus"))));
        assertThat(browser.hash()).isEqualTo("#/source/" + sourceId + "?finding=" + findingId);
        assertThat(highlight.getDomAttribute("class")).contains("is-active");
        assertThat(highlight.getDomAttribute("aria-current")).isEqualTo("true");
        browser.screenshot("source-panel");

        panel.findElement(By.linkText("Open the finding")).click();
        waitForHeading(finding.get("statement").asString());
        assertThat(browser.hash()).isEqualTo("#/finding/" + findingId);
        assertThat(labelled(browser.find(".page-head .badge-list"))).containsEntry("Kind", word(finding.get("kind")))
                .containsEntry("Timescale", word(finding.get("timescale")))
                .containsEntry("Certainty", word(finding.get("certainty")))
                .containsEntry("Review status", word(finding.get("reviewStatus")))
                .containsEntry("Origin", word(finding.get("origin")))
                .containsKey("Confidence");
        JsonNode evidence = finding.get("evidence").get(0);
        assertThat(text(browser.find(".evidence__exact"))).isEqualTo(evidence.get("exact").asString().replaceAll("\\s+", " ").strip());
        assertThat(text(browser.find(".evidence__quote"))).contains(evidence.get("suffix").asString().replaceAll("\\s+", " ").strip());
        browser.until(d -> !d.findElements(By.cssSelector(".finding .mechanism")).isEmpty());
        browser.fullPageScreenshot("finding");

        browser.find(".evidence a[href^='#/source/']").click();
        WebElement emphasised = browser.visible("a.hl.is-active");
        assertThat(browser.hash()).isEqualTo("#/source/" + sourceId + "?finding=" + findingId);
        assertThat(emphasised.getDomProperty("textContent")).isEqualTo(evidence.get("exact").asString());
        assertThat(browser.findAll("a.hl.is-active")).hasSize(1);
        assertThat((Boolean) browser.script("const r = arguments[0].getBoundingClientRect();"
                + " return r.top >= 0 && r.bottom <= innerHeight;", emphasised)).as("sentence scrolled into view").isTrue();
        assertThat((Boolean) browser.script("return document.activeElement === arguments[0]", emphasised)).isTrue();
        browser.screenshot("source");
    }

    @Test
    void aPermalinkOpensItsViewInAFreshPageAndSurvivesReloadAndHistory() {
        long findingId = api.get("/api/studies/" + study.get("id").asLong() + "/findings?size=1&sort=id,desc").json()
                .get("content").get(0).get("id").asLong();
        JsonNode finding = api.get("/api/findings/" + findingId).json();

        browser.load(url("#/finding/" + findingId));
        waitForHeading(finding.get("statement").asString());
        assertThat(browser.driver().getTitle()).isEqualTo("Finding " + findingId + " · Findings KB");

        browser.driver().navigate().refresh();
        waitForHeading(finding.get("statement").asString());

        browser.visible(".finding__study a").click();
        waitForHeading(study.get("title").asString());
        browser.driver().navigate().back();
        waitForHeading(finding.get("statement").asString());
        browser.driver().navigate().forward();
        waitForHeading(study.get("title").asString());

        String slugLink = url("#/study/" + study.get("slug").asString());
        browser.load(slugLink);
        waitForHeading(study.get("title").asString());

        // A mechanism's search hit opens its study at that mechanism; the address settles on the slug.
        long mechanismId = api.get("/api/studies/" + study.get("id").asLong() + "/mechanisms").json().get(1).get("id").asLong();
        browser.load(url("#/study/" + study.get("id").asLong() + "?mechanism=" + mechanismId));
        assertThat(browser.visible(".mechanism.is-targeted").getDomAttribute("id")).isEqualTo("mechanism-" + mechanismId);
        assertThat(browser.hash()).isEqualTo("#/study/" + study.get("slug").asString() + "?mechanism=" + mechanismId);

        browser.load(url("#/source/" + study.get("source").get("id").asLong() + "?finding=" + findingId));
        assertThat(browser.visible("a.hl.is-active").getDomAttribute("data-findings")).contains(String.valueOf(findingId));

        browser.load(url("#/search?q=hippocampus&type=concept"));
        browser.until(d -> !d.findElements(By.cssSelector(".hit--concept")).isEmpty());
        assertThat(browser.findAll(".hit")).allSatisfy(hit -> assertThat(hit.getDomAttribute("class")).contains("hit--concept"));
        assertThat(browser.find("#search-input").getDomProperty("value")).isEqualTo("hippocampus");

        // A search the API refuses, and a permalink to nothing, say so politely, in the API's words.
        String refusal = api.get("/api/search?q=neurons&kind=bogus").json().get("detail").asString();
        browser.load(url("#/search?q=neurons&kind=bogus"));
        assertThat(text(browser.visible(".results [role=alert]"))).contains(refusal);
        assertThat(text(browser.find("#result-count"))).isEqualTo("The search could not be completed.");

        // A permalink to nothing says so politely, in the API's words.
        String detail = api.get("/api/findings/987654321").json().get("detail").asString();
        browser.load(url("#/finding/987654321"));
        WebElement problem = browser.visible("[role=alert]");
        assertThat(text(problem)).contains("Not found").contains(detail);
    }

    @Test
    void highlightsAreReachedWithTabAndOpenedWithEnter() {
        browser.load(url("#/source/" + study.get("source").get("id").asLong()));
        browser.visible("a.hl");

        Actions keys = new Actions(browser.driver());
        WebElement focused = null;
        for (int i = 0; i < 40 && focused == null; i++) {
            keys.sendKeys(Keys.TAB).perform();
            WebElement active = browser.driver().switchTo().activeElement();
            assertThat(active.getCssValue("outline-style")).as("focus is visible on %s", active.getTagName())
                    .isNotEqualTo("none");
            if (active.getDomAttribute("class") != null && active.getDomAttribute("class").contains("hl")) {
                focused = active;
            }
        }
        assertThat(focused).as("a highlight is reachable with Tab").isNotNull();
        String findingId = focused.getDomAttribute("data-findings").split(" ")[0];
        JsonNode finding = api.get("/api/findings/" + findingId).json();

        keys.sendKeys(Keys.ENTER).perform();
        WebElement panel = browser.visible(".finding-panel.is-open");
        browser.until(d -> text(panel).contains(finding.get("statement").asString()));
        assertThat(browser.hash()).endsWith("?finding=" + findingId);
        assertThat((Boolean) browser.script("return document.activeElement.classList.contains('is-active')")).isTrue();

        // Enter again on the chosen highlight opens its finding.
        keys.sendKeys(Keys.ENTER).perform();
        waitForHeading(finding.get("statement").asString());
        assertThat(browser.hash()).isEqualTo("#/finding/" + findingId);
    }

    @Test
    void onAPhoneThePageFitsTheScreenStacksTheEffectsAndKeepsTapTargetsLarge() {
        browser.resize(Browser.PHONE);
        browser.load(url("#/study/" + study.get("slug").asString()));
        waitForHeading(study.get("title").asString());
        browser.until(d -> !d.findElements(By.cssSelector(".finding-row")).isEmpty());
        assertThat((Long) browser.script("return innerWidth")).isLessThanOrEqualTo(Browser.PHONE.getWidth());

        assertNoHorizontalScroll();
        WebElement fast = browser.find("#effect-rapid");
        WebElement lasting = browser.find("#effect-sustained");
        assertThat(fast.getRect().getY() + fast.getRect().getHeight()).isLessThanOrEqualTo(lasting.getRect().getY());
        assertThat(fast.getRect().getWidth()).isEqualTo(lasting.getRect().getWidth());
        assertTapTargetsAtLeast44("#search-input, .site-nav a, .button, .concept, .page-nav a");
        browser.fullPageScreenshot("study-phone-full");
        browser.script("document.getElementById('effects-heading').scrollIntoView()");
        browser.screenshot("study-phone");

        browser.load(url("#/search?q=ketamine"));
        browser.until(d -> !d.findElements(By.cssSelector(".hit")).isEmpty());
        assertNoHorizontalScroll();
        browser.find(".facets summary").click();
        assertTapTargetsAtLeast44(".chip:not(:disabled)");

        browser.load(url("#/source/" + study.get("source").get("id").asLong()));
        browser.visible("a.hl").click();
        assertTapTargetsAtLeast44(".switch label");
        WebElement sheet = browser.visible(".finding-panel.is-open");
        assertThat(sheet.getCssValue("position")).isEqualTo("fixed");
        assertNoHorizontalScroll();
        browser.screenshot("source-phone");
    }

    private void assertNoHorizontalScroll() {
        Long overflow = browser.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow).as("horizontal overflow in px").isLessThanOrEqualTo(0L);
    }

    private void assertTapTargetsAtLeast44(String css) {
        List<WebElement> targets = browser.findAll(css).stream().filter(WebElement::isDisplayed).toList();
        assertThat(targets).isNotEmpty();
        assertThat(targets).allSatisfy(target -> assertThat(target.getRect().getHeight())
                .as("height of %s “%s”", target.getTagName(), text(target)).isGreaterThanOrEqualTo(44));
    }
}
