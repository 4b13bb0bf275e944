package org.findingskb.search;

import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurationContext;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurer;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** The analyzers of {@link SearchAnalysisConfigurer}, defined for an Elasticsearch or OpenSearch cluster. */
@Component("elasticsearchAnalysisConfigurer")
@Profile("elasticsearch")
public class ClusterAnalysisConfigurer implements ElasticsearchAnalysisConfigurer {

    @Override
    public void configure(ElasticsearchAnalysisConfigurationContext context) {
        context.tokenFilter("english_possessive").type("stemmer").param("language", "possessive_english");
        context.tokenFilter("english_minimal").type("stemmer").param("language", "minimal_english");
        context.analyzer(SearchAnalysisConfigurer.ENGLISH).custom()
                .tokenizer("standard")
                .tokenFilters("english_possessive", "lowercase", "asciifolding", "english_minimal");
        context.normalizer(SearchAnalysisConfigurer.FOLDED).custom()
                .tokenFilters("lowercase", "asciifolding");
    }
}
