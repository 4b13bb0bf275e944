package org.findingskb.shared;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.interceptor.KeyGenerator;
import org.springframework.cache.interceptor.SimpleKey;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

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
