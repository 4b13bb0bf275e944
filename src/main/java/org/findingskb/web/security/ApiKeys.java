package org.findingskb.web.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import org.findingskb.shared.KbProperties;

/**
 * The API keys this instance accepts, from {@code kb.api-keys} ({@code ROLE:KEY[,ROLE:KEY...]}, or the
 * environment variable {@code KB_API_KEYS}). Only SHA-256 hashes of the keys are kept, and a presented key is
 * compared against every one of them in constant time. With no key configured, one ADMIN key is generated and
 * logged once, so that a fresh instance can be written to at all.
 */
@Component
public class ApiKeys {

    private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);

    /** A key as kept in memory: its hash, its role, and the name history shows instead of the key. */
    record Entry(byte[] hash, Role role, String name) {
    }

    private final List<Entry> entries;

    ApiKeys(KbProperties properties) {
        List<String> configured = properties.apiKeys().stream().filter(k -> !k.isBlank()).toList();
        this.entries = configured.isEmpty() ? List.of(generated()) : parse(configured);
        log.info("API keys: {}", entries.stream().map(e -> e.name() + " (" + e.role() + ")").toList());
    }

    /** The key's entry, if {@code presented} is one of the configured keys. */
    Optional<Entry> find(String presented) {
        byte[] hash = sha256(presented);
        Entry match = null;
        // Every entry is compared, matched or not, so timing says nothing about which key came close.
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.hash(), hash) && match == null) {
                match = entry;
            }
        }
        return Optional.ofNullable(match);
    }

    private static List<Entry> parse(List<String> configured) {
        List<Entry> entries = new ArrayList<>();
        for (String item : configured) {
            String trimmed = item.strip();
            int colon = trimmed.indexOf(':');
            if (colon <= 0 || colon == trimmed.length() - 1) {
                throw new IllegalArgumentException("kb.api-keys must be ROLE:KEY[,ROLE:KEY...]; an entry is not");
            }
            Role role = Role.valueOf(trimmed.substring(0, colon).strip().toUpperCase(Locale.ROOT));
            String key = trimmed.substring(colon + 1).strip();
            if (key.length() < 16) {
                throw new IllegalArgumentException("API keys must be at least 16 characters long");
            }
            entries.add(entry(role, key));
        }
        return List.copyOf(entries);
    }

    private static Entry generated() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Entry entry = entry(Role.ADMIN, key);
        log.warn("No API key is configured (kb.api-keys or KB_API_KEYS), so writes would be impossible: generated an"
                + " ADMIN key for this run: {}  It is shown only now and changes at every start; configure keys to"
                + " keep them.", key);
        return entry;
    }

    private static Entry entry(Role role, String key) {
        byte[] hash = sha256(key);
        // The name identifies the key in history without revealing it: its role and a few digits of its hash.
        String name = role.name().toLowerCase(Locale.ROOT) + "-" + HexFormat.of().formatHex(hash).substring(0, 8);
        return new Entry(hash, role, name);
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }
}
