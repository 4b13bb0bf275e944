package org.findingskb.web.security;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.filter.CorsFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

import org.findingskb.shared.KbProperties;

/**
 * Reads are open to anyone, but for the full export; every other method needs an API key whose role allows it:
 * CURATOR writes and reviews, ADMIN also deletes and exports. No sessions, no cookies: each request carries its key.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ApiKeys keys, KbProperties properties,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) throws Exception {
        ProblemResponses problems = new ProblemResponses(resolver);
        WriteRateLimitFilter limits = new WriteRateLimitFilter(properties.rateLimit(), problems);
        CorsFilter cors = new CorsFilter(new CorsPolicy(properties.cors().writeOrigins().stream()
                .filter(o -> !o.isBlank()).toList()));
        cors.setCorsProcessor(new CorsPolicy.ProblemCorsProcessor(problems));
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .anonymous(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // CORS first, so that even a refusal (401, 403, 429) can be read by a browser app.
                .addFilterAt(cors, CorsFilter.class)
                .addFilterAfter(new ApiKeyAuthenticationFilter(keys, problems, limits), CorsFilter.class)
                .addFilterAfter(limits, ApiKeyAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        // The export holds everything, curators' key names in the history included.
                        .requestMatchers("/api/export").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.GET).permitAll()
                        .requestMatchers(HttpMethod.HEAD).permitAll()
                        .requestMatchers(HttpMethod.OPTIONS).permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers(HttpMethod.DELETE, "/api/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/api/**").hasRole(Role.CURATOR.name())
                        .anyRequest().denyAll())
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .headers(headers -> headers.cacheControl(cache -> cache.disable()))
                .build();
    }
}
