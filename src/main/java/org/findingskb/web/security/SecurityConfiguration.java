package org.findingskb.web.security;

import java.util.function.Predicate;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
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

    /**
     * The page and everything else: scripts, styles and data only from this origin, never inline, so that text
     * a page shows can never run. Swagger UI, a third-party page with inline styles, keeps its own defaults.
     */
    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
            + " frame-ancestors 'none'";

    /** Metrics: a key with the METRICS (or ADMIN) role, or a client from {@code kb.metrics.allowed-addresses}. */
    static AuthorizationManager<RequestAuthorizationContext> metricsReaders(KbProperties.Metrics metrics,
            ClientAddresses addresses) {
        Predicate<String> allowed = ClientAddresses.anyOf(metrics.allowedAddresses());
        AuthorizationManager<RequestAuthorizationContext> role = AuthorityAuthorizationManager.hasRole(Role.METRICS.name());
        return (authentication, context) -> allowed.test(addresses.of(context.getRequest()))
                ? new AuthorizationDecision(true) : role.authorize(authentication, context);
    }

    /**
     * Spring Security's firewall refuses a method it does not know before any handler sees it: that is a 501 (RFC
     * 9110), as a problem detail; any other refusal of the firewall stays a 400.
     */
    @Bean
    RequestRejectedHandler unknownMethods(@Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) {
        ProblemResponses problems = new ProblemResponses(resolver);
        RequestRejectedHandler otherwise = new HttpStatusRequestRejectedHandler();
        return (request, response, rejected) -> {
            if (KNOWN_METHODS.contains(request.getMethod())) {
                otherwise.handle(request, response, rejected);
            } else {
                problems.send(request, response, ProblemResponses.Refusal.methodNotImplemented(
                        request.getMethod().length() > 20 ? request.getMethod().substring(0, 20) : request.getMethod()));
            }
        };
    }

    private static final java.util.Set<String> KNOWN_METHODS = java.util.Set.of("GET", "HEAD", "OPTIONS", "POST", "PUT",
            "PATCH", "DELETE");

    @Bean
    SecurityFilterChain api(HttpSecurity http, ApiKeys keys, KbProperties properties, MeterRegistry meters,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) throws Exception {
        ProblemResponses problems = new ProblemResponses(resolver);
        ClientAddresses addresses = new ClientAddresses(properties.http().trustedProxies());
        RateLimitFilter limits = new RateLimitFilter(properties.rateLimit(), addresses, problems);
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
                .addFilterAfter(new ApiKeyAuthenticationFilter(keys, problems, limits,
                        new AuthenticationFailures(meters), addresses), CorsFilter.class)
                .addFilterAfter(limits, ApiKeyAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/prometheus", "/actuator/prometheus/**")
                                .access(metricsReaders(properties.metrics(), addresses))
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
                .headers(headers -> headers.cacheControl(cache -> cache.disable())
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                request -> !request.getRequestURI().startsWith("/swagger-ui"),
                                new StaticHeadersWriter("Content-Security-Policy", PAGE_POLICY))))
                .build();
    }
}
