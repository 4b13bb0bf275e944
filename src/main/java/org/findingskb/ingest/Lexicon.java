package org.findingskb.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.findingskb.concept.ConceptType;

import opennlp.tools.tokenize.Tokenizer;

/**
 * The concept lexicon of {@code ingest/lexicon.json}: canonical name, type, MeSH id (only where certain) and
 * synonyms. {@code broader} names a wider entry (tagged too); {@code generic} marks an entry too wide to
 * characterise a mechanism (the brain as a whole). Matching is on token keys (case-folded, singular), longest phrase first; short all-capital
 * abbreviations match only in capitals so that "ALS" is not "als".
 */
final class Lexicon {

    static final String RESOURCE = "ingest/lexicon.json";

    @JsonIgnoreProperties(ignoreUnknown = true)
    record File(List<Entry> concepts) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Entry(String name, ConceptType type, String meshId, List<String> synonyms, Boolean intervention,
            String broader, Boolean generic) {

        Entry {
            synonyms = synonyms == null ? List.of() : List.copyOf(synonyms);
            generic = Boolean.TRUE.equals(generic);
        }

        ConceptCandidate candidate() {
            return new ConceptCandidate(name, type, meshId, synonyms);
        }

        /**
         * Whether the entry can be a study's intervention: as the entry says ({@code "intervention": false} for a
         * placebo, the comparison rather than the treatment), else drugs and drug classes.
         */
        boolean interventionCapable() {
            if (intervention != null) {
                return intervention;
            }
            return type == ConceptType.DRUG || type == ConceptType.DRUG_CLASS;
        }
    }

    /** A lexicon entry found at tokens {@code [from, to)} of a sentence. */
    record Match(Entry entry, int from, int to, int start, int end) {
    }

    private record Phrase(String[] keys, String[] exact, Entry entry) {
    }

    private final List<Entry> entries;
    private final Map<String, Entry> byName;
    private final Map<String, List<Phrase>> byFirstKey = new HashMap<>();

    private Lexicon(List<Entry> entries, Tokenizer tokenizer, WordForms wordForms) {
        this.entries = List.copyOf(entries);
        Map<String, Entry> names = new LinkedHashMap<>();
        for (Entry entry : entries) {
            names.put(entry.name(), entry);
            List<String> forms = new ArrayList<>(entry.synonyms());
            if (!entry.name().contains(",")) {
                forms.add(entry.name());
            }
            for (String form : forms) {
                String[] words = tokenizer.tokenize(TextFolding.fold(form));
                if (words.length == 0) {
                    continue;
                }
                String[] keys = new String[words.length];
                for (int i = 0; i < words.length; i++) {
                    keys[i] = wordForms.key(words[i]);
                }
                boolean caseSensitive = form.length() <= 5 && form.chars().noneMatch(Character::isLowerCase)
                        && form.chars().anyMatch(Character::isUpperCase);
                byFirstKey.computeIfAbsent(keys[0], k -> new ArrayList<>())
                        .add(new Phrase(keys, caseSensitive ? words : null, entry));
            }
        }
        byFirstKey.values().forEach(list -> list.sort(Comparator.comparingInt((Phrase p) -> p.keys().length).reversed()));
        this.byName = Map.copyOf(names);
    }

    static Lexicon fromClasspath(NlpModels models, Cues cues) {
        try (InputStream in = Lexicon.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + RESOURCE);
            }
            return read(in, models, cues);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Lexicon read(InputStream in, NlpModels models, Cues cues) {
        File file = Cues.mapper().readValue(in, File.class);
        return new Lexicon(file.concepts(), models.tokenizer(), cues.wordForms);
    }

    /** Names of entries that are too wide, or wider than another entry, to name a mechanism by. */
    boolean isBroaderThanOrGeneric(String name, java.util.Collection<String> others) {
        Entry entry = byName.get(name);
        if (entry != null && entry.generic()) {
            return true;
        }
        for (String other : others) {
            Entry o = byName.get(other);
            if (o != null && name.equals(o.broader())) {
                return true;
            }
        }
        return false;
    }

    List<Entry> entries() {
        return entries;
    }

    Entry byName(String name) {
        return byName.get(name);
    }

    /** Non-overlapping matches in a token list, longest first at each position. */
    List<Match> match(List<Token> tokens) {
        List<Match> matches = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            Phrase found = null;
            for (Phrase phrase : byFirstKey.getOrDefault(tokens.get(i).key(), List.of())) {
                if (matchesAt(phrase, tokens, i)) {
                    found = phrase;
                    break;
                }
            }
            if (found == null) {
                i++;
                continue;
            }
            int to = i + found.keys().length;
            matches.add(new Match(found.entry(), i, to, tokens.get(i).start(), tokens.get(to - 1).end()));
            i = to;
        }
        return matches;
    }

    private static boolean matchesAt(Phrase phrase, List<Token> tokens, int at) {
        if (at + phrase.keys().length > tokens.size()) {
            return false;
        }
        for (int k = 0; k < phrase.keys().length; k++) {
            Token token = tokens.get(at + k);
            if (!phrase.keys()[k].equals(token.key())) {
                return false;
            }
            if (phrase.exact() != null && !phrase.exact()[k].equals(TextFolding.fold(token.text()))) {
                return false;
            }
        }
        return true;
    }
}
