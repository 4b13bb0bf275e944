package org.findingskb.shared;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.caffeine.CaffeineCache;
import org.springframework.cache.interceptor.KeyGenerator;
import org.springframework.cache.interceptor.SimpleKey;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/**
 * Caching of reads (the {@value #CACHE} cache). Keys carry the knowledge base's change generation, so a write
 * makes every earlier entry unreachable without any eviction. The cache advice runs outside the transaction
 * advice: a hit opens no transaction and takes no database connection.
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching(order = Ordered.HIGHEST_PRECEDENCE)
public class ReadCaching {

    public static final String CACHE = "reads";
    public static final String KEYS = "generationalKeys";

    static final String WEIGHT_METRIC = "kb.cache.weight";
    /** An entry whose JSON form cannot be written is weighed as this much: more than any page of the API. */
    private static final int UNWEIGHABLE = 256 * 1024;

    /**
     * The read cache's builder, bounded by bytes, not entries: a page of 100 findings weighs a hundred times a
     * single one, so a count alone leaves memory unbounded in practice. Each entry is weighed once, when it is
     * stored, as twice the length of its JSON form. Eviction runs on the caller's thread, so the bound holds as
     * soon as a read returns.
     */
    @Bean
    Caffeine<Object, Object> readCacheBuilder(KbProperties properties, JsonMapper json) {
        long maxBytes = properties.cache().maxSize().toBytes();
        return Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((Object key, Object value) -> weight(json, value))
                .expireAfterWrite(properties.cache().expireAfterWrite())
                .executor(Runnable::run)
                .recordStats();
    }

    private static int weight(JsonMapper json, Object value) {
        try {
            long bytes = 2L * json.writeValueAsBytes(value).length;
            return (int) Math.min(Integer.MAX_VALUE, bytes);
        } catch (RuntimeException notJson) {
            return UNWEIGHABLE;
        }
    }

    /** The read cache's estimated bytes, beside the entry count ({@code cache.size}) that Spring Boot reports. */
    @Bean
    MeterBinder readCacheWeight(CacheManager caches) {
        return registry -> Gauge.builder(WEIGHT_METRIC, caches, ReadCaching::weightedSize).baseUnit("bytes")
                .description("Estimated bytes held by the read cache").tag("cache", CACHE).register(registry);
    }

    private static double weightedSize(CacheManager caches) {
        if (caches.getCache(CACHE) instanceof CaffeineCache cache) {
            return cache.getNativeCache().policy().eviction().map(e -> e.weightedSize().orElse(0L)).orElse(0L);
        }
        return 0;
    }

    /**
     * Keys of the current generation. The first key made in a new generation also clears the cache: entries of
     * earlier generations can never be read again, and would otherwise hold memory until they expire.
     */
    @Bean(KEYS)
    KeyGenerator generationalKeys(CacheManager caches) {
        AtomicLong clearedAt = new AtomicLong(-1);
        return (Object target, Method method, Object... params) -> {
            long generation = KnowledgeBaseChanges.generation();
            long cleared = clearedAt.get();
            if (generation != cleared && clearedAt.compareAndSet(cleared, generation)) {
                Cache cache = caches.getCache(CACHE);
                if (cache != null) {
                    cache.clear();
                }
            }
            return new SimpleKey(generation, target.getClass().getName(), method.getName(), Arrays.asList(params));
        };
    }
}
