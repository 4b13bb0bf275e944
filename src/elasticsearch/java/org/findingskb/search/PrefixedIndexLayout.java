package org.findingskb.search;

import org.hibernate.search.backend.elasticsearch.index.layout.IndexLayoutStrategy;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import org.findingskb.shared.KbProperties;

/**
 * Hibernate Search's usual index layout (index {@code NAME-000001}, aliases {@code NAME-write} and
 * {@code NAME-read}) with {@code kb.search.index-prefix} before every name, so that several deployments, or the
 * test contexts of one build, can share a cluster.
 */
@Component("prefixedIndexLayout")
@Profile("elasticsearch")
public class PrefixedIndexLayout implements IndexLayoutStrategy {

    private static final String FIRST_GENERATION = "-000001";

    private final String prefix;

    PrefixedIndexLayout(KbProperties properties) {
        this.prefix = properties.search().indexPrefix();
    }

    @Override
    public String createInitialElasticsearchIndexName(String hibernateSearchIndexName) {
        return prefix + hibernateSearchIndexName + FIRST_GENERATION;
    }

    @Override
    public String createWriteAlias(String hibernateSearchIndexName) {
        return prefix + hibernateSearchIndexName + "-write";
    }

    @Override
    public String createReadAlias(String hibernateSearchIndexName) {
        return prefix + hibernateSearchIndexName + "-read";
    }

    /** Which mapped index a hit's index belongs to: its name without the prefix and the generation suffix. */
    @Override
    public String extractUniqueKeyFromElasticsearchIndexName(String elasticsearchIndexName) {
        String name = elasticsearchIndexName.startsWith(prefix)
                ? elasticsearchIndexName.substring(prefix.length()) : elasticsearchIndexName;
        return name.replaceFirst("-\\d+$", "");
    }
}
