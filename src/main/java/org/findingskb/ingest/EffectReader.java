package org.findingskb.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.findingskb.finding.EffectDirection;
import org.findingskb.finding.FindingKind;

/**
 * Reads the effects a sentence states: a direction word ({@code ingest/effects.json}: "reduces", "boosted",
 * "linked to", "no effect"), the concept named before it as the subject (else the study's intervention, which
 * news sentences often leave implicit) and the concepts named after it, up to the end of the clause, as objects.
 * A negation just before the word ("did not lower") makes it {@code NO_EFFECT}; "by" after it ("was lowered by")
 * swaps subject and object. Work is linear in the sentence and its concepts, both bounded.
 */
final class EffectReader {

    static final String RESOURCE = "ingest/effects.json";
    /**
     * The kinds of finding whose sentences are read for effects: results and mechanisms, and an earlier study's
     * result; an implication or background states what could be or what is known, not what was found.
     */
    static final Set<FindingKind> STATING_KINDS = Set.of(FindingKind.RESULT, FindingKind.MECHANISM,
            FindingKind.PRIOR_WORK);
    /** Longer sentences are not read: a finding's sentence is never this long, a misread block of text may be. */
    private static final int MAX_SENTENCE_LENGTH = 2_000;
    private static final int MAX_CONCEPTS = 60;
    private static final int MAX_FORMS = 30;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'\u2019-]*|[;:]");

    @JsonIgnoreProperties(ignoreUnknown = true)
    record File(List<String> increases, List<String> decreases, List<String> noEffect, List<String> associated,
            List<String> negations, int negationWindow, List<String> passiveMarkers, List<String> clauseBreaks,
            Map<String, List<String>> skipAfter, int maxObjectsPerCue, int maxEffectsPerSentence, List<String> placeWords,
            List<String> notActors, List<String> determiners, List<String> phraseJoiners) {
    }

    private record Cue(String[] words, EffectDirection direction) {
    }

    private record Word(String key, int start, int end) {
    }

    private record Hit(int from, int to, EffectDirection direction) {
    }

    record Mention(ConceptCandidate concept, int start, int end) {
    }

    /** A direction word found in a sentence: its characters, its direction (negation applied) and its first word. */
    record CueHit(int start, int end, EffectDirection direction, String word) {
    }

    private final File file;
    /** The learned reader; {@code null} where none is bundled (the rules read). */
    private final EffectModel model;
    private final List<Cue> cues = new ArrayList<>();
    private final Set<String> negations;
    private final Set<String> clauseBreaks;
    private final Set<String> passiveMarkers;
    private final Set<String> placeWords;
    private final Set<String> notActors;

    private EffectReader(File file, EffectModel model) {
        this.file = file;
        this.model = model;
        // Longest first and NO_EFFECT, ASSOCIATED before the plain verbs: "no increase" is no increase.
        add(file.noEffect(), EffectDirection.NO_EFFECT);
        add(file.associated(), EffectDirection.ASSOCIATED);
        add(file.increases(), EffectDirection.INCREASES);
        add(file.decreases(), EffectDirection.DECREASES);
        cues.sort(Comparator.comparingInt((Cue c) -> -c.words().length));
        this.negations = Set.copyOf(file.negations());
        this.clauseBreaks = Set.copyOf(file.clauseBreaks());
        this.passiveMarkers = Set.copyOf(file.passiveMarkers());
        this.placeWords = Set.copyOf(file.placeWords());
        this.notActors = file.notActors().stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toSet());
    }

    static EffectReader fromClasspath() {
        try (InputStream in = EffectReader.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE);
            }
            return new EffectReader(Cues.mapper().readValue(in, File.class), EffectModel.fromClasspath().orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same cues with another learned model ({@code null}: the rules read). */
    EffectReader withModel(EffectModel other) {
        return new EffectReader(file, other);
    }

    /**
     * The effects {@code text} states (a finding's sentence or part of one, starting at {@code offset} of the
     * article; {@code tokens} its sentence's, with article offsets): by the learned model where one is bundled, with
     * what the rules read of pairs it states nothing about, else by the rules alone. {@code designIntervention} is what the study's design names as its intervention (may be null).
     */
    List<ExtractedEffect> read(String text, int offset, List<Token> tokens, List<ConceptCandidate> concepts,
            List<ConceptCandidate> interventions, String designIntervention) {
        return read(text, offset, tokens, concepts, interventions, designIntervention, List.of());
    }

    /** As above, with the study's {@code conditions}, which the model may name as an object the sentence leaves unsaid. */
    List<ExtractedEffect> read(String text, int offset, List<Token> tokens, List<ConceptCandidate> concepts,
            List<ConceptCandidate> interventions, String designIntervention, List<ConceptCandidate> conditions) {
        if (model == null) {
            return read(text, offset, concepts, interventions);
        }
        if (text == null || text.isEmpty() || text.length() > MAX_SENTENCE_LENGTH) {
            return List.of();
        }
        List<ExtractedEffect> byModel = model.read(EffectModel.pairs(this, text, offset, tokens, concepts,
                interventions, designIntervention, conditions), offset, file.maxEffectsPerSentence());
        return EffectModel.merged(byModel, read(text, offset, concepts, interventions), file.maxEffectsPerSentence());
    }

    private void add(List<String> phrases, EffectDirection direction) {
        for (String phrase : phrases) {
            cues.add(new Cue(phrase.toLowerCase(Locale.ROOT).split("\\s+"), direction));
        }
    }

    /**
     * The effects {@code sentence} states, which starts at {@code offset} of the source text; {@code concepts} are
     * those tagged in it, {@code interventions} the study's (the subject where the sentence names none).
     */
    List<ExtractedEffect> read(String sentence, int offset, List<ConceptCandidate> concepts,
            List<ConceptCandidate> interventions) {
        if (sentence == null || sentence.isEmpty() || sentence.length() > MAX_SENTENCE_LENGTH) {
            return List.of();
        }
        List<Word> words = words(sentence);
        List<Mention> mentions = mentions(sentence, concepts.stream()
                .filter(c -> !notActors.contains(c.name().toLowerCase(Locale.ROOT))).toList());
        if (mentions.isEmpty()) {
            return List.of();
        }
        List<Hit> hits = hits(words);
        List<ExtractedEffect> effects = new ArrayList<>();
        ConceptCandidate lastSubject = null;
        List<Mention> lastObjects = List.of();
        boolean associative = false;
        for (int h = 0; h < hits.size() && effects.size() < file.maxEffectsPerSentence(); h++) {
            Hit hit = hits.get(h);
            // "linked with a higher risk": once a sentence speaks of a link, its directions are of the link.
            EffectDirection direction = associative && hit.direction() != EffectDirection.NO_EFFECT
                    ? EffectDirection.ASSOCIATED : hit.direction();
            associative |= hit.direction() == EffectDirection.ASSOCIATED;
            int cueStart = words.get(hit.from()).start();
            int cueEnd = words.get(hit.to() - 1).end();
            int limit = h + 1 < hits.size() ? words.get(hits.get(h + 1).from()).start() : clauseEnd(words, hit.to(), sentence.length());
            boolean passive = hit.to() < words.size() && passiveMarkers.contains(words.get(hit.to()).key());
            Mention before = lastBefore(mentions, cueStart, 0);
            List<Mention> after = between(mentions, cueEnd, limit, words);
            if (passive) {
                if (before == null || after.isEmpty()) {
                    continue;
                }
                add(effects, after.get(0).concept(), direction, before, before.start(), after.get(0).end(), offset);
                continue;
            }
            ConceptCandidate subject;
            if (before != null && lastObjects.contains(before) && lastSubject != null) {
                // "a higher risk of stroke, a higher risk of heart failure": the list goes on with the same subject.
                subject = lastSubject;
            } else if (before != null) {
                subject = before.concept();
            } else {
                subject = interventions.isEmpty() ? null : interventions.get(0);
            }
            if (subject == null || after.isEmpty()) {
                continue;
            }
            int start = before != null ? before.start() : cueStart;
            for (Mention object : after) {
                add(effects, subject, direction, object, start, object.end(), offset);
            }
            lastSubject = subject;
            lastObjects = after;
        }
        return effects.size() > file.maxEffectsPerSentence() ? effects.subList(0, file.maxEffectsPerSentence()) : effects;
    }

    private static void add(List<ExtractedEffect> effects, ConceptCandidate subject, EffectDirection direction,
            Mention object, int start, int end, int offset) {
        if (subject.name().equals(object.concept().name())) {
            return;
        }
        // One direction per pair: "linked to a lower risk" is one statement, not two.
        boolean known = effects.stream().anyMatch(e -> e.subject().name().equals(subject.name())
                && e.object().name().equals(object.concept().name()));
        if (!known) {
            effects.add(new ExtractedEffect(subject, direction, object.concept(),
                    new TextSpan(offset + start, offset + Math.max(end, start))));
        }
    }

    /** The direction words of {@code sentence}, with offsets into it. */
    List<CueHit> cueHits(String sentence) {
        if (sentence == null || sentence.length() > MAX_SENTENCE_LENGTH) {
            return List.of();
        }
        List<Word> words = words(sentence);
        return hits(words).stream().map(h -> new CueHit(words.get(h.from()).start(), words.get(h.to() - 1).end(),
                h.direction(), words.get(h.from()).key())).toList();
    }

    /** Whether {@code word} (lower case) joins two noun phrases into one thing ("deaths from a disease"). */
    boolean joinsPhrases(String word) {
        return file.phraseJoiners() != null && file.phraseJoiners().contains(word);
    }

    /** Whether {@code word} (lower case) names a place rather than a thing ("in", "within"). */
    boolean isPlaceWord(String word) {
        return placeWords.contains(word);
    }

    /** Whether {@code word} (lower case) after a direction word makes it passive ("lowered by"). */
    boolean isPassiveMarker(String word) {
        return passiveMarkers.contains(word);
    }

    boolean isNegation(String word) {
        return negations.contains(word);
    }

    /** Whether a concept is a comparison or a unit (placebo, per cent), never what acts or is acted on. */
    boolean isNotActor(String name) {
        return notActors.contains(name.toLowerCase(Locale.ROOT));
    }

    private static List<Word> words(String sentence) {
        List<Word> words = new ArrayList<>();
        Matcher m = WORD.matcher(sentence);
        while (m.find()) {
            words.add(new Word(m.group().toLowerCase(Locale.ROOT).replace('\u2019', '\''), m.start(), m.end()));
        }
        return words;
    }

    /** Direction words, longest first at each position, with a negation just before turning them to NO_EFFECT. */
    private List<Hit> hits(List<Word> words) {
        List<Hit> hits = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            Cue matched = null;
            for (Cue cue : cues) {
                if (matches(cue, words, i)) {
                    matched = cue;
                    break;
                }
            }
            if (matched == null || skipped(matched, words, i)) {
                i++;
                continue;
            }
            EffectDirection direction = matched.direction();
            if (direction != EffectDirection.NO_EFFECT && negated(words, i)) {
                direction = EffectDirection.NO_EFFECT;
            }
            hits.add(new Hit(i, i + matched.words().length, direction));
            i += matched.words().length;
        }
        return hits;
    }

    private static boolean matches(Cue cue, List<Word> words, int at) {
        if (at + cue.words().length > words.size()) {
            return false;
        }
        for (int k = 0; k < cue.words().length; k++) {
            String pattern = cue.words()[k];
            String word = words.get(at + k).key();
            boolean ok = pattern.endsWith("*") ? word.startsWith(pattern.substring(0, pattern.length() - 1))
                    : word.equals(pattern);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private boolean skipped(Cue cue, List<Word> words, int at) {
        List<String> notBefore = file.skipAfter().get(cue.words()[0]);
        int next = at + cue.words().length;
        return notBefore != null && next < words.size() && notBefore.contains(words.get(next).key());
    }

    private boolean negated(List<Word> words, int at) {
        for (int k = Math.max(0, at - file.negationWindow()); k < at; k++) {
            if (negations.contains(words.get(k).key())) {
                return true;
            }
        }
        return false;
    }

    private int clauseEnd(List<Word> words, int from, int length) {
        for (int k = from; k < words.size(); k++) {
            if (clauseBreaks.contains(words.get(k).key())) {
                return words.get(k).start();
            }
        }
        return length;
    }

    /** Where each concept is named in the sentence: any of its forms, as a whole word, plural allowed. */
    static List<Mention> mentions(String sentence, List<ConceptCandidate> concepts) {
        List<Mention> all = new ArrayList<>();
        for (ConceptCandidate concept : concepts.subList(0, Math.min(concepts.size(), MAX_CONCEPTS))) {
            List<String> forms = new ArrayList<>();
            forms.add(concept.name());
            forms.addAll(concept.synonyms());
            for (String form : forms.subList(0, Math.min(forms.size(), MAX_FORMS))) {
                if (form.isBlank()) {
                    continue;
                }
                boolean abbreviation = form.length() <= 5 && form.equals(form.toUpperCase(Locale.ROOT));
                Pattern p = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(form) + "(?:s|es)?(?![\\p{L}\\p{N}])",
                        abbreviation ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
                Matcher m = p.matcher(sentence);
                while (m.find()) {
                    all.add(new Mention(concept, m.start(), m.end()));
                }
            }
        }
        // The longest mention wins where two overlap ("BMP signalling" over "BMP").
        all.sort(Comparator.comparingInt((Mention m) -> m.start()).thenComparingInt(m -> -(m.end() - m.start())));
        List<Mention> kept = new ArrayList<>();
        for (Mention m : all) {
            if (kept.isEmpty() || m.start() >= kept.get(kept.size() - 1).end()) {
                kept.add(m);
            } else if (m.end() - m.start() > kept.get(kept.size() - 1).end() - kept.get(kept.size() - 1).start()) {
                kept.set(kept.size() - 1, m);
            }
        }
        return kept;
    }

    /** Whether the mention follows a place word, with at most an article between ("in the hippocampus"). */
    private boolean afterPlaceWord(Mention m, List<Word> words) {
        int k = 0;
        while (k < words.size() && words.get(k).end() <= m.start()) {
            k++;
        }
        for (int back = k - 1; back >= Math.max(0, k - 2); back--) {
            String key = words.get(back).key();
            if (placeWords.contains(key)) {
                return true;
            }
            if (!file.determiners().contains(key)) {
                return false;
            }
        }
        return false;
    }

    private static Mention lastBefore(List<Mention> mentions, int cueStart, int notBefore) {
        Mention found = null;
        for (Mention m : mentions) {
            if (m.end() <= cueStart && m.start() >= notBefore) {
                found = m;
            }
        }
        return found;
    }

    /** The objects after a direction word: concepts up to {@code to}, but those named as a place after the first. */
    private List<Mention> between(List<Mention> mentions, int from, int to, List<Word> words) {
        List<Mention> found = new ArrayList<>();
        for (Mention m : mentions) {
            if (m.start() >= from && m.end() <= to && found.size() < file.maxObjectsPerCue()
                    && (found.isEmpty() || !afterPlaceWord(m, words))
                    && found.stream().noneMatch(f -> f.concept().name().equals(m.concept().name()))) {
                found.add(m);
            }
        }
        return found;
    }
}
