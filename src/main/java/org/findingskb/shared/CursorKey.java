package org.findingskb.shared;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Gives {@link Cursor} the key it signs with: derived from {@code kb.cursors.secret}, else a random key kept in
 * {@code cursor.key} under the data directory (made once, readable by its owner only), so that cursors outlive
 * a restart. Instances that serve the same clients must be given the same secret.
 */
@Component
public class CursorKey {

    static final int MIN_SECRET_LENGTH = 32;
    private static final Logger log = LoggerFactory.getLogger(CursorKey.class);

    CursorKey(KbProperties properties) {
        String secret = properties.cursors().secret();
        if (secret != null && !secret.isBlank()) {
            if (secret.length() < MIN_SECRET_LENGTH) {
                throw new IllegalStateException("kb.cursors.secret must be at least " + MIN_SECRET_LENGTH
                        + " characters long, not " + secret.length());
            }
            Cursor.useKey(derive(secret.getBytes(StandardCharsets.UTF_8)));
        } else {
            Cursor.useKey(derive(stored(properties.dataDir().resolve("cursor.key"))));
        }
    }

    /** A key for cursors alone, so the secret could serve elsewhere without one use revealing the other. */
    private static byte[] derive(byte[] secret) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update("findings-kb cursor signing key\n".getBytes(StandardCharsets.UTF_8));
            return sha256.digest(secret);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static byte[] stored(Path file) {
        KeptSecrets.Kept kept = KeptSecrets.readOrMake(file);
        if (kept.made()) {
            log.info("Made the cursor signing key {}; set kb.cursors.secret instead where several instances serve the"
                    + " same clients", file);
        }
        return Base64.getDecoder().decode(kept.text());
    }
}
