package org.findingskb.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.findingskb.concept.ConceptType;
import org.findingskb.finding.FindingKind;
import org.findingskb.mechanism.Timescale;

/**
 * Groups the findings that state a mechanism (of kind MECHANISM, or read by the sentence model as likely to state
 * one), and results that name a cell type, brain region or pathway, by timescale into one mechanism per group; an
 * untimed finding joins a timed group it stands next to or points back at, else the untimed group. A name is read
 * from the sentence that best states the mechanism (concepts name it only when no sentence does); onset is the
 * article's own words for how soon.
 */
final class MechanismBuilder {

    private static final int NAME_CONCEPTS = 3;

    private final Cues cues;
    private final FindingClassifier classifier;
    private final Lexicon lexicon;
    private final MechanismNames names = MechanismNames.load();
    /**
     * A finding the sentence model holds at least this likely to state a mechanism counts as one whatever kind won:
     * many sentences state a result or set the scene and say how it comes about in the same breath. Chosen on the
     * cross-validated corpus: 0.3 and 0.4 found 128 and 117 of 176 annotated mechanisms where 0.2 found 133 (before
     * the untimed ones were kept apart); 0.15 found a few more by taking in more sentences.
     */
    static final double READING = 0.2;

    MechanismBuilder(Cues cues, FindingClassifier classifier, Lexicon lexicon) {
        this.cues = cues;
        this.classifier = classifier;
        this.lexicon = lexicon;
    }

    List<ExtractedMechanism> build(String text, List<ExtractedFinding> findings, Set<Integer> mechanismReadings,
            List<ConceptCandidate> interventions) {
        Map<Timescale, List<Integer>> groups = new LinkedHashMap<>();
        List<Timescale> order = new ArrayList<>(Arrays.asList(Timescale.RAPID, Timescale.SUSTAINED, null));
        for (Timescale t : order) {
            groups.put(t, new ArrayList<>());
        }
        for (int i = 0; i < findings.size(); i++) {
            ExtractedFinding f = findings.get(i);
            boolean namesMechanism = f.concepts().stream().anyMatch(c -> c.type() == ConceptType.CELL_TYPE
                    || c.type() == ConceptType.BRAIN_REGION || c.type() == ConceptType.PATHWAY);
            if (mechanismReadings.contains(i) || (f.kind() == FindingKind.RESULT && namesMechanism)) {
                groups.get(f.timescale()).add(i);
            }
        }
        // "Such a misfire may explain why …": a mechanism that points back at the sentence before it takes
        // that sentence in as its evidence.
        for (int i = 1; i < findings.size(); i++) {
            ExtractedFinding f = findings.get(i);
            ExtractedFinding before = findings.get(i - 1);
            List<Integer> group = groups.get(f.timescale());
            if (mechanismReadings.contains(i) && group.contains(i) && !inAnyGroup(groups, i - 1)
                    && cues.anaphors.startsWith(TextFolding.fold(f.statement()))
                    && text.substring(before.evidence().end(), f.evidence().start()).isBlank()) {
                group.add(group.indexOf(i), i - 1);
            }
        }
        // An untimed finding right beside a timed one goes with it ("Both ways involve..."); the rest form an
        // untimed mechanism of their own rather than take a timescale their sentences never gave. One step only, so
        // a run of untimed findings is not pulled in behind its first member.
        List<Integer> untimed = groups.get(null);
        for (Timescale timescale : List.of(Timescale.RAPID, Timescale.SUSTAINED)) {
            List<Integer> timedHere = List.copyOf(groups.get(timescale));
            for (Integer u : List.copyOf(untimed)) {
                if (timedHere.contains(u - 1) || timedHere.contains(u + 1)) {
                    groups.get(timescale).add(u);
                    untimed.remove(u);
                }
            }
        }
        // ... and so does one that points back at the finding before it ("This helps..."), in order, so that a
        // chain of such sentences stays with the mechanism it goes on telling.
        for (int i = 1; i < findings.size(); i++) {
            if (untimed.contains(i) && cues.anaphors.startsWith(TextFolding.fold(findings.get(i).statement()))) {
                for (Timescale timescale : List.of(Timescale.RAPID, Timescale.SUSTAINED)) {
                    if (groups.get(timescale).contains(i - 1)) {
                        groups.get(timescale).add(i);
                        untimed.remove(Integer.valueOf(i));
                        break;
                    }
                }
            }
        }
        List<ExtractedMechanism> mechanisms = new ArrayList<>();
        for (Timescale timescale : order) {
            List<Integer> indexes = groups.get(timescale);
            if (indexes != null && formsMechanism(indexes, findings, mechanismReadings)) {
                mechanisms.add(mechanism(text, timescale, indexes, findings, mechanismReadings, interventions));
            }
        }
        return mechanisms;
    }

    private static boolean inAnyGroup(Map<Timescale, List<Integer>> groups, int index) {
        return groups.values().stream().anyMatch(g -> g.contains(index));
    }

    /** A group needs at least one finding that names a mechanism concept or is itself a mechanism. */
    private static boolean formsMechanism(List<Integer> indexes, List<ExtractedFinding> findings,
            Set<Integer> mechanismReadings) {
        return indexes.stream().anyMatch(i -> mechanismReadings.contains(i)
                || findings.get(i).concepts().stream().anyMatch(c -> c.type() != null));
    }

    private ExtractedMechanism mechanism(String text, Timescale timescale, List<Integer> indexes,
            List<ExtractedFinding> findings, Set<Integer> mechanismReadings,
            List<ConceptCandidate> studyInterventions) {
        Map<String, ConceptCandidate> regions = new LinkedHashMap<>();
        Map<String, ConceptCandidate> pathways = new LinkedHashMap<>();
        Map<String, ConceptCandidate> cellTypes = new LinkedHashMap<>();
        Map<String, ConceptCandidate> interventions = new LinkedHashMap<>();
        Map<String, Integer> weight = new LinkedHashMap<>();
        for (int i : indexes) {
            for (ConceptCandidate c : findings.get(i).concepts()) {
                if (c.type() == null || lexicon.isBroaderThanOrGeneric(c.name(), List.of())) {
                    continue;
                }
                switch (c.type()) {
                    case BRAIN_REGION -> regions.putIfAbsent(c.name(), c);
                    case PATHWAY -> pathways.putIfAbsent(c.name(), c);
                    case CELL_TYPE -> cellTypes.putIfAbsent(c.name(), c);
                    case DRUG, DRUG_CLASS -> interventions.putIfAbsent(c.name(), c);
                    default -> {
                    }
                }
                if (Set.of(ConceptType.BRAIN_REGION, ConceptType.PATHWAY, ConceptType.CELL_TYPE).contains(c.type())) {
                    weight.merge(c.name(), 1, Integer::sum);
                }
            }
        }
        if (interventions.isEmpty()) {
            studyInterventions.forEach(c -> interventions.putIfAbsent(c.name(), c));
        }
        String description = indexes.stream().map(i -> findings.get(i).statement()).collect(Collectors.joining(" "));
        weight.keySet().removeIf(n -> lexicon.isBroaderThanOrGeneric(n, weight.keySet()));
        String name = naming(indexes, findings, mechanismReadings, weight.keySet());
        return new ExtractedMechanism(name != null ? name : name(timescale, interventions, weight), timescale,
                onset(text, indexes, findings), description, indexes, List.copyOf(regions.values()),
                List.copyOf(pathways.values()), List.copyOf(cellTypes.values()), List.copyOf(interventions.values()));
    }

    /**
     * The name the group's best sentence gives it: a mechanism sentence before a result, one that names more of
     * the group's key concepts, one that stands alone (not "This happens because..."), the earlier.
     */
    private String naming(List<Integer> indexes, List<ExtractedFinding> findings, Set<Integer> mechanismReadings,
            Set<String> keyConcepts) {
        return indexes.stream()
                .sorted(Comparator.<Integer>comparingInt(i -> mechanismReadings.contains(i) ? 0 : 1)
                        .thenComparingInt(i -> -(int) findings.get(i).concepts().stream().map(ConceptCandidate::name)
                                .distinct().filter(keyConcepts::contains).count())
                        .thenComparing(i -> cues.anaphors.startsWith(TextFolding.fold(findings.get(i).statement()))))
                .map(i -> names.fromSentence(findings.get(i).statement())).filter(Objects::nonNull).findFirst()
                .orElse(null);
    }

    private static String name(Timescale timescale, Map<String, ConceptCandidate> interventions,
            Map<String, Integer> weight) {
        StringBuilder name = new StringBuilder();
        if (!interventions.isEmpty()) {
            name.append(interventions.keySet().iterator().next()).append(' ');
        }
        if (timescale != null) {
            name.append(timescale.name().toLowerCase(Locale.ROOT)).append(' ');
        }
        name.append("mechanism");
        List<String> key = weight.entrySet().stream()
                .sorted((a, b) -> b.getValue() - a.getValue())
                .limit(NAME_CONCEPTS).map(Map.Entry::getKey).toList();
        if (!key.isEmpty()) {
            name.append(": ").append(String.join(", ", key));
        }
        String result = name.toString();
        return Character.toUpperCase(result.charAt(0)) + result.substring(1);
    }

    /** The first un-negated onset phrase in the group's sentences, as the article words it. */
    private String onset(String text, List<Integer> indexes, List<ExtractedFinding> findings) {
        for (int i : indexes) {
            TextSpan span = findings.get(i).evidence();
            String sentence = span.of(text);
            String folded = TextFolding.fold(sentence);
            for (Pattern p : cues.onsetPatterns) {
                Matcher m = p.matcher(folded);
                while (m.find()) {
                    if (!classifier.negated(folded, m.start())) {
                        return sentence.substring(m.start(), m.end());
                    }
                }
            }
        }
        return null;
    }
}
