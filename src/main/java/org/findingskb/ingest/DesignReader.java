package org.findingskb.ingest;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.findingskb.concept.ConceptType;
import org.findingskb.study.DesignType;

/**
 * Reads what kind of study an article reports: its type (by the learned {@link DesignTypeModel}), the sample size,
 * the comparator, the duration or follow-up and the intervention (from the vocabulary of {@code ingest/design.json}
 * and the concepts the tagger found). Each part comes with the span it was read from, and stays {@code null} where
 * nothing in the text states it.
 */
final class DesignReader {

    /** Below this probability the model's type is a guess, and a guess is not stated. */
    static final double TYPE_THRESHOLD = 0.3;
    /** The most words a comparator is read to: "what it was compared with" is a short phrase. */
    private static final int COMPARATOR_WORDS = 6;
    /** Words between a count and the noun it counts ("1,200 healthy older adults"). */
    private static final int COUNT_MODIFIERS = 3;
    /** Shorter words ending like a drug ("done", "pine") are ordinary words. */
    private static final int MIN_DRUG_NAME = 8;
    private static final Pattern WORD_AFTER = Pattern.compile("^\\s+([\\p{L}][\\p{L}\\-']*)");
    private static final Pattern NEXT_WORD = Pattern.compile("\\G\\s*([\\p{L}\\d][\\p{L}\\d\\-'/.]*)");

    private final DesignCues cues;
    private final DesignFeatures features;
    private final DesignTypeModel model;
    private final Pattern count;
    private final Pattern duration;
    private final Set<String> strongUnits;
    private final Set<String> weakUnits;
    /** Words that end a count's modifiers: "40 percent of adults" and "3 times more people" count no one. */
    private final Set<String> notModifiers;

    DesignReader(Cues sentenceCues, DesignCues cues, DesignTypeModel model) {
        this.cues = cues;
        this.features = new DesignFeatures(cues);
        this.model = model;
        DesignCues.SampleCues sample = cues.file.sample();
        // "nearly 1,500", "2.4 million", "twelve": a count in digits (with thousands separators) or in words.
        this.count = Pattern.compile("(?<![\\p{L}\\d,.])(?<n>\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?|(?i:"
                + alternatives(sample.numberWords().keySet()) + "))(?:\\s+(?<mult>(?i:"
                + alternatives(sample.multipliers().keySet()) + ")))?(?![\\d%])");
        this.strongUnits = Stream.of(sentenceCues.humanNouns, sentenceCues.animalNouns, sample.units())
                .flatMap(List::stream).map(w -> w.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        this.notModifiers = Stream.concat(sentenceCues.qualifierStops.stream(), sample.notModifiers().stream())
                .map(w -> w.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        this.weakUnits = sample.weakUnits().stream().map(w -> w.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        DesignCues.DurationCues d = cues.file.duration();
        this.duration = Pattern.compile("(?i)(?<![\\p{L}\\d,.])(?:(?:" + alternatives(d.qualifiers()) + ")\\s+)?"
                + "(?<n>\\d+(?:\\.\\d+)?|" + alternatives(d.numbers()) + ")"
                + "(?:\\s*(?:-|to|or)\\s*(?:\\d+(?:\\.\\d+)?|" + alternatives(d.numbers()) + "))?"
                + "(?:\\s+|-)(?<unit>" + alternatives(d.units()) + ")\\b");
    }

    private static String alternatives(java.util.Collection<String> words) {
        return words.stream().sorted(Comparator.comparingInt(String::length).reversed()).map(Pattern::quote)
                .collect(Collectors.joining("|"));
    }

    /** The design of the article, its type read by this reader's model. */
    ExtractedDesign read(ArticleReading reading) {
        return read(reading, model);
    }

    /** The design of the article, its type read by {@code typeModel} ({@code null}: no type). */
    ExtractedDesign read(ArticleReading reading, DesignTypeModel typeModel) {
        List<Sentence> sentences = DesignFeatures.readable(reading);
        Typed type = typeModel == null ? null : type(reading, sentences, typeModel);
        Found<Integer> sample = sampleSize(reading, sentences);
        Found<String> comparator = comparator(reading, sentences);
        Found<String> duration = duration(reading, sentences);
        Found<String> intervention = intervention(reading, sentences);
        return new ExtractedDesign(type == null ? null : type.type(), type == null ? null : type.span(),
                value(sample), span(sample), value(comparator), span(comparator), value(duration), span(duration),
                value(intervention), span(intervention));
    }

    private record Typed(DesignType type, TextSpan span) {
    }

    /** A value read from the text, the span it was read from, and how sure the reading is. */
    private record Found<T>(T value, TextSpan span, int score) {
    }

    private static <T> T value(Found<T> found) {
        return found == null ? null : found.value();
    }

    private static TextSpan span(Found<?> found) {
        return found == null ? null : found.span();
    }

    /**
     * The model's type for the whole article, quoted by the sentence that on its own speaks most for that type
     * among those naming one of its cues (else among all).
     */
    private Typed type(ArticleReading reading, List<Sentence> sentences, DesignTypeModel typeModel) {
        DesignTypeModel.Prediction p = typeModel.predict(features.article(reading));
        if (p.probability() < TYPE_THRESHOLD || sentences.isEmpty()) {
            return null;
        }
        List<Sentence> cued = sentences.stream().filter(s -> features.cues(s, p.type())).toList();
        Sentence best = null;
        double bestProbability = -1;
        for (Sentence s : cued.isEmpty() ? sentences : cued) {
            double q = typeModel.probability(features.sentence(reading, s), p.type());
            if (q > bestProbability) {
                best = s;
                bestProbability = q;
            }
        }
        return new Typed(p.type(), trimmed(reading.text(), best.start(), best.end()));
    }

    /**
     * The number of participants, animals or units: a count followed by a population noun ("1,487 adults"), best
     * where a study verb introduces it ("enrolled nearly 1,500 people"); the headline's count only where the body
     * gives none.
     */
    private Found<Integer> sampleSize(ArticleReading reading, List<Sentence> sentences) {
        Found<Integer> best = null;
        for (Sentence s : sentences) {
            boolean title = reading.roles().get(s.index()) == SentenceRole.TITLE;
            Matcher m = count.matcher(s.folded());
            while (m.find()) {
                int unit = unitStrength(s.folded().substring(m.end()));
                if (unit == 0) {
                    continue;
                }
                Long n = parse(m.group("n"), m.group("mult"));
                if (n == null || n < 2 || n > Integer.MAX_VALUE) {
                    continue;
                }
                String before = withoutQuantifier(s.folded().substring(0, m.start()));
                int score = unit + (cues.sampleLeadIns.endsWith(before) ? 2 : 0) - (title ? 2 : 0);
                if (best == null || score > best.score()) {
                    best = new Found<>(n.intValue(), new TextSpan(s.start() + m.start(), s.start() + m.end()), score);
                }
            }
        }
        return best != null && best.score() >= 3 ? best : null;
    }

    /** 3 for a population noun or a counted unit within a few words, 1 for a weak unit, 0 for none. */
    private int unitStrength(String after) {
        String rest = after;
        for (int words = 0; words <= COUNT_MODIFIERS; words++) {
            Matcher w = WORD_AFTER.matcher(rest);
            if (!w.find()) {
                return 0;
            }
            String word = w.group(1).toLowerCase(Locale.ROOT);
            if (notModifiers.contains(word)) {
                return 0;
            }
            if (weakUnits.contains(word)) {
                return 1;
            }
            if (strongUnits.contains(word)) {
                return 3;
            }
            rest = rest.substring(w.end());
        }
        return 0;
    }

    private String withoutQuantifier(String before) {
        String trimmed = before.stripTrailing();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        for (String q : cues.file.duration().qualifiers()) {
            if (lower.endsWith(" " + q) || lower.equals(q)) {
                return trimmed.substring(0, trimmed.length() - q.length());
            }
        }
        return trimmed;
    }

    private Long parse(String number, String multiplier) {
        DesignCues.SampleCues sample = cues.file.sample();
        double value;
        Long word = sample.numberWords().get(number.toLowerCase(Locale.ROOT));
        if (word != null) {
            value = word;
        } else {
            try {
                value = Double.parseDouble(number.replace(",", ""));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        if (multiplier != null) {
            value *= sample.multipliers().getOrDefault(multiplier.toLowerCase(Locale.ROOT), 1L);
        } else if (word == null && number.contains(".")) {
            // "2.5 people" is no count; a word number is.
            return word != null ? word : null;
        }
        return Math.round(value);
    }

    /**
     * How long the treatment or follow-up lasted: a number of time units ("12 weeks", "an average of 6.9 years")
     * introduced as a length ("for", "over", "followed for") in a sentence about the study's conduct; ages,
     * frequencies ("three times a week") and times ago are not durations.
     */
    private Found<String> duration(ArticleReading reading, List<Sentence> sentences) {
        Found<String> best = null;
        for (Sentence s : sentences) {
            if (reading.roles().get(s.index()) == SentenceRole.TITLE) {
                continue;
            }
            Matcher m = duration.matcher(s.folded());
            boolean context = !cues.durationContext.all(s.folded()).isEmpty();
            while (m.find()) {
                String before = s.folded().substring(0, m.start());
                String after = s.folded().substring(m.end());
                if (cues.durationNotBefore.endsWith(before) || startsWithPhrase(cues.durationNotAfter, after)) {
                    continue;
                }
                int score = (cues.durationLeadIns.endsWith(before) ? 2 : 0) + (context ? 1 : 0)
                        + (cues.durationStrong.all(m.group()).isEmpty() ? 0 : 2)
                        + (Character.isDigit(m.group("n").charAt(0)) ? 0 : -1);
                if (score >= 2 && (best == null || score > best.score())) {
                    best = new Found<>(s.text().substring(m.start(), m.end()),
                            new TextSpan(s.start() + m.start(), s.start() + m.end()), score);
                }
            }
        }
        return best;
    }

    private static boolean startsWithPhrase(PhraseMatcher phrases, String after) {
        return phrases.startsWith(after.stripLeading());
    }

    /**
     * What the intervention was compared with: a named comparator ("placebo", "usual care") where the article
     * names one, else the phrase after "compared with" or "versus", up to a few words.
     */
    private Found<String> comparator(ArticleReading reading, List<Sentence> sentences) {
        Found<String> best = null;
        for (Sentence s : sentences) {
            boolean title = reading.roles().get(s.index()) == SentenceRole.TITLE;
            for (PhraseMatcher.Hit hit : cues.comparatorTerms.all(s.folded())) {
                int score = title ? 2 : 3;
                if (best == null || score > best.score()) {
                    best = found(s, withoutArticle(s.text(), hit.start(), hit.end()), hit.end(), score);
                }
            }
            for (PhraseMatcher.Hit hit : cues.comparatorLeadIns.all(s.folded())) {
                int end = phraseEnd(s.folded(), hit.end());
                if (end < 0) {
                    continue;
                }
                int start = withoutArticle(s.text(), skipSpaces(s.folded(), hit.end()), end);
                int score = title ? 1 : 2;
                // "compared with 9.9 percent" compares results, not groups.
                if (start < end && !Character.isDigit(s.folded().charAt(start))
                        && (best == null || score > best.score())) {
                    best = found(s, start, end, score);
                }
            }
        }
        return best;
    }

    private static Found<String> found(Sentence s, int start, int end, int score) {
        return new Found<>(s.text().substring(start, end), new TextSpan(s.start() + start, s.start() + end), score);
    }

    private static int skipSpaces(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Past a leading "a", "an" or "the": the comparator is the thing, not the article before it. */
    private static int withoutArticle(String text, int start, int end) {
        String lower = text.substring(start, end).toLowerCase(Locale.ROOT);
        for (String article : List.of("a ", "an ", "the ")) {
            if (lower.startsWith(article) && lower.length() > article.length()) {
                return start + article.length();
            }
        }
        return start;
    }

    /** Where the phrase after a lead-in ends: at punctuation, a stop word, or after a few words; -1 for none. */
    private int phraseEnd(String folded, int from) {
        int end = -1;
        int words = 0;
        Matcher w = NEXT_WORD.matcher(folded);
        int at = from;
        while (words < COMPARATOR_WORDS && w.find(at)) {
            String word = w.group(1).toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
            if (cues.comparatorStops.contains(word) && words > 0) {
                break;
            }
            end = w.end(1) - (w.group(1).endsWith(".") ? 1 : 0);
            at = w.end();
            words++;
            if (w.group(1).endsWith(".")) {
                break;
            }
        }
        return end;
    }

    /**
     * The intervention: the study's intervention concept most often named (a drug before its class, since the
     * article's drug is the study's), quoted where the body first names it.
     */
    private Found<String> intervention(ArticleReading reading, List<Sentence> sentences) {
        Set<String> candidates = reading.metadata().interventions().stream().map(ConceptCandidate::name)
                .collect(Collectors.toSet());
        if (candidates.isEmpty()) {
            return drugByItsStem(sentences);
        }
        Map<String, Integer> mentions = new LinkedHashMap<>();
        Map<String, Lexicon.Match> first = new LinkedHashMap<>();
        Map<String, Boolean> isClass = new LinkedHashMap<>();
        for (Sentence s : sentences) {
            for (Lexicon.Match m : reading.tagging().lexiconMatches().get(s.index())) {
                String name = m.entry().name();
                if (candidates.contains(name)) {
                    mentions.merge(name, 1, Integer::sum);
                    isClass.put(name, m.entry().type() == ConceptType.DRUG_CLASS);
                    first.putIfAbsent(name, m);
                }
            }
        }
        return mentions.keySet().stream()
                .max(Comparator.<String>comparingInt(n -> isClass.get(n) ? 0 : 1).thenComparingInt(mentions::get))
                .map(name -> {
                    Lexicon.Match m = first.get(name);
                    // As the article words it ("flu vaccine"), which is also its quote.
                    return new Found<>(reading.text().substring(m.start(), m.end()), new TextSpan(m.start(), m.end()),
                            mentions.get(name));
                }).orElse(null);
    }

    /**
     * A drug the lexicon does not know, by the stem of its international name ("-mab", "-gliflozin"), where the
     * article names it more than once: new drugs are what trials are about.
     */
    private Found<String> drugByItsStem(List<Sentence> sentences) {
        Map<String, Integer> mentions = new LinkedHashMap<>();
        Map<String, TextSpan> first = new LinkedHashMap<>();
        for (Sentence s : sentences) {
            for (Token t : s.tokens()) {
                String word = t.text().toLowerCase(Locale.ROOT);
                if (word.length() >= MIN_DRUG_NAME && word.chars().allMatch(Character::isLetter)
                        && cues.file.intervention().drugStems().stream().anyMatch(word::endsWith)) {
                    mentions.merge(word, 1, Integer::sum);
                    first.putIfAbsent(word, new TextSpan(t.start(), t.end()));
                }
            }
        }
        return mentions.entrySet().stream()
                .filter(e -> e.getValue() >= cues.file.intervention().minimumMentions())
                .max(Map.Entry.comparingByValue())
                .map(e -> new Found<>(e.getKey(), first.get(e.getKey()), e.getValue())).orElse(null);
    }

    /** The sentence's span without trailing whitespace. */
    private static TextSpan trimmed(String text, int start, int end) {
        int e = end;
        while (e > start && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        return new TextSpan(start, e);
    }
}
