package org.findingskb.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The candidates the learned metadata ranker chooses among, each with its features: every organisation the article
 * names (institution), every phrase that may state the population, and every person the rules found (researchers
 * and their roles). Features say where a candidate stands (sentence role and position, order, how often it
 * recurs), what surrounds it (the words right before it, the context classes of {@code ingest/metadata-ranker.json},
 * who else the sentence names) and what the rules made of it; never a name, so the model cannot learn its training
 * articles.
 */
final class MetadataCandidates {

    /** Change whenever a feature changes: a model trained on other features is refused. */
    static final String VERSION = "mc-4";
    static final String RESOURCE = "ingest/metadata-ranker.json";
    /** Description words a person's features keep: an appositive is short, a run-on sentence is not. */
    private static final int DESCRIPTION_WORDS = 12;
    private static final Pattern LOWER_WORD = Pattern.compile("\\p{Ll}[\\p{Ll}'\\-]*");
    private static final Pattern WORDS_BEFORE = Pattern.compile("(?:([\\p{L}'\\-]+)\\W+)?([\\p{L}'\\-]+)\\W*$");
    private static final Pattern WORD_AFTER = Pattern.compile("^\\s*(?:([,;:(.!?\"'])|(\\p{Ll}[\\p{Ll}'\\-]*)|\\S)?");
    private static final Pattern INITIALS = Pattern.compile("\\p{Lu}{1,3}");
    private static final Pattern NUMBER = Pattern.compile("\\d[\\d,]*(?:\\.\\d+)?");

    /** One value a field may take, with the features the ranker reads. */
    record Candidate(String value, String[] features) {

        /** Whether the rules alone would answer this. */
        boolean byRules() {
            return List.of(features).contains("rule");
        }
    }

    /** One person the rules found, with the features the ranker reads. */
    record Person(ExtractedResearcher rule, String[] features) {

        /** Whether the rules took the name for a person (an honorific, a role, speech), not just a name. */
        boolean marked() {
            return !List.of(features).contains(UNMARKED);
        }
    }

    static final String UNMARKED = "rule=none";

    /** Everything the ranker chooses among in one article, and what the rules alone answer. */
    record Article(List<Candidate> institutions, List<Candidate> populations, List<Person> people,
            String ruleInstitution, String rulePopulation, List<ExtractedResearcher> rulePeople) {

        /** The metadata as the rules alone read it. */
        ArticleMetadata byRules(ArticleMetadata meta) {
            return new ArticleMetadata(meta.title(), meta.publisher(), meta.publishedYear(), ruleInstitution,
                    meta.journal(), meta.doi(), rulePopulation, rulePeople, meta.interventions(), meta.conditions());
        }
    }

    private record File(Map<String, List<String>> contextClasses) {
    }

    private final Cues cues;
    private final MetadataExtractor extractor;
    private final ResearcherExtractor researchers;
    private final Map<String, PhraseMatcher> context = new LinkedHashMap<>();

    MetadataCandidates(Cues cues, MetadataExtractor extractor, ResearcherExtractor researchers) {
        this.cues = cues;
        this.extractor = extractor;
        this.researchers = researchers;
        try (InputStream in = MetadataCandidates.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + RESOURCE);
            }
            Cues.mapper().readValue(in, File.class).contextClasses()
                    .forEach((name, phrases) -> context.put(name, new PhraseMatcher(phrases)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Article read(List<Sentence> sentences, List<SentenceRole> roles, List<ResearcherExtractor.Mention> mentions,
            List<ExtractedResearcher> people, Integer year, String ruleInstitution, String publisher) {
        int[] position = bodyPositions(sentences, roles);
        List<MetadataExtractor.PopulationCandidate> found = extractor.populationCandidates(sentences, roles, year);
        String rulePopulation = found.stream().filter(MetadataExtractor.PopulationCandidate::ruleEligible)
                .map(MetadataExtractor.PopulationCandidate::value).findFirst().orElse(null);
        return new Article(institutions(sentences, roles, position, mentions, ruleInstitution, publisher),
                populations(sentences, roles, position, found, rulePopulation),
                people(sentences, roles, position, mentions, people), ruleInstitution, rulePopulation, people);
    }

    /** Each sentence's place among the body sentences (-1 outside the body), as a small bucket. */
    private static int[] bodyPositions(List<Sentence> sentences, List<SentenceRole> roles) {
        int[] position = new int[sentences.size()];
        int body = 0;
        for (Sentence s : sentences) {
            position[s.index()] = roles.get(s.index()) == SentenceRole.BODY ? body++ : -1;
        }
        return position;
    }

    private static String bucket(int position) {
        if (position < 0) {
            return "none";
        }
        return position < 2 ? "0-1" : position < 4 ? "2-3" : position < 8 ? "4-7" : position < 16 ? "8-15" : "16+";
    }

    private void contextOf(String folded, String prefix, Set<String> into) {
        context.forEach((name, matcher) -> {
            if (matcher.in(folded)) {
                into.add(prefix + name);
            }
        });
    }

    private static void wordsBefore(String text, Set<String> into) {
        Matcher m = WORDS_BEFORE.matcher(text);
        if (m.find()) {
            into.add("prev=" + m.group(2).toLowerCase(Locale.ROOT));
            if (m.group(1) != null) {
                into.add("prev2=" + m.group(1).toLowerCase(Locale.ROOT) + "_" + m.group(2).toLowerCase(Locale.ROOT));
            }
        } else {
            into.add("prev=<start>");
        }
    }

    /** What follows a phrase: the sentence's end, a punctuation mark, or the next lower-case word. */
    private static void wordAfter(String text, Set<String> into) {
        Matcher m = WORD_AFTER.matcher(text);
        if (!m.find() || m.end() == 0 || text.isBlank()) {
            into.add("next=<end>");
        } else if (m.group(1) == null && m.group(2) == null) {
            into.add("next=<capital>");
        } else {
            into.add("next=" + (m.group(1) != null ? m.group(1) : m.group(2).toLowerCase(Locale.ROOT)));
        }
    }

    private List<Candidate> institutions(List<Sentence> sentences, List<SentenceRole> roles, int[] position,
            List<ResearcherExtractor.Mention> mentions, String ruleInstitution, String publisher) {
        Map<String, Set<String>> byName = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Sentence s : sentences) {
            SentenceRole role = roles.get(s.index());
            if (role == SentenceRole.TITLE || role == SentenceRole.COPYRIGHT) {
                continue;
            }
            List<ResearcherExtractor.Mention> here = mentions.stream().filter(m -> m.sentence() == s.index()).toList();
            for (MetadataExtractor.Organisation o : extractor.organisations(s, role.isBoilerplate())) {
                Set<String> f = byName.computeIfAbsent(o.name(), k -> new LinkedHashSet<>());
                counts.merge(o.name(), 1, Integer::sum);
                f.add("role=" + role);
                f.add("pos=" + bucket(position[s.index()]));
                if (o.anchored()) {
                    f.add("anchored");
                }
                f.add("variant=" + o.variant());
                wordsBefore(s.folded().substring(0, o.start()), f);
                contextOf(s.folded(), "ctx=", f);
                for (ResearcherExtractor.Mention m : here) {
                    String who = m.notInvolved() ? "OUTSIDE" : m.roles().isEmpty() ? (m.quoted() ? "SPEAKER" : "PERSON")
                            : m.roles().iterator().next().name();
                    f.add("person=" + who);
                    // "X, a professor at Y": the organisation right after a person is their affiliation.
                    int gap = o.start() - (m.end() - s.start());
                    if (gap >= 0 && gap < 80) {
                        f.add("after=" + who);
                    }
                }
            }
        }
        // Where a candidate stands among the others: the most named, the first named after an author, the first
        // after "researchers at".
        int most = counts.values().stream().max(Integer::compare).orElse(0);
        counts.forEach((name, n) -> addIf(byName.get(name), n == most && most > 1, "mostNamed"));
        for (String mark : List.of("after=LEAD", "after=SENIOR", "after=AUTHOR", "anchored")) {
            byName.values().stream().filter(f -> f.contains(mark)).findFirst().ifPresent(f -> f.add("first:" + mark));
        }
        sameBody(byName);
        if (ruleInstitution != null && !byName.containsKey(ruleInstitution)) {
            byName.put(ruleInstitution, new LinkedHashSet<>(Set.of("unseen")));
            counts.put(ruleInstitution, 1);
        }
        return finish(byName, counts, ruleInstitution, (name, f) -> {
            String[] words = name.split("\\s+");
            f.add("words=" + Math.min(words.length, 6));
            for (String w : words) {
                if (cues.organizationWords.contains(w)) {
                    f.add("head=" + w.toLowerCase(Locale.ROOT));
                }
                if (cues.vocabulary.outletWords.contains(w)) {
                    f.add("outletWord");
                }
            }
            if (cues.subUnitWords.contains(words[0])) {
                f.add("unit");
            }
            if (cues.vocabulary.journal.matcher(name).matches()) {
                f.add("journal");
            }
            if (name.equals(publisher)) {
                f.add("publisher");
            }
        });
    }

    /**
     * "University of California" and "University of California, San Francisco", "Italy's National Institute for X"
     * and "National Institute for X": where one name holds another whole, both name one body, so each shares where
     * the other stands (after an author, after "researchers at"), and is marked as the longer or the shorter form.
     */
    private static void sameBody(Map<String, Set<String>> byName) {
        Map<String, Set<String>> shared = new LinkedHashMap<>();
        byName.keySet().forEach(name -> shared.put(name, new LinkedHashSet<>()));
        for (String a : byName.keySet()) {
            for (String b : byName.keySet()) {
                if (a.length() <= b.length() || !Pattern.compile("(?:^|\\s)" + Pattern.quote(b) + "(?:$|[\\s,])")
                        .matcher(a).find()) {
                    continue;
                }
                shared.get(a).add(a.startsWith(b) ? "longForm" : "containsOther");
                shared.get(b).add(a.startsWith(b) ? "shortForm" : "withinOther");
                for (String f : byName.get(a)) {
                    if (f.startsWith("after=") || f.startsWith("first:") || f.equals("anchored")) {
                        shared.get(b).add(f);
                    }
                }
                for (String f : byName.get(b)) {
                    if (f.startsWith("after=") || f.startsWith("first:") || f.equals("anchored")) {
                        shared.get(a).add(f);
                    }
                }
            }
        }
        shared.forEach((name, f) -> byName.get(name).addAll(f));
    }

    /**
     * The candidates with the features every field shares (order of appearance, how often, whether the rules chose
     * it) and those {@code more} adds.
     */
    private static List<Candidate> finish(Map<String, Set<String>> byValue, Map<String, Integer> counts, String rule,
            java.util.function.BiConsumer<String, Set<String>> more) {
        List<Candidate> candidates = new ArrayList<>();
        int order = 0;
        for (Map.Entry<String, Set<String>> e : byValue.entrySet()) {
            Set<String> f = e.getValue();
            f.add("order=" + Math.min(order++, 4));
            f.add("count=" + Math.min(counts.get(e.getKey()), 4));
            f.add(e.getKey().equals(rule) ? "rule" : "notRule");
            more.accept(e.getKey(), f);
            candidates.add(new Candidate(e.getKey(), f.toArray(String[]::new)));
        }
        return candidates;
    }

    private List<Candidate> populations(List<Sentence> sentences, List<SentenceRole> roles, int[] position,
            List<MetadataExtractor.PopulationCandidate> found, String rule) {
        Map<String, Set<String>> byValue = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<MetadataExtractor.PopulationKind, Integer> perKind = new LinkedHashMap<>();
        for (MetadataExtractor.PopulationCandidate c : found) {
            Set<String> f = byValue.computeIfAbsent(c.value(), k -> new LinkedHashSet<>());
            counts.merge(c.value(), 1, Integer::sum);
            int nth = perKind.merge(c.kind(), 1, Integer::sum) - 1;
            f.add("kind=" + c.kind());
            f.add("span=" + c.span());
            f.add("kindOrder=" + c.kind() + Math.min(nth, 3));
            f.add(c.ruleEligible() ? "eligible" : "ineligible");
            addIf(f, c.earlierWork(), "earlier");
            addIf(f, c.hedged(), "hedged");
            addIf(f, c.estimate(), "estimate");
            addIf(f, c.ratio(), "ratio");
            addIf(f, c.notTheGroup(), "notGroup");
            if (c.sentence() >= 0) {
                Sentence s = sentences.get(c.sentence());
                f.add("role=" + roles.get(c.sentence()));
                f.add("pos=" + bucket(position[c.sentence()]));
                contextOf(s.folded(), "ctx=", f);
                int at = s.text().indexOf(c.value());
                if (at >= 0) {
                    wordsBefore(s.folded().substring(0, at), f);
                    wordAfter(s.folded().substring(at + c.value().length()), f);
                }
            }
        }
        return finish(byValue, counts, rule, (value, f) -> {
            // A longer or shorter reading of the rules' own answer.
            addIf(f, rule != null && value.length() > rule.length() && value.startsWith(rule), "extendsRule");
            addIf(f, rule != null && value.length() < rule.length() && rule.startsWith(value), "withinRule");
            // Where a reading stops matters with what it is: the rules' group before "who", a longer reading at a
            // comma or the sentence's end.
            String next = f.stream().filter(x -> x.startsWith("next=")).findFirst().orElse("next=?");
            String reading = value.equals(rule) ? "rule" : f.contains("extendsRule") ? "extends"
                    : f.contains("withinRule") ? "within" : "other";
            f.add(reading + "&" + next);
            addIf(f, value.contains(" with "), "withCondition");
            addIf(f, value.matches(".*\\s(?:in|at|across|from)\\s.*"), "where");
            addIf(f, value.contains(" and "), "joined");
            String[] words = value.split("\\s+");
            f.add("words=" + Math.min(words.length, 8));
            Matcher n = NUMBER.matcher(value);
            if (n.find()) {
                f.add("digits=" + Math.min(n.group().replace(",", "").split("\\.")[0].length(), 6));
            }
            for (String w : words) {
                if (LOWER_WORD.matcher(w).matches()) {
                    f.add("w=" + w);
                }
            }
        });
    }

    private List<Person> people(List<Sentence> sentences, List<SentenceRole> roles, int[] position,
            List<ResearcherExtractor.Mention> mentions, List<ExtractedResearcher> people) {
        List<ResearcherExtractor.Mention> names = researchers.nameCandidates(sentences, roles);
        Map<Integer, Integer> namesPerSentence = new LinkedHashMap<>();
        names.forEach(m -> namesPerSentence.merge(m.sentence(), 1, Integer::sum));
        List<Person> candidates = new ArrayList<>();
        Set<String> known = new LinkedHashSet<>();
        int order = 0;
        for (ExtractedResearcher person : people) {
            String surname = surname(person.name());
            known.add(surname);
            List<ResearcherExtractor.Mention> own = mentions.stream()
                    .filter(m -> surname(m.name()).equals(surname)).toList();
            candidates.add(new Person(person, personFeatures(person, "rule=" + person.role(), own, order++, sentences,
                    position, namesPerSentence)));
        }
        // Names nothing marks as a person's: co-authors listed, people named in passing, places and outlets.
        Map<String, List<ResearcherExtractor.Mention>> unmarked = new LinkedHashMap<>();
        for (ResearcherExtractor.Mention m : names) {
            if (!known.contains(surname(m.name()))) {
                unmarked.computeIfAbsent(surname(m.name()), k -> new ArrayList<>()).add(m);
            }
        }
        for (List<ResearcherExtractor.Mention> own : unmarked.values()) {
            String name = own.stream().map(ResearcherExtractor.Mention::name)
                    .max(java.util.Comparator.comparingInt(String::length)).orElseThrow();
            String description = own.stream().map(ResearcherExtractor.Mention::description)
                    .filter(d -> d != null).findFirst().orElse(null);
            ExtractedResearcher person = new ExtractedResearcher(name, org.findingskb.study.ResearcherRole.AUTHOR,
                    description);
            candidates.add(new Person(person, personFeatures(person, UNMARKED, own, order++, sentences, position,
                    namesPerSentence)));
        }
        return candidates;
    }

    private String[] personFeatures(ExtractedResearcher person, String rule, List<ResearcherExtractor.Mention> own,
            int order, List<Sentence> sentences, int[] position, Map<Integer, Integer> namesPerSentence) {
        Set<String> f = new LinkedHashSet<>();
        f.add(rule);
        f.add("order=" + Math.min(order, 4));
        f.add("mentions=" + Math.min(own.size(), 4));
        f.add("words=" + Math.min(person.name().split("\\s+").length, 4));
        for (String w : person.name().split("\\s+")) {
            addIf(f, cues.vocabulary.outletWords.contains(w), "outletWord");
            // "Ley RE": a reference list's surname and initials.
            addIf(f, INITIALS.matcher(w).matches(), "initials");
        }
        boolean first = true;
        for (ResearcherExtractor.Mention m : own) {
            Sentence s = sentences.get(m.sentence());
            m.roles().forEach(r -> f.add("said=" + r));
            addIf(f, m.quoted(), "quoted");
            addIf(f, m.notInvolved(), "notInvolved");
            f.add("pos=" + bucket(position[m.sentence()]));
            f.add("names=" + Math.min(namesPerSentence.getOrDefault(m.sentence(), 0), 4));
            String before = s.folded().substring(0, Math.max(0, m.start() - s.start()));
            Set<String> local = new LinkedHashSet<>();
            wordsBefore(before, local);
            contextOf(s.folded(), "ctx=", local);
            local.forEach(f::add);
            if (first) {
                local.forEach(x -> f.add("first:" + x));
            }
            addIf(f, s.folded().contains("\""), "quoteMarks");
            // What the tagger makes of the name's words ("Weight Loss" is nouns, a person's name proper nouns), and
            // a headline-like run of capitals around it (a title in a reference list).
            boolean allProper = true;
            int words = 0;
            int capitalised = 0;
            for (Token t : s.tokens()) {
                if (Character.isLetter(t.text().charAt(0))) {
                    words++;
                    capitalised += Character.isUpperCase(t.text().charAt(0)) ? 1 : 0;
                }
                if (t.start() >= m.start() && t.start() < m.end() && Character.isLetter(t.text().charAt(0))) {
                    f.add("tag=" + t.tag());
                    allProper &= "PROPN".equals(t.tag());
                }
            }
            addIf(f, allProper, "allProper");
            addIf(f, words > 3 && capitalised * 2 > words, "titleCase");
            first = false;
        }
        if (person.description() != null) {
            String folded = TextFolding.fold(person.description());
            String[] words = folded.split("[\\s,]+");
            for (int i = 0; i < Math.min(words.length, DESCRIPTION_WORDS); i++) {
                if (LOWER_WORD.matcher(words[i]).matches()) {
                    f.add("d=" + words[i]);
                }
            }
            contextOf(folded, "dctx=", f);
        } else {
            f.add("noDescription");
        }
        return f.toArray(String[]::new);
    }

    private static void addIf(Set<String> f, boolean condition, String feature) {
        if (condition) {
            f.add(feature);
        }
    }

    static String surname(String name) {
        String[] words = name.split("\\s+");
        return words[words.length - 1].toLowerCase(Locale.ROOT);
    }
}
