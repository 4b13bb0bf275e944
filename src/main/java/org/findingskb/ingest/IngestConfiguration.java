package org.findingskb.ingest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;

/**
 * Exposes the text pipeline as one shared bean. Its models take seconds to load, and only ingests need them: they
 * load on first use or, once the application is ready, in the background, so that a start does not wait for them.
 */
@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

    @Bean
    @Lazy
    ArticleAnalyzer articleAnalyzer() {
        return ArticleAnalyzer.withDefaultResources();
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadModelsInBackground(ApplicationReadyEvent ready) {
        ObjectProvider<ArticleAnalyzer> analyzer = ready.getApplicationContext().getBeanProvider(ArticleAnalyzer.class);
        Thread loading = new Thread(() -> {
            try {
                analyzer.getObject();
            } catch (RuntimeException closedMeanwhile) {
                // The context closed before the models loaded: nothing needs them any more.
            }
        }, "nlp-models");
        loading.setDaemon(true);
        loading.start();
    }
}
