package org.findingskb.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.findingskb.concept.ConceptType;
import org.findingskb.mechanism.Timescale;
import org.findingskb.study.ResearcherRole;

/**
 * Turns each body sentence of an article into the features the sentence model reads: the rules' own decision
 * (stacking), the cue classes the sentence matches, its words and word pairs, numbers, quotation and speaker,
 * position in the article, the concept types it names and what the rules made of its neighbours. Boilerplate
 * sentences get no vector: they are never findings.
 */
final class SentenceFeatures {

    /**
     * Names the feature set; a model trained on another set is refused at load time. Change it whenever a feature
     * is added, removed or computed differently, and retrain.
     */
    static final String VERSION = "sf-3";

    private static final Pattern DIGIT = Pattern.compile("\\d");
    private static final Pattern PERCENT = Pattern.compile("\\d\\s*%|\\bper\\s*cent\\b|\\bpercent(?:age)?\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern YEAR = Pattern.compile("\\b(?:19|20)\\d\\d\\b");
    private static final Pattern RATIO = Pattern.compile(
            "\\b(?:odds|hazard|risk)\\s+ratio\\b|\\b\\d+(?:\\.\\d+)?\\s*(?:times|-fold|fold)\\b|\\bin\\s+(?:every\\s+)?\\d",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FIRST_PERSON = Pattern.compile("(?:^|[\\s(\"])(?:I|I'm|I've|we|We|our|Our|my|My)\\b");

    /**
     * One sentence's features: names, each with a value (1 for a present feature, else a measure). The names from
     * {@code pairsAt} on are the pairs that tell kinds apart; whether a sentence is a finding is read without them.
     */
    record Vector(String[] names, float[] values, int pairsAt) {

        Vector(String[] names, float[] values) {
            this(names, values, names.length);
        }

        /** The features without the kind pairs. */
        Vector withoutPairs() {
            return pairsAt == names.length ? this
                    : new Vector(Arrays.copyOf(names, pairsAt), Arrays.copyOf(values, pairsAt));
        }
    }

    private final Cues cues;
    private final FindingClassifier classifier;
    private final Map<String, PhraseMatcher> cueClasses;
    /** Sorted: the cue file's categories come in no fixed order, and a model's features must. */
    private final List<String> patternCategories;

    SentenceFeatures(Cues cues, FindingClassifier classifier) {
        this.cues = cues;
        this.classifier = classifier;
        Map<String, PhraseMatcher> classes = new LinkedHashMap<>();
        classes.put("hedge", cues.hedges);
        classes.put("report", cues.reporting);
        classes.put("outcome", cues.outcome);
        classes.put("prior", cues.priorWork);
        classes.put("implication", cues.implication);
        classes.put("clinical", cues.clinical);
        classes.put("limit", cues.limitation);
        classes.put("harm", cues.harm);
        classes.put("method", cues.method);
        classes.put("analogy", cues.analogy);
        classes.put("metaline", cues.metadataLine);
        classes.put("mech", cues.mechanism);
        classes.put("studyref", cues.studyReference);
        classes.put("speech", cues.speechVerbs);
        classes.put("person", cues.personNouns);
        this.cueClasses = classes;
        this.patternCategories = new TreeSet<>(cues.patternCategories()).stream().toList();
    }

    /** One vector per sentence, {@code null} where the sentence is not body text. */
    List<Vector> of(List<Sentence> sentences, List<SentenceRole> roles, ConceptTagger.Tagging tagging,
            List<ResearcherExtractor.Mention> mentions, List<ExtractedResearcher> people,
            List<FindingClassifier.Classified> rules) {
        Map<Integer, ExtractedFinding> ruled = new HashMap<>();
        rules.forEach(c -> ruled.put(c.sentence(), c.finding()));
        Map<String, ResearcherRole> roleOf = new HashMap<>();
        people.forEach(p -> roleOf.put(p.name(), p.role()));
        Map<Integer, List<ResearcherExtractor.Mention>> mentioned = new HashMap<>();
        mentions.forEach(m -> mentioned.computeIfAbsent(m.sentence(), k -> new ArrayList<>()).add(m));

        List<Integer> body = new ArrayList<>();
        for (Sentence s : sentences) {
            if (roles.get(s.index()) == SentenceRole.BODY) {
                body.add(s.index());
            }
        }
        int studyNamedAt = Integer.MAX_VALUE;
        for (int i : body) {
            if (cues.studyReference.in(sentences.get(i).folded())) {
                studyNamedAt = i;
                break;
            }
        }

        List<Vector> vectors = new ArrayList<>();
        sentences.forEach(s -> vectors.add(null));
        boolean insideQuote = false;
        int previousParagraph = -1;
        String lastSpeaker = null;
        int lastSpeakerAt = -10;
        for (int n = 0; n < body.size(); n++) {
            Sentence s = sentences.get(body.get(n));
            if (s.paragraph() != previousParagraph) {
                insideQuote = false;
                previousParagraph = s.paragraph();
            }
            Builder f = new Builder();
            String text = s.folded();
            f.add("bias");

            // The rules' decision and its neighbours' (stacking).
            ExtractedFinding rule = ruled.get(s.index());
            f.add("r=" + (rule == null ? "NONE" : rule.kind()));
            if (rule != null) {
                f.add("r.cert=" + rule.certainty());
                f.add("r.ts=" + rule.timescale());
                f.add("r.conf", (float) rule.confidence());
            }
            f.add("prev.r=" + neighbour(body, n - 1, ruled));
            f.add("next.r=" + neighbour(body, n + 1, ruled));

            // Cue classes and patterns.
            for (Map.Entry<String, PhraseMatcher> c : cueClasses.entrySet()) {
                if (c.getValue().in(text)) {
                    f.add("c:" + c.getKey());
                }
            }
            if (cues.anaphors.startsWith(text)) {
                f.add("c:anaphor");
            }
            if (cues.hedged(text)) {
                f.add("c:hedged");
            }
            for (String category : patternCategories) {
                if (cues.findsPattern(category, text)) {
                    f.add("p:" + category);
                }
            }
            Timescale timescale = classifier.timescaleOf(text);
            f.add("ts=" + timescale);

            // Words, word pairs, the opening words.
            List<String> words = words(s);
            Set<String> seen = new HashSet<>();
            String before = "^";
            for (String w : words) {
                if (seen.add("w:" + w)) {
                    f.add("w:" + w);
                }
                if (seen.add("b:" + before + "_" + w)) {
                    f.add("b:" + before + "_" + w);
                }
                before = w;
            }
            if (!words.isEmpty()) {
                f.add("first:" + words.get(0));
                f.add("first2:" + words.get(0) + "_" + (words.size() > 1 ? words.get(1) : "$"));
            }

            // Numbers and shape.
            if (DIGIT.matcher(text).find()) {
                f.add("num");
            }
            if (PERCENT.matcher(text).find()) {
                f.add("percent");
            }
            if (YEAR.matcher(text).find()) {
                f.add("year");
            }
            if (RATIO.matcher(text).find()) {
                f.add("ratio");
            }
            String stripped = text.strip();
            if (stripped.endsWith("?")) {
                f.add("question");
            }
            if (stripped.endsWith(":")) {
                f.add("colon");
            }
            if (FIRST_PERSON.matcher(s.text()).find()) {
                f.add("firstPerson");
            }
            if (FindingClassifier.presentTenseOnly(s)) {
                f.add("present");
            }
            int wordCount = s.wordCount();
            f.add("len=" + (wordCount < 8 ? "xs" : wordCount < 15 ? "s" : wordCount < 25 ? "m" : wordCount < 40 ? "l" : "xl"));

            // Position.
            f.add("pos", body.size() <= 1 ? 0f : (float) n / (body.size() - 1));
            f.add("pos=" + (n == 0 ? "first" : n == 1 ? "second" : n < 5 ? "early" : n >= body.size() - 3 ? "end" : "mid"));
            if (s.firstInBlock()) {
                f.add("firstInBlock");
            }
            if (s.index() < studyNamedAt) {
                f.add("beforeStudy");
            } else if (s.index() == studyNamedAt) {
                f.add("namesStudy");
            }

            // Quotation and speaker.
            int quotes = count(text, '"');
            boolean opensWithQuote = stripped.startsWith("\"");
            if (quotes > 0) {
                f.add("quote");
            }
            if (opensWithQuote) {
                f.add("quote.opens");
            }
            if (insideQuote) {
                f.add("quote.inside");
            }
            insideQuote = (quotes % 2 == 1) != insideQuote;
            String speaker = null;
            for (ResearcherExtractor.Mention m : mentioned.getOrDefault(s.index(), List.of())) {
                String role = speakerRole(m, roleOf.get(m.name()));
                speaker = speaker == null || "EXPERT".equals(role) ? role : speaker;
            }
            if (speaker != null) {
                f.add("spk=" + speaker);
                lastSpeaker = speaker;
                lastSpeakerAt = n;
            } else if ((quotes > 0 || insideQuote) && n - lastSpeakerAt <= 2 && lastSpeaker != null) {
                f.add("spk.prev=" + lastSpeaker);
            }

            // Concepts.
            Set<ConceptType> types = EnumSet.noneOf(ConceptType.class);
            for (ConceptCandidate c : tagging.of(s.index())) {
                if (c.type() != null) {
                    types.add(c.type());
                }
            }
            types.forEach(t -> f.add("ct=" + t));
            int concepts = tagging.of(s.index()).size();
            f.add("concepts=" + Math.min(concepts, 3));

            conjunctions(f);
            vectors.set(s.index(), f.build());
        }
        return vectors;
    }

    /**
     * Pairs of the features above that tell kinds apart where each alone does not: a maximum-entropy model weighs
     * features one by one, so "present tense and nothing reported" (background stated as fact) or "a number and an
     * outcome word" (a result) must be features of their own. The rules' verdict and the speaker are paired with
     * tense and with whether the study has been named yet, which is where earlier work and background sit.
     */
    private static void conjunctions(Builder f) {
        Set<String> has = new HashSet<>(f.names);
        f.pairsAt = f.names.size();
        boolean number = has.contains("num") || has.contains("percent") || has.contains("ratio");
        boolean reported = has.contains("c:report") || has.contains("c:studyref");
        boolean present = has.contains("present");
        if (present && !reported && !has.contains("quote")) {
            f.add("x:bgPresent");
        }
        if (present && !reported && !number) {
            f.add("x:bgPresentNoNum");
        }
        if (number && has.contains("c:outcome")) {
            f.add("x:numOutcome");
        }
        if (number && reported) {
            f.add("x:numReported");
        }
        if (has.contains("c:hedge") && has.contains("c:implication")) {
            f.add("x:hedgeImpl");
        }
        if (has.contains("year") && has.contains("c:prior")) {
            f.add("x:yearPrior");
        }
        if (has.contains("beforeStudy") && present) {
            f.add("x:beforePresent");
        }
        for (String n : List.copyOf(f.names)) {
            if (n.startsWith("r=")) {
                f.add("x:" + n + (has.contains("beforeStudy") ? "^before" : "^after"));
                f.add("x:" + n + (present ? "^present" : "^past"));
            }
            if (n.startsWith("spk")) {
                f.add("x:" + n + (present ? "^present" : "^past"));
            }
        }
    }

    /** An author, an outside expert, or a person whose role the article leaves open. */
    private static String speakerRole(ResearcherExtractor.Mention m, ResearcherRole role) {
        if (m.notInvolved() || role == ResearcherRole.QUOTED) {
            return "EXPERT";
        }
        return role == null ? "PERSON" : "AUTHOR";
    }

    private static String neighbour(List<Integer> body, int n, Map<Integer, ExtractedFinding> ruled) {
        if (n < 0 || n >= body.size()) {
            return "EDGE";
        }
        ExtractedFinding f = ruled.get(body.get(n));
        return f == null ? "NONE" : f.kind().name();
    }

    /**
     * The matching keys of the sentence's words; numbers become one token, punctuation is left out, and a
     * capitalised word inside the sentence (a name: a person, a place, an outlet) becomes one token, so the
     * model learns that a name stands there, never which names its training articles held. Acronyms stay.
     */
    private static List<String> words(Sentence s) {
        List<String> words = new ArrayList<>();
        for (Token t : s.tokens()) {
            String text = t.text();
            if (text.isEmpty()) {
                continue;
            }
            char c = text.charAt(0);
            if (Character.isDigit(c)) {
                words.add("<num>");
            } else if (Character.isUpperCase(c) && !words.isEmpty() && !isAcronym(text)) {
                words.add("<name>");
            } else if (Character.isLetter(c)) {
                words.add(t.key() == null ? text.toLowerCase(Locale.ROOT) : t.key());
            }
        }
        return words;
    }

    private static boolean isAcronym(String text) {
        return text.length() > 1 && text.chars().filter(Character::isLetter).allMatch(Character::isUpperCase);
    }

    private static int count(String text, char c) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    private static final class Builder {
        private final List<String> names = new ArrayList<>();
        private final List<Float> values = new ArrayList<>();
        private int pairsAt = -1;

        void add(String name) {
            add(name, 1f);
        }

        void add(String name, float value) {
            names.add(name);
            values.add(value);
        }

        Vector build() {
            float[] v = new float[values.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = values.get(i);
            }
            return new Vector(names.toArray(String[]::new), v, pairsAt < 0 ? v.length : pairsAt);
        }
    }
}
