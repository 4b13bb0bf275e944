package org.findingskb.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.MaxentModel;
import tools.jackson.databind.JsonNode;

import org.findingskb.finding.EffectDirection;

/**
 * The learned effect reader: two OpenNLP maximum-entropy models over the (subject, object) pairs a sentence offers.
 * Candidates are the concepts tagged in the sentence, its noun phrases (from the part-of-speech tags, so that an
 * outcome the lexicon does not know can still be named) and the study's interventions, which news sentences often
 * leave unsaid. The pair model says whether the sentence states an effect of the subject on the object, from where
 * each stands relative to the direction words of {@code ingest/effects.json}, what they are and the words around
 * them; the direction model says which way. A versioned resource under {@code ingest/model/effect/}, read from the
 * classpath, offline; immutable, so one instance serves every thread.
 */
final class EffectModel {

    static final String LOCATION = "ingest/model/effect/";
    static final String MANIFEST = ModelFolder.MANIFEST;
    static final String PAIR = "pair";
    static final String DIRECTION = "direction";
    static final List<String> MODELS = List.of(PAIR, DIRECTION);
    /** The features below; a model trained on others is refused. */
    static final String VERSION = "ef-2";
    static final String YES = "yes";
    static final String NO = "no";
    /** How likely a pair must be before it is stated: chosen on the cross-validated sweep of the evaluation. */
    static final double THRESHOLD = 0.5;
    /**
     * Most sentences read for effects state one: where no pair reaches the threshold, the likeliest is stated if it
     * reaches this floor (chosen on the same sweep; at the threshold or above, no pair is stated without it).
     */
    static final double FLOOR = 0.3;
    private static final int MAX_CANDIDATES = 30;
    private static final int MAX_IMPLICIT = 3;
    private static final int MAX_PHRASE_WORDS = 6;
    private static final int MAX_PHRASE_LENGTH = 80;
    private static final Set<String> PHRASE_TAGS = Set.of("NOUN", "PROPN", "ADJ");

    /**
     * What a sentence may name as subject or object: a tagged concept, a noun phrase, or one of the study's
     * interventions that the sentence leaves unsaid ({@code start} -1). Offsets index the sentence's text.
     */
    record Candidate(ConceptCandidate concept, int start, int end, String source, int rank) {

        boolean implicit() {
            return start < 0;
        }

        boolean overlaps(Candidate o) {
            return !implicit() && !o.implicit() && start < o.end && o.start < end;
        }
    }

    /** One (subject, object) pair of a sentence and its features for the two models. */
    record Pair(Candidate subject, Candidate object, String[] features, String[] directionFeatures, int textLength) {
    }

    /** A sentence's pairs with what the gold says of each: the direction of the effect it states, else null. */
    record Example(List<Pair> pairs, List<String> directions) {
    }

    private final Map<String, MaxentModel> models;
    private final double threshold;
    private final double floor;
    private final Map<String, Object> manifest;

    private EffectModel(Map<String, MaxentModel> models, double threshold, double floor, Map<String, Object> manifest) {
        this.models = Map.copyOf(models);
        this.threshold = threshold;
        this.floor = floor;
        this.manifest = new LinkedHashMap<>(manifest);
    }

    /** The same models stating pairs at another threshold. */
    EffectModel withThreshold(double other) {
        Map<String, Object> described = new LinkedHashMap<>(manifest);
        described.put("threshold", other);
        return new EffectModel(models, other, floor, described);
    }

    /** The same models stating a sentence's likeliest pair when it reaches {@code other} and no pair the threshold. */
    EffectModel withFloor(double other) {
        Map<String, Object> described = new LinkedHashMap<>(manifest);
        described.put("floor", other);
        return new EffectModel(models, threshold, other, described);
    }

    Map<String, Object> manifest() {
        return Map.copyOf(manifest);
    }

    /** The same model described by {@code entries} beside what its training recorded. */
    EffectModel withManifest(Map<String, Object> entries) {
        Map<String, Object> described = new LinkedHashMap<>(entries);
        described.putAll(manifest);
        return new EffectModel(models, threshold, floor, described);
    }

    /**
     * The pairs of {@code text} (a sentence or part of one, starting at {@code offset} of the article, whose
     * {@code tokens} carry article offsets), each with its features. The subjects a sentence leaves unsaid are the
     * study's {@code interventions} and the intervention its design names ({@code designIntervention}, may be null);
     * the objects it leaves unsaid are the study's {@code conditions} (a risk said to be lower, of what the study
     * measured), those the sentence does not name.
     */
    static List<Pair> pairs(EffectReader rules, String text, int offset, List<Token> tokens,
            List<ConceptCandidate> concepts, List<ConceptCandidate> interventions, String designIntervention,
            List<ConceptCandidate> conditions) {
        List<Token> inside = tokens.stream().filter(t -> t.start() >= offset && t.end() <= offset + text.length())
                .toList();
        List<ConceptCandidate> actors = concepts.stream().filter(c -> !rules.isNotActor(c.name())).toList();
        List<Candidate> named = new ArrayList<>();
        for (EffectReader.Mention m : EffectReader.mentions(text, actors)) {
            named.add(new Candidate(m.concept(), m.start(), m.end(), "concept", 0));
        }
        List<EffectReader.CueHit> cues = rules.cueHits(text);
        named.addAll(phrases(rules, text, offset, inside, named, cues));
        named.sort(Comparator.comparingInt(Candidate::start));
        if (named.size() > MAX_CANDIDATES) {
            named = named.subList(0, MAX_CANDIDATES);
        }
        List<Candidate> subjects = new ArrayList<>(named);
        for (int i = 0; i < Math.min(MAX_IMPLICIT, interventions.size()); i++) {
            subjects.add(new Candidate(interventions.get(i), -1, -1, "implicit", i));
        }
        if (designIntervention != null && !designIntervention.isBlank() && designIntervention.length() <= MAX_PHRASE_LENGTH
                && interventions.stream().noneMatch(c -> c.name().equalsIgnoreCase(designIntervention))) {
            subjects.add(new Candidate(new ConceptCandidate(designIntervention, null, null, List.of()), -1, -1, "design",
                    0));
        }
        List<Candidate> objects = new ArrayList<>(named);
        List<ConceptCandidate> unsaid = conditions.stream().filter(c -> !rules.isNotActor(c.name())
                && EffectReader.mentions(text, List.of(c)).isEmpty()).limit(MAX_IMPLICIT).toList();
        for (int i = 0; i < unsaid.size(); i++) {
            objects.add(new Candidate(unsaid.get(i), -1, -1, "condition", i));
        }
        Context context = new Context(rules, text, offset, inside, cues,
                rules.read(text, 0, concepts, interventions), interventions,
                named.stream().map(Candidate::start).sorted().toList(),
                named.stream().map(Candidate::end).sorted().toList(),
                inside.stream().map(t -> t.text().toLowerCase(Locale.ROOT))
                        .filter(w -> w.length() > 1 && hasLetter(w)).distinct().map(w -> "w=" + w).toList(),
                inside.stream().anyMatch(t -> rules.isNegation(t.text().toLowerCase(Locale.ROOT))),
                text.chars().anyMatch(Character::isDigit),
                named.stream().anyMatch(c -> c.source().equals("concept") && interventions.stream()
                        .anyMatch(i -> sameName(i, c.concept()))), new HashMap<>());
        List<Pair> pairs = new ArrayList<>();
        for (Candidate s : subjects) {
            for (Candidate o : objects) {
                if (s == o || s.overlaps(o) || sameName(s.concept(), o.concept())) {
                    continue;
                }
                pairs.add(new Pair(s, o, context.pairFeatures(s, o), context.directionFeatures(s, o), text.length()));
            }
        }
        return pairs;
    }

    /**
     * Noun phrases from the part-of-speech tags: runs of nouns and adjectives ending in a noun, and two such runs
     * joined by a word of {@code phraseJoiners} ("deaths from heart disease"). A phrase that is exactly a tagged concept's mention is
     * that concept; a number, a comparison or a unit is no phrase.
     */
    private static List<Candidate> phrases(EffectReader rules, String text, int offset, List<Token> tokens,
            List<Candidate> concepts, List<EffectReader.CueHit> cues) {
        List<int[]> runs = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            if (!inPhrase(tokens.get(i), offset, cues)) {
                i++;
                continue;
            }
            int j = i;
            while (j < tokens.size() && inPhrase(tokens.get(j), offset, cues)) {
                j++;
            }
            int end = j;
            while (end > i && !tokens.get(end - 1).isNoun()) {
                end--;
            }
            if (end > i) {
                runs.add(new int[] {Math.max(i, end - MAX_PHRASE_WORDS), end});
            }
            i = j;
        }
        List<int[]> all = new ArrayList<>(runs);
        for (int r = 0; r + 1 < runs.size(); r++) {
            int[] a = runs.get(r);
            int[] b = runs.get(r + 1);
            if (b[0] == a[1] + 1 && rules.joinsPhrases(tokens.get(a[1]).text().toLowerCase(Locale.ROOT))
                    && b[1] - a[0] <= MAX_PHRASE_WORDS + 1) {
                all.add(new int[] {a[0], b[1]});
            }
        }
        List<Candidate> found = new ArrayList<>();
        for (int[] run : all) {
            int start = tokens.get(run[0]).start() - offset;
            int end = tokens.get(run[1] - 1).end() - offset;
            String name = text.substring(start, end);
            if (name.length() > MAX_PHRASE_LENGTH || rules.isNotActor(name)
                    || concepts.stream().anyMatch(c -> c.start() == start && c.end() == end)) {
                continue;
            }
            found.add(new Candidate(new ConceptCandidate(asName(name, start == 0), null, null, List.of()), start, end,
                    runs.contains(run) ? "phrase" : "joined", 0));
        }
        return found;
    }

    /** A noun or adjective with a letter that is no direction word ("raises" is read as a noun at times). */
    private static boolean inPhrase(Token t, int offset, List<EffectReader.CueHit> cues) {
        return PHRASE_TAGS.contains(t.tag()) && hasLetter(t.text())
                && cues.stream().noneMatch(c -> c.start() < t.end() - offset && t.start() - offset < c.end());
    }

    /** A phrase as a concept's name: the capital a sentence's first word takes is dropped ("Throat" is "throat"). */
    private static String asName(String phrase, boolean sentenceStart) {
        if (sentenceStart && phrase.length() > 1 && Character.isUpperCase(phrase.charAt(0))
                && Character.isLowerCase(phrase.charAt(1))) {
            return Character.toLowerCase(phrase.charAt(0)) + phrase.substring(1);
        }
        return phrase;
    }

    private static boolean hasLetter(String word) {
        return word.chars().anyMatch(Character::isLetter);
    }

    static boolean sameName(ConceptCandidate a, ConceptCandidate b) {
        return a.name().equalsIgnoreCase(b.name());
    }

    /** What the features of one sentence's pairs are computed from. */
    private record Context(EffectReader rules, String text, int offset, List<Token> tokens,
            List<EffectReader.CueHit> cues, List<ExtractedEffect> ruled, List<ConceptCandidate> interventions,
            List<Integer> candidateStarts, List<Integer> candidateEnds, List<String> sentenceWords, boolean negated,
            boolean numbers, boolean interventionNamed, Map<List<Object>, Boolean> memo) {

        String[] pairFeatures(Candidate s, Candidate o) {
            List<String> f = new ArrayList<>();
            String sKind = s.implicit() ? s.source() + Math.min(s.rank(), 2) : s.source();
            String oKind = o.source();
            if (o.implicit()) {
                return unsaidObjectFeatures(s, o, sKind);
            }
            f.add("s=" + sKind);
            f.add("o=" + oKind);
            f.add("sT=" + type(s));
            f.add("oT=" + type(o));
            f.add("oHead=" + head(o));
            f.add("oPrev=" + wordBefore(o.start(), 1));
            f.add("oPrev2=" + wordBefore(o.start(), 2));
            f.add("oNext=" + wordAfter(o.end()));
            String oCue = cueRelation(o);
            f.add("oCue=" + oCue);
            EffectReader.CueHit before = cueBefore(o.start());
            f.add("oCueW=" + (before == null ? "-" : before.word()) + "&" + oCue);
            f.add("oNearestAfterCue=" + (before != null && nearestAfter(before.end()) == o.start()));
            f.add(sKind + "&oCue=" + oCue);
            f.add("oLen=" + Math.min(words(o), 4));
            f.add("oPlace=" + rules.isPlaceWord(wordBefore(o.start(), 1)));
            f.add("oFirst=" + (firstCandidateStart() == o.start()));
            f.add("cues=" + Math.min(cues.size(), 3));
            f.add("sInt=" + isIntervention(s));
            f.add("ruledObj=" + ruled.stream().anyMatch(e -> names(o, e.object())));
            f.add("ruledPair=" + ruled.stream().anyMatch(e -> names(o, e.object()) && names(s, e.subject())));
            // Which way the nearest word before the object points, and whether the sentence is passive or negated
            // there: "was lowered by", "did not reduce".
            String oDir = before == null ? "-" : before.direction().name();
            f.add("oDir=" + oDir);
            f.add("oDir&s=" + oDir + "&" + sKind);
            f.add("oPassive=" + (before != null && passiveAfter(before)));
            f.add("numbers=" + numbers);
            f.add("numbers&cues=" + numbers + "&" + Math.min(cues.size(), 1));
            if (!s.implicit()) {
                f.add("sHead=" + head(s));
                f.add("sPrev=" + wordBefore(s.start(), 1));
                String sCue = cueRelation(s);
                f.add("sCue=" + sCue);
                EffectReader.CueHit next = cueAfter(s.end());
                f.add("sNearestBeforeCue=" + (next != null && nearestBefore(next.start()) == s.end()));
                String order = s.end() <= o.start() ? "before" : "after";
                f.add("order=" + order);
                f.add("order&oCue=" + order + "&" + oCue);
                f.add("sCue&oCue=" + sCue + "&" + oCue);
                int from = Math.min(s.end(), o.end());
                int to = Math.max(s.start(), o.start());
                f.add("gap=" + bucket(tokensBetween(from, to)));
                f.add("cueBetween=" + cues.stream().anyMatch(c -> c.start() >= from && c.end() <= to));
                f.add("commas=" + Math.min(2, text.substring(Math.min(from, to), Math.max(from, to))
                        .chars().filter(ch -> ch == ',').count()));
                // The sentence's grammatical subject is most often its first thing named, before the first direction word.
                boolean sFirst = firstCandidateStart() == s.start();
                f.add("sFirst=" + sFirst);
                f.add("sFirst&order=" + sFirst + "&" + order);
                f.add("sInt&order=" + isIntervention(s) + "&" + order);
                EffectReader.CueHit sNext = cueAfter(s.end());
                boolean passive = sNext != null && passiveAfter(sNext);
                f.add("passive&order=" + passive + "&" + order);
                f.add("sCueW=" + (sNext == null ? "-" : sNext.word()) + "&" + order);
            } else {
                f.add("impl&sInSentence=" + mentioned(s));
                f.add("impl&oHead=" + head(o));
                // A subject left unsaid: nothing is named before the first direction word ("Reduced the risk...").
                boolean saidBefore = !cues.isEmpty() && candidateStarts.stream().anyMatch(c -> c < cues.get(0).start());
                f.add("impl&saidBefore=" + saidBefore);
                f.add("impl&intNamed=" + interventionNamed);
            }
            return f.toArray(String[]::new);
        }

        /**
         * An object the sentence leaves unsaid is likelier where the sentence names little after its direction word
         * and speaks in numbers (a risk said to be so much lower).
         */
        private String[] unsaidObjectFeatures(Candidate s, Candidate o, String sKind) {
            List<String> f = new ArrayList<>();
            String rank = "oRank=" + Math.min(o.rank(), 2);
            f.add("o=condition");
            f.add(rank);
            f.add("uo&s=" + sKind);
            f.add("uo&sT=" + type(s));
            f.add("uo&oT=" + type(o));
            f.add("uo&oHead=" + head(o));
            f.add("uo&cues=" + Math.min(cues.size(), 2));
            f.add("uo&numbers=" + numbers);
            f.add("uo&numbers&cues=" + numbers + "&" + Math.min(cues.size(), 1) + "&" + rank);
            f.add("uo&named=" + Math.min(candidateStarts.size(), 3));
            EffectReader.CueHit last = cues.isEmpty() ? null : cues.get(cues.size() - 1);
            boolean objectAfterCue = last != null && nearestAfter(last.end()) >= 0;
            f.add("uo&objectAfterCue=" + objectAfterCue);
            f.add("uo&sInt=" + isIntervention(s) + "&" + rank);
            f.add("uo&neg=" + negated);
            return f.toArray(String[]::new);
        }

        String[] directionFeatures(Candidate s, Candidate o) {
            Set<String> f = new HashSet<>();
            EffectReader.CueHit before = cueBefore(o.start());
            EffectReader.CueHit after = cueAfter(o.end());
            f.add("dBefore=" + (before == null ? "-" : before.direction()));
            f.add("dBeforeW=" + (before == null ? "-" : before.word()));
            f.add("dAfter=" + (after == null ? "-" : after.direction()));
            f.add("dAfterW=" + (after == null ? "-" : after.word()));
            if (!s.implicit() && !o.implicit()) {
                int from = Math.min(s.end(), o.end());
                int to = Math.max(s.start(), o.start());
                cues.stream().filter(c -> c.start() >= from && c.end() <= to)
                        .forEach(c -> f.add("dBetween=" + c.direction()));
            }
            cues.forEach(c -> f.add("dAny=" + c.direction()));
            if (!s.implicit()) {
                EffectReader.CueHit sNext = cueAfter(s.end());
                f.add("dSubjNext=" + (sNext == null ? "-" : sNext.direction()));
            }
            ruled.stream().filter(e -> names(o, e.object())).forEach(e -> f.add("dRuled=" + e.direction()));
            f.addAll(sentenceWords);
            f.add("neg=" + negated);
            f.add("s=" + (s.implicit() ? "impl" : s.source()));
            f.add("o=" + o.source());
            return f.toArray(String[]::new);
        }

        /** Whether a passive marker ("by") follows the direction word: "was lowered by the drug". */
        private boolean passiveAfter(EffectReader.CueHit cue) {
            String next = wordAfter(cue.end());
            return rules.isPassiveMarker(next);
        }

        /** Whether the candidate names the concept; remembered, as every pair of the sentence asks again. */
        private boolean names(Candidate c, ConceptCandidate concept) {
            return memo.computeIfAbsent(List.of("names", c, concept), k -> namesOnce(c, concept));
        }

        private boolean namesOnce(Candidate c, ConceptCandidate concept) {
            if (c.concept().name().equalsIgnoreCase(concept.name())) {
                return true;
            }
            // A phrase holds a ruled concept when the concept is named inside it.
            return !c.implicit() && EffectReader.mentions(text.substring(c.start(), c.end()), List.of(concept))
                    .size() > 0;
        }

        private boolean isIntervention(Candidate c) {
            return memo.computeIfAbsent(List.of("intervention", c), k -> isInterventionOnce(c));
        }

        private boolean isInterventionOnce(Candidate c) {
            return interventions.stream().anyMatch(i -> sameName(i, c.concept())
                    || (!c.implicit() && !EffectReader.mentions(text.substring(c.start(), c.end()), List.of(i))
                            .isEmpty()));
        }

        private boolean mentioned(Candidate c) {
            return memo.computeIfAbsent(List.of("mentioned", c), k -> mentionedOnce(c));
        }

        private boolean mentionedOnce(Candidate c) {
            return !EffectReader.mentions(text, List.of(c.concept())).isEmpty();
        }

        private int firstCandidateStart() {
            return tokens.stream().filter(Token::isNoun).mapToInt(t -> t.start() - offset).findFirst().orElse(-1);
        }

        /** Where a candidate stands relative to the nearest direction word: before or after it, and how far. */
        private String cueRelation(Candidate c) {
            EffectReader.CueHit before = cueBefore(c.start());
            EffectReader.CueHit after = cueAfter(c.end());
            if (cues.stream().anyMatch(h -> h.start() < c.end() && c.start() < h.end())) {
                return "on";
            }
            String b = before == null ? "-" : "a" + bucket(tokensBetween(before.end(), c.start()));
            String a = after == null ? "-" : "b" + bucket(tokensBetween(c.end(), after.start()));
            return b + a;
        }

        /** Where the first noun after {@code at} starts, -1 where none. */
        private int nearestAfter(int at) {
            return candidateStarts.stream().filter(c -> c >= at).findFirst().orElse(-1);
        }

        /** Where the last candidate before {@code at} ends, -1 where none. */
        private int nearestBefore(int at) {
            return candidateEnds.stream().filter(c -> c <= at).reduce((a, b) -> b).orElse(-1);
        }

        private EffectReader.CueHit cueBefore(int at) {
            EffectReader.CueHit found = null;
            for (EffectReader.CueHit h : cues) {
                if (h.end() <= at) {
                    found = h;
                }
            }
            return found;
        }

        private EffectReader.CueHit cueAfter(int at) {
            return cues.stream().filter(h -> h.start() >= at).findFirst().orElse(null);
        }

        private int tokensBetween(int from, int to) {
            return (int) tokens.stream().filter(t -> t.start() - offset >= from && t.end() - offset <= to).count();
        }

        private int words(Candidate c) {
            return tokensBetween(c.start(), c.end());
        }

        private String head(Candidate c) {
            String name = c.implicit() ? c.concept().name() : text.substring(c.start(), c.end());
            String[] words = name.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}-]+");
            return words.length == 0 ? "" : words[words.length - 1];
        }

        private String wordBefore(int at, int back) {
            int k = -1;
            for (int i = 0; i < tokens.size(); i++) {
                if (tokens.get(i).end() - offset <= at) {
                    k = i;
                }
            }
            int index = k - back + 1;
            return index >= 0 && k >= 0 ? tokens.get(index).text().toLowerCase(Locale.ROOT) : "^";
        }

        private String wordAfter(int at) {
            return tokens.stream().filter(t -> t.start() - offset >= at).findFirst()
                    .map(t -> t.text().toLowerCase(Locale.ROOT)).orElse("$");
        }

        private static String type(Candidate c) {
            return c.concept().type() == null ? "-" : c.concept().type().name();
        }

        private static String bucket(int n) {
            return n <= 2 ? String.valueOf(n) : n <= 5 ? "3-5" : n <= 10 ? "6-10" : "11+";
        }
    }

    /**
     * The effects among {@code pairs}: the likeliest pairs first, each stated where the pair model is sure enough,
     * one statement per thing acted on by the same subject (a phrase and the concept inside it are one thing).
     */
    List<ExtractedEffect> read(List<Pair> pairs, int offset, int maxEffects) {
        MaxentModel pairModel = models.get(PAIR);
        int yes = pairModel.getIndex(YES);
        List<double[]> scored = new ArrayList<>();
        double[] best = null;
        for (int i = 0; i < pairs.size(); i++) {
            double p = pairModel.eval(pairs.get(i).features())[yes];
            if (p >= threshold) {
                scored.add(new double[] {p, i});
            } else if (p >= floor && (best == null || p > best[0])) {
                best = new double[] {p, i};
            }
        }
        if (scored.isEmpty() && best != null) {
            scored.add(best);
        }
        scored.sort(Comparator.comparingDouble((double[] d) -> -d[0]));
        List<Pair> stated = new ArrayList<>();
        List<ExtractedEffect> effects = new ArrayList<>();
        for (double[] d : scored) {
            Pair pair = pairs.get((int) d[1]);
            boolean repeated = stated.stream().anyMatch(p -> sameThing(p.subject(), pair.subject())
                    && sameThing(p.object(), pair.object()));
            if (repeated) {
                continue;
            }
            stated.add(pair);
            effects.add(new ExtractedEffect(pair.subject().concept(), direction(pair), pair.object().concept(),
                    evidence(pair, offset)));
            if (effects.size() >= maxEffects) {
                break;
            }
        }
        return effects;
    }

    /**
     * The model's effects and then those the rules read of pairs the model states nothing about, up to {@code max}:
     * the rules read what a direction word between two tagged concepts says, which the model, scoring each pair on
     * its own, may leave below its threshold.
     */
    static List<ExtractedEffect> merged(List<ExtractedEffect> byModel, List<ExtractedEffect> ruled, int max) {
        List<ExtractedEffect> all = new ArrayList<>(byModel);
        for (ExtractedEffect r : ruled) {
            boolean stated = all.stream().anyMatch(e -> sameThing(e.subject(), r.subject())
                    && sameThing(e.object(), r.object()));
            if (!stated && all.size() < max) {
                all.add(r);
            }
        }
        return all;
    }

    private EffectDirection direction(Pair pair) {
        MaxentModel model = models.get(DIRECTION);
        return EffectDirection.valueOf(model.getBestOutcome(model.eval(pair.directionFeatures())));
    }

    private static TextSpan evidence(Pair pair, int offset) {
        Candidate s = pair.subject();
        Candidate o = pair.object();
        if (o.implicit()) {
            // The object is unsaid: the subject's words, or the whole sentence where both are.
            return s.implicit() ? new TextSpan(offset, offset + pair.textLength())
                    : new TextSpan(offset + s.start(), offset + s.end());
        }
        int start = s.implicit() ? o.start() : Math.min(s.start(), o.start());
        int end = s.implicit() ? o.end() : Math.max(s.end(), o.end());
        return new TextSpan(offset + start, offset + end);
    }

    /** Two candidates are one thing where their spans overlap or their names share a word of four letters or more. */
    private static boolean sameThing(Candidate a, Candidate b) {
        return a.overlaps(b) || sameThing(a.concept(), b.concept());
    }

    private static boolean sameThing(ConceptCandidate a, ConceptCandidate b) {
        if (sameName(a, b)) {
            return true;
        }
        Set<String> words = contentWords(a);
        return contentWords(b).stream().anyMatch(words::contains);
    }

    private static Set<String> contentWords(ConceptCandidate c) {
        Set<String> words = new HashSet<>();
        for (String w : c.name().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (w.length() >= 4) {
                words.add(w.endsWith("s") ? w.substring(0, w.length() - 1) : w);
            }
        }
        return words;
    }

    static EffectModel train(List<Example> examples, SentenceModelTrainer.Settings settings, double threshold) {
        List<Event> pair = new ArrayList<>();
        List<Event> direction = new ArrayList<>();
        for (Example e : examples) {
            for (int i = 0; i < e.pairs().size(); i++) {
                Pair p = e.pairs().get(i);
                String gold = e.directions().get(i);
                pair.add(event(gold == null ? NO : YES, p.features()));
                if (gold != null) {
                    direction.add(event(gold, p.directionFeatures()));
                }
            }
        }
        Map<String, MaxentModel> models = new LinkedHashMap<>();
        models.put(PAIR, SentenceModelTrainer.train(pair, settings));
        models.put(DIRECTION, SentenceModelTrainer.train(direction, settings));
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("featureSet", VERSION);
        manifest.put("trainer", SentenceModelTrainer.describe(settings));
        manifest.put("threshold", threshold);
        manifest.put("floor", FLOOR);
        return new EffectModel(models, threshold, FLOOR, manifest);
    }

    static SentenceModelTrainer.Settings settings() {
        return new SentenceModelTrainer.Settings(100, 1.0, 2);
    }

    private static Event event(String outcome, String[] features) {
        float[] values = new float[features.length];
        Arrays.fill(values, 1f);
        return new Event(outcome, features, values);
    }

    /** The bundled model, if there is one; it must have been trained on today's feature set. */
    static Optional<EffectModel> fromClasspath() {
        ClassLoader loader = EffectModel.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(LOCATION + MANIFEST)) {
            if (in == null) {
                return Optional.empty();
            }
            JsonNode manifest = ModelFolder.mapper().readTree(in);
            String features = manifest.path("featureSet").asString();
            if (!VERSION.equals(features)) {
                throw new IllegalStateException("The bundled effect model was trained on feature set " + features
                        + ", the pipeline computes " + VERSION + ": retrain it (see the README)");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> values = ModelFolder.mapper().convertValue(manifest, Map.class);
            return Optional.of(new EffectModel(ModelFolder.read(loader, LOCATION, MODELS),
                    manifest.path("threshold").asDouble(THRESHOLD), manifest.path("floor").asDouble(1.0), values));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the effect model", e);
        }
    }

    void writeTo(Path folder) throws IOException {
        ModelFolder.write(folder, models, manifest);
    }
}
