package org.findingskb.browser;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

import org.findingskb.support.Http;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every view, in the light and the dark colour scheme: landmarks, names for every control, and text that stands
 * out from its background by at least WCAG's 4.5:1 (3:1 for large text).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "kb.test.context=browser")
class PageAccessibilityTests extends PageTestSupport {

    /**
     * Contrast of every visible piece of text against the background it is painted on (blending translucent
     * layers; against each colour of a gradient), as "ratio  text  [selector]" for each one below its threshold.
     */
    private static final String CONTRAST_AUDIT = """
            const parse = c => {
              const m = /rgba?\\(([^)]+)\\)/.exec(c);
              if (!m) return null;
              const p = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
              return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
            };
            const over = (top, bottom) => [0, 1, 2].map(i => top[i] * top[3] + bottom[i] * (1 - top[3])).concat(1);
            const luminance = c => {
              const [r, g, b] = c.slice(0, 3).map(v => v / 255).map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
              return 0.2126 * r + 0.7152 * g + 0.0722 * b;
            };
            const ratio = (a, b) => {
              const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x);
              return (l1 + 0.05) / (l2 + 0.05);
            };
            // The colours behind an element: translucent layers blended down to the first opaque one.
            const backgrounds = element => {
              const layers = [];
              for (let e = element; e; e = e.parentElement) {
                const style = getComputedStyle(e);
                const gradient = style.backgroundImage.match(/rgba?\\([^)]+\\)/g);
                if (gradient) return gradient.map(parse).map(g => layers.reduceRight((acc, l) => over(l, acc), g));
                const color = parse(style.backgroundColor);
                if (color && color[3] > 0) {
                  if (color[3] >= 1) return [layers.reduceRight((acc, l) => over(l, acc), color)];
                  layers.push(color);
                }
              }
              return [layers.reduceRight((acc, l) => over(l, acc), [255, 255, 255, 1])];
            };
            const failures = [];
            for (const element of document.body.querySelectorAll('*')) {
              const hasText = [...element.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
              if (!hasText || element.closest('.visually-hidden, [hidden], :disabled, noscript')) continue;
              const box = element.getBoundingClientRect();
              const style = getComputedStyle(element);
              if (!box.width || !box.height || style.visibility === 'hidden' || style.display === 'none') continue;
              const size = parseFloat(style.fontSize);
              const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
              const ink = parse(style.color);
              for (const background of backgrounds(element)) {
                const value = ratio(over(ink, background), background);
                if (value < (large ? 3 : 4.5)) {
                  failures.push(value.toFixed(2) + '  ' + element.textContent.trim().slice(0, 40) + '  [' + element.tagName.toLowerCase()
                      + (element.className && typeof element.className === 'string' ? '.' + element.className.split(' ').join('.') : '') + ']');
                }
              }
            }
            return failures;
            """;

    /** Links, buttons and inputs that a screen reader would announce without a name. */
    private static final String UNNAMED_CONTROLS = """
            return [...document.querySelectorAll('a[href], button, input, select, textarea')]
              .filter(e => e.getClientRects().length)
              .filter(e => {
                const labelled = e.id && document.querySelector('label[for="' + e.id + '"]');
                const name = e.getAttribute('aria-label') || (labelled && labelled.textContent) || e.textContent;
                return !name || !name.trim();
              })
              .map(e => e.outerHTML.slice(0, 80));
            """;

    JsonNode study;
    long findingWithMechanism;

    @BeforeEach
    void seededStudy() {
        browser.resize(Browser.DESKTOP);
        Http api = new Http(port);
        study = api.get("/api/studies").json().get("content").get(0);
        findingWithMechanism = api.get("/api/findings?size=100").json().get("content").valueStream()
                .filter(f -> !f.get("mechanismIds").isEmpty()).findFirst().orElseThrow().get("id").asLong();
    }

    @AfterEach
    void lightSchemeAgain() {
        browser.colorScheme("light");
    }

    private void checkView(String hash, String readySelector) {
        browser.load("http://localhost:" + port + "/" + hash);
        browser.until(d -> !d.findElements(By.cssSelector(readySelector)).isEmpty()
                && d.findElements(By.cssSelector("[aria-busy=true], .loading")).isEmpty());

        assertThat(browser.findAll("header.site-header")).hasSize(1);
        assertThat(browser.findAll("nav[aria-label=Site]")).hasSize(1);
        assertThat(browser.findAll("nav:not([aria-label])")).as("every navigation landmark is named").isEmpty();
        assertThat(browser.findAll("main")).hasSize(1);
        assertThat(browser.findAll("main h1")).as("one page heading").hasSize(1);
        List<String> unnamed = browser.script(UNNAMED_CONTROLS);
        assertThat(unnamed).as("controls without a name on %s", hash).isEmpty();
        List<String> lowContrast = browser.script(CONTRAST_AUDIT);
        assertThat(lowContrast).as("text below the contrast minimum on %s", hash).isEmpty();
        assertThat(browser.pageErrors()).isEmpty();
    }

    @Test
    void theContrastAuditFlagsFaintText() {
        browser.load("http://localhost:" + port + "/#/");
        browser.visible("main h1");
        browser.script("const p = document.createElement('p'); p.id = 'faint'; p.textContent = 'faint words';"
                + " p.style.cssText = 'color: #aaa; background: #fff'; document.querySelector('main').append(p);");
        List<String> lowContrast = browser.script(CONTRAST_AUDIT);
        assertThat(lowContrast).anySatisfy(failure -> assertThat(failure).contains("faint words"));
    }

    @ParameterizedTest(name = "{0} colour scheme")
    @ValueSource(strings = {"light", "dark"})
    void everyViewHasLandmarksNamedControlsAndReadableContrast(String scheme) {
        browser.colorScheme(scheme);
        long sourceId = study.get("source").get("id").asLong();
        checkView("#/", ".study-card");
        checkView("#/search?q=young+neurons&kind=MECHANISM", ".hit mark");
        checkView("#/search?kind=RESULT", ".hit .badge--kind");
        checkView("#/study/" + study.get("slug").asString(), ".finding-row");
        checkView("#/finding/" + findingWithMechanism, ".finding .mechanism");
        checkView("#/source/" + sourceId, ".panel__item");
        browser.find("#results-only").click();
        List<String> resultsOnly = browser.script(CONTRAST_AUDIT);
        assertThat(resultsOnly).as("text below the contrast minimum with results only").isEmpty();
        checkView("#/source/" + sourceId + "?finding=" + findingWithMechanism, ".finding-panel.is-open .badge-list");
        checkView("#/concept/" + study.get("interventions").get(0).get("id").asLong(), ".study-group .finding-row");
        checkView("#/compare?concept=BMP", ".compare-row .compare-effect");
        checkView("#/compare?studies=" + study.get("id").asLong(), ".compare-row");
        checkView("#/finding/987654321", "[role=alert]");
        checkView("#/suggestions", ".suggestions__queue .paged__status .muted, .suggestion");
        if (scheme.equals("dark")) {
            browser.load("http://localhost:" + port + "/#/study/" + study.get("slug").asString());
            browser.until(d -> !d.findElements(By.cssSelector(".finding-row")).isEmpty());
            assertThat(browser.find("body").getCssValue("background-color")).isNotEqualTo("rgba(255, 255, 255, 1)");
            browser.screenshot("study-dark");
        }
    }
}
