package org.findingskb.ingest;

import java.util.Map;

import org.hibernate.CallbackException;
import org.hibernate.Interceptor;
import org.hibernate.type.Type;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import org.findingskb.mechanism.Mechanism;
import org.findingskb.web.KnowledgeBaseCounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An ingest that fails part-way leaves nothing behind. The failure is real: the database session refuses to
 * store the first mechanism of a study whose title carries a marker, after source, study and findings were
 * written in the same transaction.
 */
@SpringBootTest(properties = "spring.jpa.properties.hibernate.session_factory.interceptor="
        + "org.findingskb.ingest.IngestAtomicityTests$FailOnMarkedMechanism")
class IngestAtomicityTests {

    static final String MARKER = "Refused mechanism marker";

    @Autowired
    IngestService ingest;
    @Autowired
    KnowledgeBaseCounts counts;

    @Test
    void aFailureMidIngestLeavesNothingHalfWritten() {
        Map<String, Long> before = counts.current();
        String article = MARKER + "\n\nThe researchers found that the drug acts on dopamine neurons in the striatum within"
                + " hours.\n\nThe drug works through the BMP pathway in the hippocampus.";

        assertThatThrownBy(() -> ingest.ingest(article, SourceOverrides.none())).hasRootCauseInstanceOf(CallbackException.class);

        assertThat(counts.current()).isEqualTo(before);
        // the same article goes in once nothing refuses it
        IngestOutcome stored = ingest.ingest(article, new SourceOverrides("Accepted title", null, null, null));
        assertThat(stored.created()).isTrue();
        assertThat(stored.mechanisms()).isPositive();
    }

    /** Refuses to store a mechanism of a study whose title is the marker. */
    public static class FailOnMarkedMechanism implements Interceptor {

        @Override
        public boolean onPersist(Object entity, Object id, Object[] state, String[] propertyNames, Type[] types) {
            if (entity instanceof Mechanism mechanism && mechanism.getStudy().getTitle().equals(MARKER)) {
                throw new CallbackException("refused by the test");
            }
            return false;
        }
    }
}
