package org.findingskb.web;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.findingskb.support.Http;
import org.findingskb.support.Http.Reply;
import org.findingskb.support.TestKeys;

import static org.assertj.core.api.Assertions.assertThat;

/** What operators see: health, build info and metrics, and nothing else of the application's insides. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OperationsTests {

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void onlyHealthInfoAndPrometheusAreExposed() {
        assertThat(http.get("/actuator/health").status()).isEqualTo(200);
        assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(http.get("/actuator/info").json().get("build").get("version").asString()).isNotBlank();
        for (String hidden : List.of("/actuator/env", "/actuator/beans", "/actuator/configprops", "/actuator/heapdump",
                "/actuator/loggers", "/actuator/threaddump", "/actuator/mappings", "/actuator/metrics",
                "/h2-console", "/h2-console/")) {
            Reply reply = http.get(hidden);
            assertThat(reply.status()).as(hidden).isEqualTo(404);
            assertThat(reply.contentType()).as(hidden).startsWith("application/problem+json");
        }
    }

    @Test
    void prometheusSeesRequestsPerEndpointIngestsAndSearches() {
        http.get("/api/search?q=neurons");
        http.get("/api/findings?size=2");
        String metrics = http.get("/actuator/prometheus", TestKeys.admin()).body();
        assertThat(metrics).contains("http_server_requests_seconds_count{")
                .containsPattern("uri=\"/api/findings\"")
                .containsPattern("kb_search_seconds_count(\\{[^}]*})? [1-9]")
                .containsPattern("kb_ingest_seconds_count\\{[^}]*outcome=\"created\"[^}]*} [1-9]")
                .containsPattern("kb_ingest_findings_total(\\{[^}]*})? [1-9]");
    }

    @Test
    void metricsNeedAMetricsOrAdminKeyAndNoOtherOriginMayReadThem() {
        Reply anonymous = http.get("/actuator/prometheus");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.body()).doesNotContain("http_server_requests");
        assertThat(http.get("/actuator/prometheus", TestKeys.curator()).status()).as("a curator's key").isEqualTo(403);
        Reply admin = http.get("/actuator/prometheus", TestKeys.admin("Origin", "https://elsewhere.example"));
        assertThat(admin.status()).isEqualTo(200);
        assertThat(admin.header("Access-Control-Allow-Origin")).as("no CORS for metrics").isEmpty();
        assertThat(http.get("/actuator/health", "Origin", "https://elsewhere.example")
                .header("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void thePageIsServedWithAContentSecurityPolicyAndHoldsNoInlineScriptOrStyle() {
        Reply page = http.get("/");
        assertThat(page.status()).isEqualTo(200);
        String policy = page.header("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("script-src 'self'", "style-src 'self'", "object-src 'none'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(page.body()).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>")
                .doesNotContainPattern("\\son[a-z]+=").doesNotContainPattern("\\sstyle=").doesNotContain("<style");
        assertThat(http.get("/api/findings/1").header("Content-Security-Policy")).contains(policy);
    }

    @Test
    void everyResponseCarriesARequestIdAndASensibleOneIsKept() {
        String generated = http.get("/api").header("X-Request-Id").orElseThrow();
        assertThat(generated).matches("[0-9a-f-]{36}");
        assertThat(http.get("/api/findings/987654").header("X-Request-Id")).isPresent();
        assertThat(http.get("/api", "X-Request-Id", "trace-42.a").header("X-Request-Id")).contains("trace-42.a");
        assertThat(http.get("/api", "X-Request-Id", "bad id\twith tab").header("X-Request-Id").orElseThrow())
                .isNotEqualTo("bad id\twith tab").matches("[0-9a-f-]{36}");
    }

    @Test
    void responsesCarryDefensiveHeaders() {
        Reply reply = http.get("/api/studies/1");
        assertThat(reply.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(reply.header("X-Frame-Options")).contains("DENY");
        assertThat(reply.header("Cache-Control").orElseThrow()).contains("public").contains("no-cache");
    }
}
