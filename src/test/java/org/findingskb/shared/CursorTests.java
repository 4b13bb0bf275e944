package org.findingskb.shared;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Cursors identify their query the same way in every JVM, so they survive restarts and other instances. */
class CursorTests {

    enum Kind { RESULT, MECHANISM }

    record Filter(String q, Kind kind, Set<Kind> kinds) {
    }

    @Test
    void aFingerprintIsTheSameInEveryJvm() {
        // Computed once and written down: a fingerprint that took enum identity hashes would differ per JVM.
        assertThat(Cursor.fingerprint("neurons", Kind.RESULT, List.of(3L, 5L), 20)).isEqualTo(311_271_833);
        assertThat(Cursor.fingerprint(new Filter("bmp", Kind.MECHANISM, Set.of(Kind.RESULT)), 100)).isEqualTo(-354_928_071);
    }

    @Test
    void setsCountRegardlessOfTheirOrder() {
        Set<Kind> one = new LinkedHashSet<>(List.of(Kind.RESULT, Kind.MECHANISM));
        Set<Kind> other = new LinkedHashSet<>(List.of(Kind.MECHANISM, Kind.RESULT));
        assertThat(Cursor.fingerprint(one, 20)).isEqualTo(Cursor.fingerprint(other, 20));
        assertThat(Cursor.fingerprint(one, 20)).isNotEqualTo(Cursor.fingerprint(one, 50));
    }

    @Test
    void aCursorOfAnotherQueryIsRefused() {
        String token = new Cursor(Cursor.fingerprint("a"), 1, 40, 20, List.of(7L)).encode();
        assertThat(Cursor.decode(token, Cursor.fingerprint("a")).after()).containsExactly(7L);
        assertThatThrownBy(() -> Cursor.decode(token, Cursor.fingerprint("b"))).isInstanceOf(InvalidParameter.class)
                .hasMessageContaining("another query");
    }

    @Test
    void aCursorIsSignedAndAChangedOneIsRefused() {
        String token = new Cursor(Cursor.fingerprint("a"), 1, 40, 20, List.of()).encode();
        assertThat(token).contains("~");
        String[] signed = token.split("~");
        String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(signed[0])).replace(".20", ".9000").getBytes());
        assertThatThrownBy(() -> Cursor.decode(forged + "~" + signed[1], Cursor.fingerprint("a")))
                .isInstanceOf(InvalidParameter.class).hasMessageContaining("not a cursor this API issued");
        assertThatThrownBy(() -> Cursor.decode(forged, Cursor.fingerprint("a"))).isInstanceOf(InvalidParameter.class);
        assertThat(Cursor.decode(token, Cursor.fingerprint("a")).offset()).isEqualTo(20);
    }

    @Test
    void aCursorSignedWithAnotherKeyIsRefused() {
        String token = new Cursor(Cursor.fingerprint("a"), 1, 40, 20, List.of()).encode();
        byte[] previous = KeptSecrets.random();
        Cursor.useKey(previous);
        try {
            assertThatThrownBy(() -> Cursor.decode(token, Cursor.fingerprint("a"))).isInstanceOf(InvalidParameter.class);
        } finally {
            Cursor.useKey(KeptSecrets.random());
        }
    }
}
