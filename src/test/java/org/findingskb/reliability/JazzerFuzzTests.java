package org.findingskb.reliability;

import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.junit.FuzzTest;

import org.findingskb.shared.UserQuery;
import org.findingskb.shared.InvalidParameter;

/**
 * Coverage-guided fuzz tests (Jazzer) of the text pipeline and the query syntax, with the invariants of
 * {@link TextPipelineFuzzTests} and {@link SearchQueryFuzzTests}. In a normal test run they replay the regression
 * inputs under {@code src/test/resources/org/findingskb/reliability/JazzerFuzzTestsInputs/<method>/} (raw UTF-8
 * files; add every input a fuzzing run finds there). To fuzz one of them for real:
 * {@code JAZZER_FUZZ=1 ./mvnw test -Dtest=JazzerFuzzTests#textPipeline} (one method per run).
 *
 * <p>Needs the test dependency {@code com.code-intelligence:jazzer-junit} in pom.xml.
 */
class JazzerFuzzTests {

    @FuzzTest(maxDuration = "5m")
    void textPipeline(byte[] input) {
        String problem = TextPipelineFuzzTests.check(new String(input, StandardCharsets.UTF_8));
        if (problem != null) {
            throw new AssertionError(problem);
        }
    }

    @FuzzTest(maxDuration = "5m")
    void userQuery(byte[] input) {
        String q = new String(input, StandardCharsets.UTF_8);
        UserQuery query;
        try {
            query = UserQuery.of(q);
        } catch (InvalidParameter e) {
            if (q.length() <= UserQuery.MAX_LENGTH) {
                throw new AssertionError("a query of " + q.length() + " characters was refused", e);
            }
            return;
        }
        if (q.length() > UserQuery.MAX_LENGTH) {
            throw new AssertionError("a query of " + q.length() + " characters was accepted");
        }
        boolean searchable = q.chars().anyMatch(Character::isLetterOrDigit);
        if ((query == null) == searchable || (query != null && !query.text().equals(q.strip()))) {
            throw new AssertionError("UserQuery.of('" + TextPipelineFuzzTests.escape(q) + "') = " + query);
        }
    }
}
