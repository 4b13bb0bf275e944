package org.findingskb.web.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import org.findingskb.shared.KbProperties;
import org.findingskb.shared.KeptSecrets;

/**
 * The API keys this instance accepts, from {@code kb.api-keys} ({@code ROLE:KEY[,ROLE:KEY...]}, or the
 * environment variable {@code KB_API_KEYS}) and from the file {@code kb.api-keys-file}. Only SHA-256 hashes of
 * the keys are kept, and a presented key is compared against every one of them in constant time. With no key
 * configured, one ADMIN key is generated and logged once, so that a fresh instance can be written to at all.
 *
 * <p>A key's public label (its name in history, readable by anyone) is an HMAC of the key with a server secret:
 * without the secret, a label cannot be used to test guesses of the key offline.
 */
@Component
public class ApiKeys {

    private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);
    static final String SECRET_FILE = "api-key-label.secret";

    /** A key as kept in memory: its hash, its role, and the name history shows instead of the key. */
    record Entry(byte[] hash, Role role, String name) {
    }

    private final List<Entry> entries;

    ApiKeys(KbProperties properties) {
        List<String> configured = new ArrayList<>(properties.apiKeys().stream().filter(k -> !k.isBlank()).toList());
        if (properties.apiKeysFile() != null) {
            configured.addAll(fromFile(properties.apiKeysFile()));
        }
        Mac labels = labelMac(labelSecret(properties));
        this.entries = configured.isEmpty() ? List.of(generated(labels)) : parse(configured, labels);
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

    private static List<String> fromFile(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new IllegalStateException("kb.api-keys-file cannot be read: " + file, e);
        }
    }

    /** The configured secret, else one kept in the data directory (made at the first start), so labels stay put. */
    private static byte[] labelSecret(KbProperties properties) {
        if (properties.apiKeyLabelSecret() != null && !properties.apiKeyLabelSecret().isBlank()) {
            return properties.apiKeyLabelSecret().getBytes(StandardCharsets.UTF_8);
        }
        // The Base64 text itself is the secret, as it always was for files already kept.
        return KeptSecrets.readOrMake(properties.dataDir().resolve(SECRET_FILE)).text()
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static List<Entry> parse(List<String> configured, Mac labels) {
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
            entries.add(entry(role, key, labels));
        }
        return List.copyOf(entries);
    }

    private static Entry generated(Mac labels) {
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(KeptSecrets.random());
        Entry entry = entry(Role.ADMIN, key, labels);
        log.warn("No API key is configured (kb.api-keys, KB_API_KEYS or kb.api-keys-file), so writes would be"
                + " impossible: generated an ADMIN key for this run: {}  It is shown only now and changes at every"
                + " start; configure keys to keep them.", key);
        return entry;
    }

    private static Entry entry(Role role, String key, Mac labels) {
        byte[] label = labels.doFinal(key.getBytes(StandardCharsets.UTF_8));
        String name = role.name().toLowerCase(Locale.ROOT) + "-" + HexFormat.of().formatHex(label).substring(0, 8);
        return new Entry(sha256(key), role, name);
    }

    private static Mac labelMac(byte[] secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime provides HmacSHA256", e);
        }
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }
}
