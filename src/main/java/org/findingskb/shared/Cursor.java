package org.findingskb.shared;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.CRC32;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Where the next page of a long result starts, handed to clients as an opaque token. It carries the total
 * counted for the first page, so later pages never count again, and either the sort values of the last hit
 * (keyset: cost independent of depth) or, for relevance order, the offset.
 */
public record Cursor(int query, int pageNumber, long total, long offset, List<Long> after) {

    public Cursor {
        after = after == null ? List.of() : List.copyOf(after);
    }

    /**
     * Identifies a query (its filters, sort and page size) for {@link #decode}: the same in every JVM and after a
     * restart, so a cursor stays valid on any instance. Enums count by name, sets regardless of their order and
     * records by their components; {@code Objects.hash} would take enums' identity hashes, which differ per JVM.
     */
    public static int fingerprint(Object... parts) {
        CRC32 crc = new CRC32();
        crc.update(canonical(Arrays.asList(parts)).getBytes(StandardCharsets.UTF_8));
        return (int) crc.getValue();
    }

    private static String canonical(Object value) {
        if (value instanceof Enum<?> constant) {
            return constant.getDeclaringClass().getSimpleName() + "." + constant.name();
        }
        if (value instanceof Set<?> set) {
            return set.stream().map(Cursor::canonical).sorted().collect(Collectors.joining(",", "{", "}"));
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(Cursor::canonical).collect(Collectors.joining(",", "[", "]"));
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> canonical(e.getKey()) + "=" + canonical(e.getValue())).sorted()
                    .collect(Collectors.joining(",", "{", "}"));
        }
        if (value instanceof Record record) {
            return Arrays.stream(record.getClass().getRecordComponents()).map(component -> {
                try {
                    component.getAccessor().setAccessible(true);
                    return component.getName() + "=" + canonical(component.getAccessor().invoke(record));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("Cannot read " + component, e);
                }
            }).collect(Collectors.joining(",", record.getClass().getSimpleName() + "(", ")"));
        }
        return String.valueOf(value);
    }

    public boolean isKeyset() {
        return !after.isEmpty();
    }

    /**
     * Sets the key cursors are signed with (see {@link CursorKey}). Until then a key drawn at random serves, so a
     * cursor is never unsigned; tests that make cursors without an application run on it.
     */
    static void useKey(byte[] key) {
        signingKey = new SecretKeySpec(key.clone(), MAC);
    }

    private static final String MAC = "HmacSHA256";
    private static final int SIGNATURE_BYTES = 16;
    private static volatile SecretKeySpec signingKey = new SecretKeySpec(KeptSecrets.random(), MAC);

    /**
     * The token: the fields, then an HMAC of them under the server's key, so a client can neither forge a page
     * past the result cap nor an offset the index cannot fetch; it can only hand back what it was given.
     */
    public String encode() {
        StringBuilder token = new StringBuilder("1.").append(Integer.toHexString(query)).append('.')
                .append(pageNumber).append('.').append(total).append('.').append(offset);
        after.forEach(value -> token.append('.').append(value));
        byte[] payload = token.toString().getBytes(StandardCharsets.UTF_8);
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString(payload) + "~" + base64.encodeToString(signature(payload));
    }

    private static byte[] signature(byte[] payload) {
        try {
            Mac mac = Mac.getInstance(MAC);
            mac.init(signingKey);
            return Arrays.copyOf(mac.doFinal(payload), SIGNATURE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    /** The cursor in {@code token}, which must have been made for the query {@code query} identifies. */
    public static Cursor decode(String token, int query) {
        try {
            String[] signed = token.strip().split("~", -1);
            if (signed.length != 2) {
                throw new IllegalArgumentException("unsigned");
            }
            Base64.Decoder base64 = Base64.getUrlDecoder();
            byte[] payload = base64.decode(signed[0]);
            if (!MessageDigest.isEqual(signature(payload), base64.decode(signed[1]))) {
                throw new IllegalArgumentException("forged");
            }
            String[] parts = new String(payload, StandardCharsets.UTF_8).split("\\.");
            if (parts.length < 5 || !parts[0].equals("1")) {
                throw new IllegalArgumentException("not a cursor");
            }
            if (Integer.parseUnsignedInt(parts[1], 16) != query) {
                throw InvalidParameter.of("cursor", "belongs to another query: repeat the filters, sort and size"
                        + " of the request that returned it");
            }
            List<Long> after = java.util.Arrays.stream(parts, 5, parts.length).map(Long::valueOf).toList();
            Cursor cursor = new Cursor(query, Integer.parseInt(parts[2]), Long.parseLong(parts[3]),
                    Long.parseLong(parts[4]), after);
            if (cursor.pageNumber() < 0 || cursor.total() < 0 || cursor.offset() < 0) {
                throw new IllegalArgumentException("negative");
            }
            return cursor;
        } catch (IllegalArgumentException e) {
            throw InvalidParameter.of("cursor", "is not a cursor this API issued; pass the 'cursor' of a previous page");
        }
    }
}
