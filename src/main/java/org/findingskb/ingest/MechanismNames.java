package org.findingskb.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A mechanism's readable name, taken from the sentence that best states it ("Lower BMP signalling lets more
 * young neurons mature") rather than a list of concept names: the reporting frame before it, an opening phrase
 * that sets the scene and the side clauses after it go. The words are data ({@code ingest/mechanism-names.json}).
 */
final class MechanismNames {

    private static final String RESOURCE = "ingest/mechanism-names.json";
    private static final Pattern QUOTE_MARKS = Pattern.compile("[\"\u201c\u201d]");
    private static final Pattern END = Pattern.compile("[\\s.!?,;:]+$");
    /** A name shorter than this says too little to stand for a mechanism. */
    private static final int MIN_WORDS = 3;

    record File(List<String> reportingVerbs, List<String> sceneOpeners, List<String> sideClauses, int maxLength) {
    }

    private final Pattern reportingFrame;
    private final Pattern sceneOpener;
    private final List<String> sideClauses;
    private final int maxLength;

    private MechanismNames(File file) {
        this.reportingFrame = Pattern.compile("^.{0,80}?\\b" + alternatives(file.reportingVerbs()) + "\\s+that\\s+",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        this.sceneOpener = Pattern.compile("^" + alternatives(file.sceneOpeners()) + "\\b[^,]{0,40},\\s+",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        this.sideClauses = List.copyOf(file.sideClauses());
        this.maxLength = file.maxLength();
    }

    static MechanismNames load() {
        try (InputStream in = MechanismNames.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + RESOURCE);
            }
            return new MechanismNames(JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .build().readValue(in, File.class));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    /** The name a sentence gives its mechanism, or null when too little of it is left to name one. */
    String fromSentence(String sentence) {
        String name = QUOTE_MARKS.matcher(sentence).replaceAll("").strip();
        Matcher frame = reportingFrame.matcher(name);
        if (frame.find()) {
            name = name.substring(frame.end());
        }
        Matcher scene = sceneOpener.matcher(name);
        if (scene.find()) {
            name = name.substring(scene.end());
        }
        int cut = sideClauses.stream().mapToInt(name::indexOf).filter(i -> i > 0).min().orElse(name.length());
        name = END.matcher(name.substring(0, cut)).replaceAll("").strip();
        if (name.length() > maxLength) {
            int space = name.lastIndexOf(' ', maxLength);
            name = name.substring(0, space > 0 ? space : maxLength) + "\u2026";
        }
        if (name.split("\\s+").length < MIN_WORDS) {
            return null;
        }
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static String alternatives(List<String> words) {
        return words.stream().map(w -> w.strip().toLowerCase(Locale.ROOT)).filter(w -> !w.isEmpty()).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(w -> Pattern.quote(w).replace(" ", "\\E\\s+\\Q")).collect(Collectors.joining("|", "(?:", ")"));
    }
}
