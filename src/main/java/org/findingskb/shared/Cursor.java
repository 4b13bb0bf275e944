package org.findingskb.shared;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.CRC32;

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

    public String encode() {
        StringBuilder token = new StringBuilder("1.").append(Integer.toHexString(query)).append('.')
                .append(pageNumber).append('.').append(total).append('.').append(offset);
        after.forEach(value -> token.append('.').append(value));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor in {@code token}, which must have been made for the query {@code query} identifies. */
    public static Cursor decode(String token, int query) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token.strip()), StandardCharsets.UTF_8).split("\\.");
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
