package org.findingskb.web;

import java.lang.reflect.Method;
import java.util.Arrays;

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

    @Bean(KEYS)
    KeyGenerator generationalKeys() {
        return (Object target, Method method, Object... params) -> new SimpleKey(KnowledgeBaseChanges.generation(),
                target.getClass().getName(), method.getName(), Arrays.asList(params));
    }
}
