package org.findingskb.support;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.springframework.context.ApplicationContext;

import org.findingskb.search.MeaningEmbedder;

/**
 * Findings, mechanisms and studies are embedded in the background after their write: a test that searches by
 * meaning what it has just written waits until the embedder has nothing left to do.
 */
public final class Meanings {

    private Meanings() {
    }

    /** Waits until every entity written so far carries its vector of meaning in the index. */
    public static void awaitEmbedded(ApplicationContext context) {
        MeaningEmbedder embedder = context.getBean(MeaningEmbedder.class);
        Awaitility.await("every entity written so far embedded").atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(100)).until(embedder::idle);
    }
}
