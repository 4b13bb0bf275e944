package org.findingskb.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One browser per test class, started before its first test (skipped, saying why, without Chromium) and closed
 * after its last; no test may leave an uncaught error on the page.
 */
abstract class PageTestSupport {

    static Browser browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        Browser.assumeInstalled();
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @AfterEach
    void pageRaisedNoError() {
        assertThat(browser.pageErrors()).as("uncaught errors on the page").isEmpty();
    }

    String url(String hash) {
        return "http://localhost:" + port + "/" + hash;
    }

    /** An element's text as a reader sees it: whitespace runs as one space, trimmed. */
    static String text(WebElement element) {
        String content = element.getDomProperty("textContent");
        return content == null ? "" : content.replaceAll("\\s+", " ").strip();
    }
}
