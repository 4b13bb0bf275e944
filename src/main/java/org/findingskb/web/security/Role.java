package org.findingskb.web.security;

/**
 * What an API key may do: a curator writes and reviews; an admin may also delete and read the metrics; a metrics
 * key (a Prometheus scraper's) only reads the metrics.
 */
public enum Role {
    CURATOR,
    ADMIN,
    METRICS
}
