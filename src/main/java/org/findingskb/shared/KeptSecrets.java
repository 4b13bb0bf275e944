package org.findingskb.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Secrets an instance makes for itself when none is configured (the cursor signing key, the key-label secret):
 * 32 random bytes, Base64 in a file under the data directory, made once and then read at every start.
 */
public final class KeptSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private KeptSecrets() {
    }

    /** 32 random bytes. */
    public static byte[] random() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return secret;
    }

    /**
     * The Base64 text kept in {@code file}, made first if there is none. Returns whether this call made it, so the
     * caller can say so once.
     */
    public static Kept readOrMake(Path file) {
        try {
            boolean made = false;
            if (!Files.exists(file)) {
                Path directory = file.toAbsolutePath().getParent();
                Files.createDirectories(directory);
                // Written aside and moved in whole, so another instance on this directory never reads half a secret;
                // a temporary file is readable by its owner only.
                Path draft = Files.createTempFile(directory, file.getFileName().toString(), ".tmp");
                Files.writeString(draft, Base64.getEncoder().encodeToString(random()), StandardCharsets.US_ASCII);
                try {
                    Files.move(draft, file);
                    made = true;
                } catch (FileAlreadyExistsException raced) {
                    // Another instance on the same data directory made it first: its secret is the one to use.
                    Files.delete(draft);
                }
            }
            return new Kept(Files.readString(file, StandardCharsets.US_ASCII).strip(), made);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or make the secret " + file, e);
        }
    }

    /** @param text the Base64 text of the secret @param made whether this call wrote it */
    public record Kept(String text, boolean made) {
    }
}
