package org.findingskb.web.openapi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Names each operation as a method of a generated client: {@code GET /api/findings} is {@code listFindings},
 * {@code GET /api/studies/{idOrSlug}/summary} {@code getStudySummary}, {@code PATCH /api/concepts/{id}}
 * {@code updateConcept}. The verb comes from the HTTP method (a GET of a plural is a list), the noun from the path's
 * segments, each but a listed last one made singular. The few the rule names badly are named in
 * {@code openapi/operations.txt}, with the statuses an operation answers besides those its method gives it.
 */
final class OperationNames {

    private final Map<String, Entry> listed;

    private record Entry(String operationId, List<String> statuses) {
    }

    private OperationNames(Map<String, Entry> listed) {
        this.listed = listed;
    }

    static OperationNames load() {
        Map<String, Entry> listed = new HashMap<>();
        try (InputStream in = OperationNames.class.getResourceAsStream("/openapi/operations.txt")) {
            if (in == null) {
                throw new IllegalStateException("openapi/operations.txt is missing from the classpath");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] words = line.strip().split("\\s+");
                if (words.length < 3 || words[0].startsWith("#")) {
                    continue;
                }
                listed.put(key(words[0], words[1]), new Entry(words[2], List.of(words).subList(3, words.length)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new OperationNames(listed);
    }

    private static String key(String method, String path) {
        return method.toUpperCase(Locale.ROOT) + " " + path;
    }

    String operationId(String method, String path) {
        Entry entry = listed.get(key(method, path));
        return entry != null ? entry.operationId() : derived(method.toUpperCase(Locale.ROOT), path);
    }

    /** Success statuses the list adds to those {@link #successStatus} gives. */
    List<String> furtherStatuses(String method, String path) {
        Entry entry = listed.get(key(method, path));
        return entry == null ? List.of() : entry.statuses();
    }

    /** 201 for a POST to a collection, 204 for a DELETE, else 200. */
    static String successStatus(String method, String path) {
        return switch (method.toUpperCase(Locale.ROOT)) {
            case "POST" -> isCollection(path) ? "201" : "200";
            case "DELETE" -> "204";
            default -> "200";
        };
    }

    /** A path whose last segment names a plural collection, not one item of it. */
    static boolean isCollection(String path) {
        List<String> nouns = nouns(path);
        return !path.endsWith("}") && !nouns.isEmpty() && isPlural(nouns.get(nouns.size() - 1));
    }

    private static String derived(String method, String path) {
        List<String> nouns = nouns(path);
        boolean collection = isCollection(path);
        String verb = switch (method) {
            case "GET", "HEAD" -> collection ? "list" : "get";
            case "POST" -> collection ? "create" : "post";
            case "PUT" -> "replace";
            case "PATCH" -> "update";
            case "DELETE" -> "delete";
            default -> method.toLowerCase(Locale.ROOT);
        };
        StringBuilder name = new StringBuilder(verb);
        for (int i = 0; i < nouns.size(); i++) {
            boolean last = i == nouns.size() - 1;
            String noun = last && collection && !"create".equals(verb) ? nouns.get(i) : singular(nouns.get(i));
            name.append(Character.toUpperCase(noun.charAt(0))).append(noun.substring(1));
        }
        return name.toString();
    }

    private static List<String> nouns(String path) {
        List<String> nouns = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty() && !segment.startsWith("{") && !segment.equals("api")) {
                nouns.add(camel(segment));
            }
        }
        return nouns;
    }

    private static String camel(String segment) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : segment.toCharArray()) {
            if (c == '-' || c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    private static boolean isPlural(String noun) {
        return noun.endsWith("s") && !noun.endsWith("ss");
    }

    private static String singular(String noun) {
        if (noun.endsWith("ies")) {
            return noun.substring(0, noun.length() - 3) + "y";
        }
        return isPlural(noun) ? noun.substring(0, noun.length() - 1) : noun;
    }
}
