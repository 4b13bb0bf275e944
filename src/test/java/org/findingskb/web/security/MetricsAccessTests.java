package org.findingskb.web.security;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import org.findingskb.shared.KbProperties;

import static org.assertj.core.api.Assertions.assertThat;

/** Metrics are read with a METRICS (or ADMIN) key, or from an address in kb.metrics.allowed-addresses. */
class MetricsAccessTests {

    private final org.springframework.security.authorization.AuthorizationManager<RequestAuthorizationContext> readers = SecurityConfiguration.metricsReaders(
            new KbProperties.Metrics(List.of("10.1.0.0/16")), new ClientAddresses(List.of()));

    private boolean granted(String address, Authentication authentication) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/prometheus");
        request.setRemoteAddr(address);
        return readers.authorize(() -> authentication, new RequestAuthorizationContext(request)).isGranted();
    }

    private static Authentication key(String... roles) {
        return UsernamePasswordAuthenticationToken.authenticated("key", null,
                List.of(roles).stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList());
    }

    @Test
    void anAllowedAddressNeedsNoKeyAndAnyOtherNeedsTheMetricsRole() {
        assertThat(granted("10.1.2.3", null)).isTrue();
        assertThat(granted("10.2.0.1", null)).isFalse();
        assertThat(granted("10.2.0.1", key("CURATOR"))).isFalse();
        assertThat(granted("10.2.0.1", key("METRICS"))).isTrue();
    }
}
