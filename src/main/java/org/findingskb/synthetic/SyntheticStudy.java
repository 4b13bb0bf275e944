package org.findingskb.synthetic;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.findingskb.concept.ConceptType;
import org.findingskb.finding.Certainty;
import org.findingskb.finding.FindingKind;
import org.findingskb.mechanism.Timescale;
import org.findingskb.study.ResearcherRole;
import org.findingskb.synthetic.Vocabulary.LexiconEntry;

/** One generated study with its article text; concepts are referred to by their lexicon names. */
record SyntheticStudy(
        int number,
        String title,
        String text,
        String institution,
        String journal,
        String population,
        List<Person> researchers,
        String intervention,
        String condition,
        List<Statement> findings,
        List<Route> mechanisms) {

    record Person(String name, ResearcherRole role) {
    }

    record Statement(String text, FindingKind kind, Timescale timescale, Certainty certainty, double confidence,
            int start, int end, Set<String> concepts) {
    }

    record Route(String name, Timescale timescale, String onset, String description, List<Integer> findingIndexes,
            String brainRegion, String pathway, String cellType, String intervention) {
    }

    private static final Pattern SLOT = Pattern.compile("\\{(\\w+)}");

    private static final Map<String, ConceptType> SLOTS = Map.of(
            "drug", ConceptType.DRUG, "condition", ConceptType.CONDITION, "region", ConceptType.BRAIN_REGION,
            "cell", ConceptType.CELL_TYPE, "pathway", ConceptType.PATHWAY, "process", ConceptType.PROCESS,
            "organism", ConceptType.ORGANISM);

    /** Study {@code number} of the corpus; the same number and seed always give the same study. */
    static SyntheticStudy generate(int number, long seed, Vocabulary vocabulary) {
        Random random = new Random(seed * 1_000_003L + number);
        Map<ConceptType, LexiconEntry> picked = new EnumMap<>(ConceptType.class);
        SLOTS.values().forEach(type -> picked.put(type, pick(random, vocabulary.of(type))));
        String drug = picked.get(ConceptType.DRUG).name();
        String condition = picked.get(ConceptType.CONDITION).name();
        String title = drug + " and " + condition.toLowerCase() + ": synthetic study " + number;

        StringBuilder text = new StringBuilder(title).append("\n\n");
        List<Statement> findings = new ArrayList<>();
        for (FindingKind kind : kindsOfOneStudy(random)) {
            Timescale timescale = switch (kind) {
                case RESULT, MECHANISM -> random.nextInt(3) == 0 ? null : Timescale.values()[random.nextInt(2)];
                default -> null;
            };
            String template = pick(random, vocabulary.templates().get(kind));
            Set<String> concepts = new LinkedHashSet<>();
            String onset = timescale == null ? "" : pick(random, vocabulary.onsets().get(timescale));
            String sentence = fill(template, picked, onset, concepts);
            int start = text.length();
            text.append(sentence);
            findings.add(new Statement(sentence, kind, timescale,
                    kind == FindingKind.IMPLICATION ? Certainty.SUGGESTED : Certainty.REPORTED,
                    0.5 + random.nextInt(50) / 100.0, start, text.length(), concepts));
            text.append("\n\n");
        }
        String journal = pick(random, vocabulary.journals());
        text.append("The study is published in ").append(journal).append('.');

        List<Route> mechanisms = new ArrayList<>();
        for (Timescale timescale : Timescale.values()) {
            List<Integer> support = new ArrayList<>();
            for (int i = 0; i < findings.size(); i++) {
                if (findings.get(i).kind() == FindingKind.MECHANISM && findings.get(i).timescale() == timescale) {
                    support.add(i);
                }
            }
            if (!support.isEmpty()) {
                String cell = picked.get(ConceptType.CELL_TYPE).name();
                String region = picked.get(ConceptType.BRAIN_REGION).name();
                String pathway = picked.get(ConceptType.PATHWAY).name();
                mechanisms.add(new Route(drug + " " + timescale.name().toLowerCase() + " mechanism: " + cell.toLowerCase()
                        + " in the " + region.toLowerCase(), timescale,
                        pick(random, vocabulary.onsets().get(timescale)),
                        String.join(" ", support.stream().map(i -> findings.get(i).text()).toList()),
                        support, region, pathway, cell, drug));
            }
        }
        List<Person> researchers = List.of(
                new Person(pick(random, vocabulary.givenNames()) + " " + pick(random, vocabulary.familyNames()),
                        ResearcherRole.LEAD),
                new Person(pick(random, vocabulary.givenNames()) + " " + pick(random, vocabulary.familyNames()),
                        ResearcherRole.SENIOR));
        return new SyntheticStudy(number, title, text.toString(), pick(random, vocabulary.institutions()), journal,
                pick(random, vocabulary.populations()), researchers, drug, condition, findings, mechanisms);
    }

    /** About ten findings, most of them results and mechanisms, as news articles about a study have. */
    private static List<FindingKind> kindsOfOneStudy(Random random) {
        List<FindingKind> kinds = new ArrayList<>();
        int results = 3 + random.nextInt(3);
        int mechanisms = 2 + random.nextInt(3);
        for (int i = 0; i < results; i++) {
            kinds.add(FindingKind.RESULT);
        }
        for (int i = 0; i < mechanisms; i++) {
            kinds.add(FindingKind.MECHANISM);
        }
        kinds.add(FindingKind.PRIOR_WORK);
        kinds.add(FindingKind.IMPLICATION);
        kinds.add(FindingKind.CONTEXT);
        return kinds;
    }

    private static String fill(String template, Map<ConceptType, LexiconEntry> picked, String onset,
            Set<String> concepts) {
        Matcher slot = SLOT.matcher(template);
        StringBuilder out = new StringBuilder();
        while (slot.find()) {
            String name = slot.group(1);
            String value;
            if (name.equals("onset")) {
                value = onset;
            } else {
                LexiconEntry entry = picked.get(SLOTS.get(name));
                concepts.add(entry.name());
                value = slot.start() == 0 ? entry.name() : entry.name().toLowerCase();
            }
            slot.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        slot.appendTail(out);
        // A template whose onset slot stayed empty leaves a space before the full stop.
        return out.toString().replace(" .", ".").replaceAll(" {2,}", " ");
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
