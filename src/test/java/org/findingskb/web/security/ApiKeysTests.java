package org.findingskb.web.security;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import org.findingskb.shared.KbProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A key's public label (its name in history) says nothing about the key without the server's secret; keys come
 * from the settings, the environment or a file.
 */
class ApiKeysTests {

    private static final String KEY = "curator-key-in-readme-style-01";

    @TempDir
    Path dataDir;

    private ApiKeys keys(String... settings) {
        Map<String, String> values = new HashMap<>();
        values.put("kb.data-dir", dataDir.toString());
        for (int i = 0; i < settings.length; i += 2) {
            values.put(settings[i], settings[i + 1]);
        }
        return new ApiKeys(new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("kb", Bindable.of(KbProperties.class)));
    }

    private static String label(ApiKeys keys, String key) {
        return keys.find(key).orElseThrow().name();
    }

    @Test
    void aLabelIsNotTheKeysUnsaltedHashSoAGuessCannotBeCheckedOffline() throws Exception {
        String label = label(keys("kb.api-keys", "CURATOR:" + KEY, "kb.api-key-label-secret", "secret-one"), KEY);
        String unsalted = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(KEY.getBytes(StandardCharsets.UTF_8))).substring(0, 8);
        assertThat(label).startsWith("curator-").doesNotContain(unsalted);
        assertThat(label(keys("kb.api-keys", "CURATOR:" + KEY, "kb.api-key-label-secret", "secret-two"), KEY))
                .as("the same key under another secret: the label depends on the secret").isNotEqualTo(label);
        assertThat(label(keys("kb.api-keys", "CURATOR:" + KEY, "kb.api-key-label-secret", "secret-one"), KEY))
                .as("the same key and secret: the label is stable").isEqualTo(label);
    }

    @Test
    void withoutAConfiguredSecretOneIsMadeInTheDataDirectoryAndKeptAcrossStarts() {
        String first = label(keys("kb.api-keys", "CURATOR:" + KEY), KEY);
        assertThat(dataDir.resolve(ApiKeys.SECRET_FILE)).exists();
        assertThat(label(keys("kb.api-keys", "CURATOR:" + KEY), KEY)).isEqualTo(first);
    }

    @Test
    void keysAreReadFromAFileSkippingBlankLinesAndComments() throws Exception {
        Path file = Files.writeString(dataDir.resolve("keys"), "# curators\n\nCURATOR:" + KEY + "\nADMIN:admin-key-from-a-file-01\n");
        ApiKeys keys = keys("kb.api-keys-file", file.toString());
        assertThat(keys.find(KEY).orElseThrow().role()).isEqualTo(Role.CURATOR);
        assertThat(keys.find("admin-key-from-a-file-01").orElseThrow().role()).isEqualTo(Role.ADMIN);
        assertThat(keys.find("# curators")).isEmpty();
        assertThatThrownBy(() -> keys("kb.api-keys-file", dataDir.resolve("missing").toString()))
                .hasMessageContaining("kb.api-keys-file");
    }
}
