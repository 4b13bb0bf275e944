package org.findingskb.web;

import org.apache.lucene.search.IndexSearcher;
import org.hibernate.search.util.common.SearchException;
import org.hibernate.search.util.common.SearchTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A search that fails for its own cost is answered as such, in one log line: over its time budget a 503, over the
 * index's clause limit a 400 naming {@code q} (the API refuses such queries before they reach the index; this is
 * the net under that check, and what an OpenSearch cluster's refusal becomes).
 */
@ExtendWith(OutputCaptureExtension.class)
class SearchFailureProblemsTests {

    private final ApiExceptionHandler handler = new ApiExceptionHandler();

    private ResponseEntity<Object> answer(Exception failure) {
        return handler.handleUnexpected(failure, new ServletWebRequest(new MockHttpServletRequest("GET", "/api/search")));
    }

    @Test
    void aSearchOverItsTimeBudgetIsA503WithoutAStackTrace(CapturedOutput output) {
        ResponseEntity<Object> answer = answer(new SearchException("Query failed",
                new SearchTimeoutException("Query took longer than expected: 5000ms")));
        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(((ProblemDetail) answer.getBody()).getDetail()).contains("longer than this server allows");
        assertThat(output.getAll()).contains("time budget").doesNotContain("\tat ");
    }

    @Test
    void tooManyClausesFromLuceneOrOpenSearchIsA400NamingQ(CapturedOutput output) {
        for (Exception failure : new Exception[] {new SearchException("Query failed", new IndexSearcher.TooManyClauses()),
                new SearchException("HSEARCH400007: Elasticsearch request failed: {\"type\":\"too_many_nested_clauses\"}")}) {
            ResponseEntity<Object> answer = answer(failure);
            assertThat(answer.getStatusCode().value()).isEqualTo(400);
            assertThat(((ProblemDetail) answer.getBody()).getDetail()).contains("'q'").contains("too many words");
        }
        assertThat(output.getAll()).doesNotContain("\tat ").doesNotContain("Unexpected error");
    }
}
