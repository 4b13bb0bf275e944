package org.findingskb.ingest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Exposes the text pipeline as one shared bean; its models load once, at start-up. */
@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

    @Bean
    ArticleAnalyzer articleAnalyzer() {
        return ArticleAnalyzer.withDefaultResources();
    }
}
