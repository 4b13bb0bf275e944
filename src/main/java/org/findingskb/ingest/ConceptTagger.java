package org.findingskb.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.findingskb.concept.ConceptType;

/**
 * Tags concepts: lexicon entries first (longest match), then noun phrases outside the lexicon that the article
 * makes salient, by naming them ("a protein known as X") or by repeating them. A salient phrase is typed from
 * the words that introduce it or from its head noun, else left untyped.
 */
final class ConceptTagger {

    private static final int CONTEXT_WINDOW = 6;

    private final Cues cues;
    private final Lexicon lexicon;

    ConceptTagger(Cues cues, Lexicon lexicon) {
        this.cues = cues;
        this.lexicon = lexicon;
    }

    /** The concepts of every sentence, by sentence index. */
    record Tagging(List<List<Lexicon.Match>> lexiconMatches, List<List<ConceptCandidate>> concepts) {

        List<ConceptCandidate> of(int sentence) {
            return concepts.get(sentence);
        }
    }

    private record Phrase(int sentence, String surface, String key, ConceptType type, boolean named) {
    }

    Tagging tag(List<Sentence> sentences, List<SentenceRole> roles, Set<String> excludedWords) {
        List<List<Lexicon.Match>> matches = new ArrayList<>();
        for (Sentence s : sentences) {
            matches.add(roles.get(s.index()).isBoilerplate() ? List.of() : lexicon.match(s.tokens()));
        }
        List<Phrase> phrases = new ArrayList<>();
        for (Sentence s : sentences) {
            if (!roles.get(s.index()).isBoilerplate()) {
                phrases.addAll(nounPhrases(s, matches.get(s.index()), excludedWords));
            }
        }
        Map<String, Integer> counts = new HashMap<>();
        Map<String, ConceptType> typeByKey = new HashMap<>();
        for (Phrase p : phrases) {
            counts.merge(p.key(), 1, Integer::sum);
            if (p.type() != null) {
                typeByKey.putIfAbsent(p.key(), p.type());
            }
        }
        Set<String> salient = new LinkedHashSet<>();
        for (Phrase p : phrases) {
            if (p.named() || (counts.get(p.key()) >= 2 && p.key().contains(" "))) {
                salient.add(p.key());
            }
        }

        List<List<ConceptCandidate>> concepts = new ArrayList<>();
        for (Sentence s : sentences) {
            Map<String, ConceptCandidate> found = new LinkedHashMap<>();
            for (Lexicon.Match match : matches.get(s.index())) {
                addWithBroader(found, match.entry());
            }
            for (Phrase p : phrases) {
                if (p.sentence() == s.index() && salient.contains(p.key())) {
                    found.putIfAbsent(p.key(), new ConceptCandidate(p.surface(), typeByKey.get(p.key()), null, List.of()));
                }
            }
            concepts.add(List.copyOf(found.values()));
        }
        return new Tagging(matches, concepts);
    }

    private void addWithBroader(Map<String, ConceptCandidate> found, Lexicon.Entry entry) {
        Lexicon.Entry current = entry;
        int depth = 0;
        while (current != null && depth++ < 4) {
            found.putIfAbsent(current.name(), current.candidate());
            current = current.broader() == null ? null : lexicon.byName(current.broader());
        }
    }

    /** Parts of speech that end a named span ("a protein called X stopped …"). */
    private static final Set<String> SPAN_ENDERS = Set.of("VERB", "AUX", "ADP", "CCONJ", "SCONJ", "PRON", "PART");
    private static final int MAX_NAMED_TOKENS = 4;

    /**
     * Runs of adjectives and nouns ending in a noun, outside lexicon matches and names; and whatever follows a
     * naming cue ("known as X"), whose odd tokens (gene and protein names) the tagger may not call nouns.
     */
    private List<Phrase> nounPhrases(Sentence s, List<Lexicon.Match> matches, Set<String> excludedWords) {
        List<Token> tokens = s.tokens();
        boolean[] blocked = new boolean[tokens.size()];
        for (Lexicon.Match m : matches) {
            for (int i = m.from(); i < m.to(); i++) {
                blocked[i] = true;
            }
        }
        List<Phrase> phrases = new ArrayList<>(namedSpans(s, blocked, excludedWords));
        int i = 0;
        while (i < tokens.size()) {
            if (blocked[i] || !(tokens.get(i).isNoun() || tokens.get(i).isAdjective())) {
                i++;
                continue;
            }
            int from = i;
            while (i < tokens.size() && !blocked[i] && (tokens.get(i).isNoun() || tokens.get(i).isAdjective()
                    || isInnerHyphen(tokens, i))) {
                i++;
            }
            int to = i;
            while (to > from && !tokens.get(to - 1).isNoun()) {
                to--;
            }
            // Drop leading modifiers, with the rest of a hyphenated compound they start ("short-lived").
            while (from < to && (cues.dropModifiers.contains(tokens.get(from).key())
                    || "-".equals(tokens.get(from).text()))) {
                boolean compound = from + 1 < to && isInnerHyphen(tokens, from + 1);
                from += compound ? 3 : 1;
            }
            from = Math.min(from, to);
            if (to - from < 1) {
                continue;
            }
            Phrase phrase = phrase(s, from, to, excludedWords);
            if (phrase != null) {
                phrases.add(phrase);
            }
        }
        return phrases;
    }

    private List<Phrase> namedSpans(Sentence s, boolean[] blocked, Set<String> excludedWords) {
        List<Phrase> named = new ArrayList<>();
        List<Token> tokens = s.tokens();
        for (PhraseMatcher.Hit cue : cues.namingCues.all(s.folded())) {
            int first = 0;
            while (first < tokens.size() && tokens.get(first).start() < s.start() + cue.end()) {
                first++;
            }
            if (first < tokens.size() && "DET".equals(tokens.get(first).tag())) {
                first++;
            }
            int last = first;
            while (last < tokens.size() && last - first < MAX_NAMED_TOKENS && !blocked[last]
                    && !SPAN_ENDERS.contains(tokens.get(last).tag())
                    && !(",".equals(tokens.get(last).text()) || ".".equals(tokens.get(last).text())
                            || ";".equals(tokens.get(last).text()))) {
                last++;
            }
            if (last == first || excludedWords.contains(tokens.get(first).key())) {
                continue;
            }
            String surface = s.text().substring(tokens.get(first).start() - s.start(),
                    tokens.get(last - 1).end() - s.start());
            StringBuilder key = new StringBuilder();
            for (int i = first; i < last; i++) {
                key.append(tokens.get(i).key());
                blocked[i] = true;
            }
            ConceptType type = contextType(s, cueTokenIndex(s, cue));
            named.add(new Phrase(s.index(), surface, key.toString(), type != null ? type
                    : headType(tokens.get(last - 1).key()), true));
        }
        return named;
    }

    private static int cueTokenIndex(Sentence s, PhraseMatcher.Hit cue) {
        for (int i = 0; i < s.tokens().size(); i++) {
            if (s.tokens().get(i).start() >= s.start() + cue.start()) {
                return i;
            }
        }
        return s.tokens().size();
    }

    private static boolean isInnerHyphen(List<Token> tokens, int i) {
        return "-".equals(tokens.get(i).text()) && i > 0 && i + 1 < tokens.size()
                && tokens.get(i - 1).end() == tokens.get(i).start()
                && tokens.get(i).end() == tokens.get(i + 1).start();
    }

    private Phrase phrase(Sentence s, int from, int to, Set<String> excludedWords) {
        List<Token> tokens = s.tokens().subList(from, to);
        boolean allGeneric = true;
        StringBuilder key = new StringBuilder();
        for (Token t : tokens) {
            if (excludedWords.contains(t.key()) || !Character.isLetter(t.text().charAt(0)) && !"-".equals(t.text())) {
                return null;
            }
            if ("PROPN".equals(t.tag()) && Character.isUpperCase(t.text().charAt(0)) && tokens.size() == 1) {
                return null;
            }
            if (!cues.genericNouns.contains(t.key())) {
                allGeneric = false;
            }
            if (!"-".equals(t.text())) {
                key.append(key.length() == 0 ? "" : " ").append(t.key());
            }
        }
        if (allGeneric || key.length() < 3) {
            return null;
        }
        String surface = s.text().substring(tokens.get(0).start() - s.start(), tokens.get(tokens.size() - 1).end() - s.start());
        return new Phrase(s.index(), surface, key.toString(), headType(tokens.get(tokens.size() - 1).key()), false);
    }

    private ConceptType contextType(Sentence s, int cueIndex) {
        for (int i = cueIndex - 1; i >= Math.max(0, cueIndex - CONTEXT_WINDOW); i--) {
            ConceptType type = typeOfWord(s.tokens().get(i).key());
            if (type != null) {
                return type;
            }
        }
        return null;
    }

    private ConceptType headType(String headKey) {
        return typeOfWord(headKey);
    }

    private ConceptType typeOfWord(String key) {
        for (Map.Entry<ConceptType, Set<String>> e : cues.typeContext.entrySet()) {
            if (e.getValue().contains(key)) {
                return e.getKey();
            }
        }
        return null;
    }

    /**
     * The concepts a study is about, of one kind (e.g. interventions): those named in the title, and the most
     * often mentioned in the body if it is mentioned at least {@code minMentions} times; with
     * {@code keepRepeated}, also every other one mentioned more than once.
     */
    List<ConceptCandidate> studyConcepts(List<Sentence> sentences, List<SentenceRole> roles, Tagging tagging,
            Predicate<Lexicon.Entry> kind, int minMentions, boolean keepRepeated) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Set<String> inTitle = new LinkedHashSet<>();
        for (Sentence s : sentences) {
            SentenceRole role = roles.get(s.index());
            if (role.isBoilerplate()) {
                continue;
            }
            for (Lexicon.Match m : tagging.lexiconMatches().get(s.index())) {
                if (kind.test(m.entry())) {
                    counts.merge(m.entry().name(), 1, Integer::sum);
                    if (role == SentenceRole.TITLE) {
                        inTitle.add(m.entry().name());
                    }
                }
            }
        }
        Set<String> chosen = new LinkedHashSet<>(inTitle);
        counts.entrySet().stream()
                .max(Comparator.comparingInt(Map.Entry::getValue))
                .filter(e -> e.getValue() >= minMentions)
                .ifPresent(e -> chosen.add(e.getKey()));
        // A class the title names ("a standard antidepressant") stands for the member the body keeps naming.
        counts.forEach((name, count) -> {
            if (count >= Math.max(2, minMentions) && inTitle.stream().anyMatch(t -> isNarrowerThan(name, t))) {
                chosen.add(name);
            }
        });
        if (keepRepeated) {
            counts.forEach((name, count) -> {
                if (count >= 2) {
                    chosen.add(name);
                }
            });
        }
        List<ConceptCandidate> result = new ArrayList<>();
        for (String name : chosen) {
            result.add(lexicon.byName(name).candidate());
        }
        return result;
    }

    /** Whether entry {@code name} lies under entry {@code wider} in the lexicon's broader chain. */
    private boolean isNarrowerThan(String name, String wider) {
        Lexicon.Entry current = lexicon.byName(name);
        for (int depth = 0; current != null && current.broader() != null && depth < 4; depth++) {
            if (current.broader().equals(wider)) {
                return true;
            }
            current = lexicon.byName(current.broader());
        }
        return false;
    }

    /**
     * The concepts with the wider entries of the same kind they fall under: a study of major depression is a
     * study of depression.
     */
    List<ConceptCandidate> withBroader(List<ConceptCandidate> concepts, Predicate<Lexicon.Entry> kind) {
        Map<String, ConceptCandidate> all = new LinkedHashMap<>();
        for (ConceptCandidate c : concepts) {
            all.putIfAbsent(c.name(), c);
            Lexicon.Entry entry = lexicon.byName(c.name());
            Lexicon.Entry wider = entry == null || entry.broader() == null ? null : lexicon.byName(entry.broader());
            if (wider != null && kind.test(wider)) {
                all.putIfAbsent(wider.name(), wider.candidate());
            }
        }
        return List.copyOf(all.values());
    }
}
