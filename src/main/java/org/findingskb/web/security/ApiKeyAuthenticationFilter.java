package org.findingskb.web.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads an API key from {@code Authorization: Bearer <key>} or {@code X-API-Key: <key>}. A known key
 * authenticates the request with its role; an unknown key is refused with 401 whatever the method, so a client
 * with a wrong key learns it at once.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String HEADER = "X-API-Key";
    private static final String BEARER = "Bearer ";

    private final ApiKeys keys;
    private final AuthenticationEntryPoint entryPoint;
    private final RateLimitFilter limits;
    private final AuthenticationFailures failures;
    private final ClientAddresses addresses;

    ApiKeyAuthenticationFilter(ApiKeys keys, AuthenticationEntryPoint entryPoint, RateLimitFilter limits,
            AuthenticationFailures failures, ClientAddresses addresses) {
        this.keys = keys;
        this.entryPoint = entryPoint;
        this.limits = limits;
        this.failures = failures;
        this.addresses = addresses;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = presentedKey(request);
        if (presented != null) {
            var entry = keys.find(presented);
            if (entry.isEmpty()) {
                failures.unknownKey(request, addresses.of(request));
                if (limits.admitRefusedKey(request, response)) {
                    entryPoint.commence(request, response, new BadCredentialsException("unknown API key"));
                }
                return;
            }
            ApiKeys.Entry key = entry.get();
            List<SimpleGrantedAuthority> authorities = switch (key.role()) {
                case ADMIN -> List.of(new SimpleGrantedAuthority("ROLE_ADMIN"), new SimpleGrantedAuthority("ROLE_CURATOR"),
                        new SimpleGrantedAuthority("ROLE_METRICS"));
                case CURATOR -> List.of(new SimpleGrantedAuthority("ROLE_CURATOR"));
                case METRICS -> List.of(new SimpleGrantedAuthority("ROLE_METRICS"));
            };
            var authentication = UsernamePasswordAuthenticationToken.authenticated(key.name(), null, authorities);
            SecurityContextHolder.getContext().setAuthentication(authentication);
        }
        chain.doFilter(request, response);
    }

    private static String presentedKey(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            String key = authorization.substring(BEARER.length()).strip();
            return key.isEmpty() ? null : key;
        }
        String header = request.getHeader(HEADER);
        return header == null || header.isBlank() ? null : header.strip();
    }
}
