package org.findingskb.web.security;

/** What an API key may do: a curator writes and reviews; an admin may also delete. */
public enum Role {
    CURATOR,
    ADMIN
}
