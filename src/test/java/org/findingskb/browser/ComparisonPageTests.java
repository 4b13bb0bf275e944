package org.findingskb.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;

import org.findingskb.support.Http;
import org.findingskb.support.Http.Reply;
import org.findingskb.support.TestKeys;

/**
 * What the studies say about a concept, on the page: the concept view groups its findings by study, and the
 * comparison view sets the studies side by side with each effect's direction, quote and finding, the agreement
 * across them, and the same comparison as CSV and Markdown files. A real browser against the real server, with the
 * seed and an invented second article about an antidepressant that lowers BMP signalling.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "kb.test.context=curation")
class ComparisonPageTests extends PageTestSupport {

    private static final String ARTICLE = "compare/second-antidepressant-lowers-bmp.txt";
    /** The invented article's sentence that lowers BMP signalling, as its effect quotes it. */
    private static final String QUOTE = "sertraline reduced BMP signalling";

    Http api;
    long bmp;
    JsonNode seed;
    JsonNode invented;
    String decreases;
    Path downloads;

    @BeforeEach
    void seedAndASecondStudyAboutBmp() throws IOException {
        browser.resize(Browser.DESKTOP);
        api = new Http(port);
        String text = new String(new ClassPathResource(ARTICLE).getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Reply reply = api.send("POST", "/api/sources", text, TestKeys.curator("Content-Type", "text/plain"));
        assertThat(reply.status()).as(reply.body()).isIn(200, 201);
        invented = api.get("/api/studies/" + reply.json().get("studyId").asLong()).json();
        seed = api.get("/api/studies?sort=id,asc&size=1").json().get("content").get(0);
        bmp = api.get("/api/concepts?q=BMP").json().get("content").get(0).get("id").asLong();
        decreases = list(api.get("/api/vocabulary").json().get("direction")).stream()
                .filter(term -> term.get("value").asString().equals("DECREASES")).findFirst().orElseThrow()
                .get("label").asString();
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    private static long id(JsonNode study) {
        return study.get("id").asLong();
    }

    /** The effects of a study's row that lower BMP signalling, as the API compares on BMP. */
    private List<JsonNode> bmpDecreases(long studyId) {
        JsonNode row = list(api.get("/api/compare?concept=" + bmp).json().get("rows")).stream()
                .filter(r -> r.get("study").get("id").asLong() == studyId).findFirst().orElseThrow();
        return list(row.get("effects")).stream()
                .filter(e -> e.get("direction").asString().equals("DECREASES") && e.get("object").get("id").asLong() == bmp)
                .toList();
    }

    private WebElement row(long studyId) {
        return browser.visible(".compare-row[data-study-id='" + studyId + "']");
    }

    /** The row shows each effect on BMP with its direction in the vocabulary's words, its quote and its finding. */
    private void assertRowShowsItsDecreases(long studyId) {
        List<JsonNode> effects = bmpDecreases(studyId);
        assertThat(effects).as("study %d lowers BMP signalling", studyId).isNotEmpty();
        WebElement row = row(studyId);
        for (JsonNode effect : effects) {
            long finding = effect.get("findingId").asLong();
            WebElement shown = row.findElements(By.cssSelector(".compare-effect[data-direction=DECREASES]")).stream()
                    .filter(e -> String.valueOf(finding).equals(e.getDomAttribute("data-finding-id")))
                    .filter(e -> text(e).contains(effect.get("object").get("name").asString()))
                    .findFirst().orElseThrow(() -> new AssertionError("no effect of finding " + finding + " in " + text(row)));
            assertThat(text(shown.findElement(By.cssSelector(".badge--direction")))).endsWith(decreases);
            assertThat(text(shown.findElement(By.cssSelector(".compare-quote")))).contains(effect.get("quote").asString());
            assertThat(shown.findElement(By.cssSelector(".compare-effect__finding")).getDomAttribute("href"))
                    .isEqualTo("#/finding/" + finding);
        }
    }

    private void assertBothRowsAndTheAgreement() {
        assertRowShowsItsDecreases(id(seed));
        assertRowShowsItsDecreases(id(invented));
        assertThat(text(row(id(invented)))).contains(QUOTE);
        // One line per subject and object, as the API counts them, naming the studies behind each direction.
        JsonNode comparison = api.get("/api/compare?concept=" + bmp).json();
        List<JsonNode> lines = list(comparison.get("agreement"));
        List<WebElement> items = browser.findAll(".agreement__item");
        assertThat(items).hasSameSizeAs(lines);
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = lines.get(i);
            String shown = text(items.get(i));
            assertThat(shown).contains(line.get("subject").get("name").asString())
                    .contains(line.get("object").get("name").asString())
                    .contains(line.get("studyIds").size() + (line.get("studyIds").size() == 1 ? " study" : " studies"));
            for (JsonNode studyId : line.get("studyIds")) {
                assertThat(shown).contains(api.get("/api/studies/" + studyId.asLong()).json().get("title").asString());
            }
        }
        for (JsonNode study : List.of(seed, invented)) {
            assertThat(items).as("an agreement line on %s lowering BMP", study.get("title").asString())
                    .anySatisfy(item -> assertThat(text(item)).contains(decreases).contains(study.get("title").asString()));
        }
    }

    @Test
    void theConceptViewListsEachStudyWithItsFindingsAboutTheConcept() {
        browser.load(url("#/concept/" + bmp));
        // The first page of studies, as the page shows it before "More studies".
        for (JsonNode entry : api.get("/api/concepts/" + bmp + "/studies?size=20").json().get("content")) {
            long studyId = entry.get("study").get("id").asLong();
            WebElement group = browser.visible(".study-group[data-study-id='" + studyId + "']");
            assertThat(group.findElement(By.cssSelector(".study-group__title a")).getDomAttribute("href"))
                    .isEqualTo("#/study/" + entry.get("study").get("slug").asString());
            List<String> shown = group.findElements(By.cssSelector(".finding-row__statement")).stream()
                    .map(link -> link.getDomAttribute("href") + " " + text(link)).toList();
            List<String> served = list(entry.get("findings")).stream()
                    .map(f -> "#/finding/" + f.get("id").asLong() + " " + f.get("statement").asString().replaceAll("\\s+", " ").strip())
                    .toList();
            assertThat(shown).as("findings of study %d about BMP", studyId).containsExactlyElementsOf(served).isNotEmpty();
        }
        assertThat(browser.findAll(".study-group")).extracting(g -> g.getDomAttribute("data-study-id"))
                .contains(String.valueOf(id(seed)), String.valueOf(id(invented)));
        assertThat(text(browser.find(".study-group[data-study-id='" + id(invented) + "']"))).contains(QUOTE);
        browser.fullPageScreenshot("concept-studies");
    }

    @Test
    void theComparisonSetsBothStudiesSideBySideWithDirectionsQuotesAndFiles(@TempDir Path downloads) throws IOException {
        this.downloads = downloads;
        browser.downloadInto(downloads);
        browser.load(url("#/concept/" + bmp));
        browser.visible(".compare-all").click();
        browser.until(d -> browser.hash().equals("#/compare?concept=" + bmp));
        assertBothRowsAndTheAgreement();
        assertThat(text(browser.find("main h1"))).contains(api.get("/api/concepts/" + bmp).json().get("name").asString());
        browser.fullPageScreenshot("compare-desktop");

        assertThat(download("csv")).startsWith("studyId,study,population,design").contains(QUOTE).contains("DECREASES");
        assertThat(download("md")).contains("| study |").contains(QUOTE).contains("## Agreement");

        // A permalink, in a fresh page and after a reload.
        String permalink = browser.hash();
        browser.load(url(permalink));
        assertBothRowsAndTheAgreement();
        browser.driver().navigate().refresh();
        assertBothRowsAndTheAgreement();
        assertThat(browser.hash()).isEqualTo(permalink);
    }

    /** The text of the file a download link saves when clicked. */
    private String download(String format) throws IOException {
        WebElement link = browser.until(d -> {
            WebElement candidate = browser.find(".compare-download[data-format=" + format + "]");
            String href = candidate.getDomProperty("href");
            return href != null && href.startsWith("blob:") ? candidate : null;
        });
        String name = link.getDomAttribute("download");
        assertThat(name).endsWith("." + format);
        Path file = downloads.resolve(name);
        link.click();
        browser.until(d -> Files.isRegularFile(file) && file.toFile().length() > 0 ? file : null);
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    @Test
    void chosenStudiesAreComparedByKeyboardInTheOrderTicked() {
        browser.load(url("#/concept/" + bmp));
        browser.visible(".study-group[data-study-id='" + id(invented) + "'] input[type=checkbox]").sendKeys(Keys.SPACE);
        browser.find(".study-group[data-study-id='" + id(seed) + "'] input[type=checkbox]").sendKeys(Keys.SPACE);
        WebElement compare = browser.visible(".compare-chosen");
        assertThat(compare.isEnabled()).isTrue();
        compare.sendKeys(Keys.ENTER);
        String expected = "#/compare?studies=" + id(invented) + "," + id(seed);
        browser.until(d -> browser.hash().equals(expected));
        row(id(seed));
        List<String> order = browser.findAll(".compare-row").stream().map(r -> r.getDomAttribute("data-study-id")).toList();
        assertThat(order).containsExactly(String.valueOf(id(invented)), String.valueOf(id(seed)));
        assertThat(text(row(id(invented)))).contains(QUOTE);
        assertThat(text(browser.find("main h1"))).isNotBlank();
    }

    @Test
    void onAPhoneEachStudyStacksAndNothingScrollsSideways() {
        browser.resize(Browser.PHONE);
        try {
            browser.load(url("#/compare?concept=" + bmp));
            WebElement first = row(id(seed));
            WebElement second = row(id(invented));
            Long overflow = browser.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(overflow).as("horizontal overflow in px").isLessThanOrEqualTo(0L);
            Long viewport = browser.script("return document.documentElement.clientWidth");
            assertThat((long) first.getRect().getWidth()).isLessThanOrEqualTo(viewport);
            WebElement effects = first.findElement(By.cssSelector("td[data-label='Effect and direction']"));
            WebElement population = first.findElement(By.cssSelector("td[data-label='Population']"));
            assertThat(effects.getRect().getY()).as("cells stack").isGreaterThan(population.getRect().getY());
            assertThat(effects.getRect().getX()).isEqualTo(population.getRect().getX());
            assertThat(second.getRect().getY()).isGreaterThan(first.getRect().getY());
            browser.script("arguments[0].scrollIntoView()", first);
            browser.screenshot("compare-phone");
        } finally {
            browser.resize(Browser.DESKTOP);
        }
    }
}
