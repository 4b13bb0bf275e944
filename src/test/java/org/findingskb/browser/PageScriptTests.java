package org.findingskb.browser;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page's own modules, run in the browser: the only path by which API text becomes markup (search snippets)
 * accepts nothing but escaped text and {@code <mark>}, and evidence spans that overlap or nest still cut the
 * source text into pieces that cover it exactly once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "kb.test.context=browser")
class PageScriptTests extends PageTestSupport {

    @BeforeEach
    void openPage() {
        browser.load("http://localhost:" + port + "/#/");
        browser.visible("main h1");
    }

    /** Runs body (which sees the imported module as m) and returns what it returns. */
    private <T> T withModule(String module, String body) {
        return browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                import('/js/%s').then(m => done((() => { %s })()), e => done('failed: ' + e));
                """.formatted(module, body));
    }

    private Map<String, Object> snippet(String snippet) {
        return withModule("dom.js", """
                const nodes = m.safeSnippet(%s);
                if (nodes === null) return {refused: true};
                const box = document.createElement('div');
                box.append(nodes);
                return {html: box.innerHTML, text: box.textContent, elements: [...box.querySelectorAll('*')].map(e => e.tagName)};
                """.formatted(jsString(snippet)));
    }

    private static String jsString(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    @Test
    void aSnippetBecomesTextWithMarkElementsOnly() {
        assertThat(snippet("In <mark>young</mark> &amp; <mark>old</mark> &lt;mice&gt; &#39;too&#x27;"))
                .containsEntry("html", "In <mark>young</mark> &amp; <mark>old</mark> &lt;mice&gt; 'too'")
                .containsEntry("text", "In young & old <mice> 'too'")
                .containsEntry("elements", List.of("MARK", "MARK"));
        assertThat(snippet("&lt;img src=x onerror=alert(1)&gt; <mark>x</mark>"))
                .containsEntry("text", "<img src=x onerror=alert(1)> x")
                .containsEntry("elements", List.of("MARK"));
    }

    @Test
    void aSnippetWithAnyOtherMarkupIsRefused() {
        for (String hostile : List.of("<img src=x onerror=\"window.__hacked=1\">", "<script>window.__hacked=1</script>",
                "<mark onclick=\"window.__hacked=1\">y</mark>", "<MARK>y</MARK>", "<mark><mark>y</mark></mark>",
                "<mark>unclosed", "closed</mark>", "a & b", "&unknown;", "<b>bold</b>", "a <!-- comment --> b")) {
            assertThat(snippet(hostile)).as(hostile).containsEntry("refused", true);
        }
        assertThat((Object) browser.script("return window.__hacked")).isNull();
    }

    @Test
    void overlappingAndNestedSpansAreCutAtEveryBoundaryInnermostFirst() {
        List<Map<String, Object>> pieces = withModule("spans.js", """
                return m.segments(20, [
                  {findingId: 1, start: 0, end: 10},
                  {findingId: 2, start: 5, end: 15},
                  {findingId: 3, start: 6, end: 8},
                ]);
                """);
        assertThat(pieces).extracting(p -> List.of(p.get("start"), p.get("end"), p.get("findingIds"))).containsExactly(
                List.of(0L, 5L, List.of(1L)),
                List.of(5L, 6L, List.of(1L, 2L)),
                List.of(6L, 8L, List.of(3L, 1L, 2L)),
                List.of(8L, 10L, List.of(1L, 2L)),
                List.of(10L, 15L, List.of(2L)),
                List.of(15L, 20L, List.of()));
    }

    @Test
    void spansOutsideTheTextAreClampedAndEmptyOrInvertedOnesIgnored() {
        List<Map<String, Object>> pieces = withModule("spans.js", """
                return m.segments(10, [
                  {findingId: 1, start: -4, end: 3},
                  {findingId: 2, start: 8, end: 99},
                  {findingId: 3, start: 5, end: 5},
                  {findingId: 4, start: 7, end: 6},
                  {findingId: 5, start: 'x', end: 4},
                  {findingId: 6, start: 8, end: 10},
                ]);
                """);
        assertThat(pieces).extracting(p -> List.of(p.get("start"), p.get("end"), p.get("findingIds"))).containsExactly(
                List.of(0L, 3L, List.of(1L)),
                List.of(3L, 8L, List.of()),
                List.of(8L, 10L, List.of(2L, 6L)));
    }

    @Test
    void highlightedTextKeepsEveryCharacterOnceAndLinksEachCoveredPiece() {
        Map<String, Object> result = withModule("spans.js", """
                const text = 'Alpha beta. Gamma <b>delta</b>. Epsilon.';
                const box = document.createElement('div');
                box.append(m.highlightedText(text, [
                  {findingId: 7, start: 0, end: 11}, {findingId: 8, start: 6, end: 31}, {findingId: 9, start: 12, end: 31},
                ], (content, ids) => {
                  const a = document.createElement('a');
                  a.dataset.findings = ids.join(' ');
                  a.textContent = content;
                  return a;
                }));
                return {text: box.textContent, links: [...box.querySelectorAll('a')].map(a => a.dataset.findings + ':' + a.textContent),
                        bold: box.querySelectorAll('b').length};
                """);
        assertThat(result).containsEntry("text", "Alpha beta. Gamma <b>delta</b>. Epsilon.")
                .containsEntry("bold", 0L)
                .containsEntry("links", List.of("7:Alpha ", "7 8:beta.", "8: ", "9 8:Gamma <b>delta</b>."));
    }

    @Test
    void permalinksParseAndSearchLinksKeepAStableOrder() {
        Map<String, Object> route = withModule("app.js", """
                const r = m.parseHash('#/source/4?finding=12&x=a+b');
                return {path: r.path, finding: r.params.get('finding'), x: r.params.get('x'), empty: m.parseHash('').path};
                """);
        assertThat(route).containsEntry("path", "/source/4").containsEntry("finding", "12").containsEntry("x", "a b")
                .containsEntry("empty", "/");
        String hash = withModule("views/search.js", """
                return m.searchHash(new URLSearchParams('kind=RESULT&cursor=abc&q=young neurons&studyId=1&bogus=1'));
                """);
        assertThat(hash).isEqualTo("#/search?q=young+neurons&kind=RESULT&studyId=1");
    }

    @Test
    void comparisonPermalinksNameAConceptOrStudiesInTheOrderGiven() {
        Map<String, Object> hashes = withModule("views/compare.js", """
                const q = m.compareQuery(new URLSearchParams('studies=3,1&x=y'));
                return {concept: m.compareHash({concept: 'BMP'}), studies: m.compareHash({studies: [3, 1]}),
                  query: q.studies, noConcept: q.concept};
                """);
        assertThat(hashes).containsEntry("concept", "#/compare?concept=BMP")
                .containsEntry("studies", "#/compare?studies=3,1")
                .containsEntry("query", "3,1").containsEntry("noConcept", "");
    }
}
