package org.findingskb.summary;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The words by which a finding or a source text says what a caveat is about, and what each caveat says
 * ({@code summary/caveats.json}, {@code summary/harm-terms.txt}). Words match case-insensitively as whole words.
 */
final class CaveatCues {

    private static final String RESOURCE = "summary/caveats.json";
    private static final String HARM_TERMS = "summary/harm-terms.txt";
    /** How many words before a harm term may turn it into a benefit ("lowered the risk of ..."). */
    private static final int REVERSER_REACH = 4;
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+|\\n+");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['\u2019-][\\p{L}\\p{N}]+)*");

    record File(Map<CaveatCode, String> texts, Map<CaveatCode, List<String>> says, SmallSample smallSample,
            List<String> harmReversers, Population population, List<String> journalNames,
            Map<CaveatCode, List<String>> stated) {
    }

    record Population(List<String> anywhere, List<String> subjects, List<String> frames, List<String> units) {
    }

    record SmallSample(int below, List<String> subjects) {
    }

    private final Map<CaveatCode, String> texts;
    private final Map<CaveatCode, Pattern> says = new EnumMap<>(CaveatCode.class);
    private final Map<CaveatCode, Pattern> stated = new EnumMap<>(CaveatCode.class);
    private final Pattern harm;
    private final Pattern reversers;
    private final Pattern counted;
    private final int smallBelow;
    private final Pattern populationAnywhere;
    private final Pattern populationSubjects;
    private final Pattern countedSubjects;
    private final Pattern studyFrame;
    private final Pattern countedThings;
    private final Set<String> units;
    private final Pattern journalNames;

    private CaveatCues(File file, List<String> harmTerms) {
        this.texts = new EnumMap<>(file.texts());
        file.says().forEach((code, words) -> says.put(code, words(words, "")));
        file.stated().forEach((code, words) -> stated.put(code, words(words, "")));
        // A harm term matches as a word or a word's start ("addict" in "addictive"), never "harmless".
        this.harm = words(harmTerms, "(?!less)[\\p{L}]*");
        this.reversers = words(file.harmReversers(), "");
        this.counted = Pattern.compile("(?<![\\p{L}\\p{N},.])(\\d{1,3}(?:,\\d{3})*|\\d+)\\s+(?:[\\p{L}-]+\\s+){0,2}?"
                + alternatives(file.smallSample().subjects()) + "(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        this.smallBelow = file.smallSample().below();
        this.populationAnywhere = words(file.population().anywhere(), "");
        this.populationSubjects = words(file.population().subjects(), "");
        this.countedSubjects = Pattern.compile("(?<![\\p{L}\\p{N}])\\d[\\d,.]*\\s+(?:[\\p{L}-]+\\s+){0,3}?"
                + alternatives(file.population().subjects()) + "(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        this.studyFrame = words(file.population().frames(), "");
        this.countedThings = Pattern.compile("(?<![\\p{L}\\p{N}])(\\d[\\d,.]*)\\s+(?:[\\p{L}-]+\\s+){0,2}?(\\p{L}[\\p{L}-]*s)(?![\\p{L}\\p{N}])",
                Pattern.UNICODE_CASE);
        this.units = file.population().units().stream().map(u -> u.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        // Journal titles keep their capitals: "Nature" names a journal, "nature" does not.
        this.journalNames = Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + file.journalNames().stream().map(Pattern::quote)
                .collect(Collectors.joining("|")) + ")(?![\\p{L}\\p{N}])");
        for (CaveatCode code : CaveatCode.values()) {
            if (!texts.containsKey(code)) {
                throw new IllegalStateException(RESOURCE + " has no text for " + code);
            }
        }
    }

    static CaveatCues load() {
        JsonMapper json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        try (InputStream cues = new ClassPathResource(RESOURCE).getInputStream();
                InputStream harm = new ClassPathResource(HARM_TERMS).getInputStream()) {
            List<String> harmTerms = new String(harm.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
            return new CaveatCues(json.readValue(cues, File.class), harmTerms);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    String text(CaveatCode code) {
        return texts.get(code);
    }

    /** True when {@code text} says what the caveat {@code code} is about. */
    boolean says(CaveatCode code, String text) {
        Pattern pattern = says.get(code);
        return pattern != null && pattern.matcher(text).find();
    }

    /** True when {@code text} states what a {@code NOT_STATED_*} caveat would say is missing. */
    boolean states(CaveatCode code, String text) {
        Pattern pattern = stated.get(code);
        return pattern != null && pattern.matcher(text).find();
    }

    /**
     * True when {@code text} states who or what was studied: it names study subjects outright, counts subjects
     * ("nearly 1,500 adults"), or names them in a sentence about the study ("the drug was tested in adults").
     */
    boolean statesPopulation(String text) {
        if (populationAnywhere.matcher(text).find() || countedSubjects.matcher(text).find() || countsThings(text)) {
            return true;
        }
        for (String sentence : SENTENCE_END.split(text)) {
            if (populationSubjects.matcher(sentence).find() && studyFrame.matcher(sentence).find()) {
                return true;
            }
        }
        return false;
    }

    /** True when the text names a journal, by the word or by a well-known title. */
    boolean statesJournal(String text) {
        return states(CaveatCode.NOT_STATED_JOURNAL, text) || journalNames.matcher(text).find();
    }

    /** A number before a plural noun that is no measure ("40 hives", "2,300 lakes"); years are not counts. */
    private boolean countsThings(String text) {
        Matcher m = countedThings.matcher(text);
        while (m.find()) {
            String number = m.group(1);
            boolean year = number.matches("(?:19|20)\\d\\d");
            if (!year && !units.contains(m.group(2).toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code text} counts its subjects and there are few ("12 patients"), or calls its sample small. */
    boolean saysSmallSample(String text) {
        if (says(CaveatCode.SMALL_SAMPLE, text)) {
            return true;
        }
        Matcher m = counted.matcher(text);
        while (m.find()) {
            long n = Long.parseLong(m.group(1).replace(",", ""));
            if (n > 1 && n < smallBelow) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when {@code text} states a harm: a harm term that no word just before it turns into a benefit
     * ("lowered the risk of death", "without side effects").
     */
    boolean statesHarm(String text) {
        Matcher m = harm.matcher(text);
        while (m.find()) {
            List<String> before = WORD.matcher(text.substring(0, m.start())).results().map(r -> r.group()).toList();
            String reach = String.join(" ", before.subList(Math.max(0, before.size() - REVERSER_REACH), before.size()));
            if (!reversers.matcher(reach).find()) {
                return true;
            }
        }
        return false;
    }

    private static Pattern words(List<String> words, String tail) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + alternatives(words) + tail + "(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** Longest first, so that a phrase wins over the word it starts with. */
    static String alternatives(List<String> words) {
        return words.stream().map(w -> w.strip().toLowerCase(Locale.ROOT)).filter(w -> !w.isEmpty()).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(w -> Pattern.quote(w).replace(" ", "\\E\\s+\\Q"))
                .collect(Collectors.joining("|", "(?:", ")"));
    }
}
