package org.findingskb.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

import org.findingskb.finding.FindingKind;

/**
 * Scores an analysis against a gold annotation as the corpus README describes: recall over gold findings (a
 * finding matches when its evidence overlaps the sentence that contains the quote), precision over everything
 * extracted (correct when it matches a finding or an optional sentence), kind / timescale / certainty accuracy
 * over matched findings, exact metadata fields, mechanisms and concepts found.
 */
final class GoldScorer {

    private GoldScorer() {
    }

    /** The kinds in the order of the confusion matrix's rows (gold) and columns (extracted). */
    static final List<String> KINDS = Stream.of(FindingKind.values()).map(Enum::name).toList();

    /** Counts, so that scores can be pooled over articles. */
    record Score(String article, int goldFindings, int matchedFindings, int extracted, int correctExtracted,
            int kindCorrect, int timescaleCorrect, int certaintyCorrect, int metadataFields, int metadataCorrect,
            int goldMechanisms, int mechanismsFound, int goldConcepts, int conceptsFound, int notFindingViolations,
            int[][] kindConfusion, List<String> problems, int byCorrect) {

        double recall() {
            return ratio(matchedFindings, goldFindings);
        }

        double precision() {
            return ratio(correctExtracted, extracted);
        }

        double kindAccuracy() {
            return ratio(kindCorrect, matchedFindings);
        }

        double timescaleAccuracy() {
            return ratio(timescaleCorrect, matchedFindings);
        }

        double certaintyAccuracy() {
            return ratio(certaintyCorrect, matchedFindings);
        }

        /** Whose result it is (this study, a prior study, an outside expert), over matched findings. */
        double byAccuracy() {
            return ratio(byCorrect, matchedFindings);
        }

        double metadataAccuracy() {
            return ratio(metadataCorrect, metadataFields);
        }

        Score plus(Score o) {
            List<String> all = new ArrayList<>(problems);
            all.addAll(o.problems);
            int[][] confusion = new int[KINDS.size()][KINDS.size()];
            for (int g = 0; g < KINDS.size(); g++) {
                for (int e = 0; e < KINDS.size(); e++) {
                    confusion[g][e] = kindConfusion[g][e] + o.kindConfusion[g][e];
                }
            }
            return new Score("overall", goldFindings + o.goldFindings, matchedFindings + o.matchedFindings,
                    extracted + o.extracted, correctExtracted + o.correctExtracted, kindCorrect + o.kindCorrect,
                    timescaleCorrect + o.timescaleCorrect, certaintyCorrect + o.certaintyCorrect,
                    metadataFields + o.metadataFields, metadataCorrect + o.metadataCorrect,
                    goldMechanisms + o.goldMechanisms, mechanismsFound + o.mechanismsFound,
                    goldConcepts + o.goldConcepts, conceptsFound + o.conceptsFound,
                    notFindingViolations + o.notFindingViolations, confusion, all, byCorrect + o.byCorrect);
        }

        Score named(String name) {
            return new Score(name, goldFindings, matchedFindings, extracted, correctExtracted, kindCorrect,
                    timescaleCorrect, certaintyCorrect, metadataFields, metadataCorrect, goldMechanisms,
                    mechanismsFound, goldConcepts, conceptsFound, notFindingViolations, kindConfusion, problems,
                    byCorrect);
        }

        /** Rows: the gold kind (the first one listed where several are right); columns: the kind extracted. */
        String confusionTable() {
            StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-12s", "gold \\ got"));
            KINDS.forEach(k -> table.append(String.format(Locale.ROOT, " %11s", k)));
            table.append(String.format(Locale.ROOT, "%n"));
            for (int g = 0; g < KINDS.size(); g++) {
                table.append(String.format(Locale.ROOT, "%-12s", KINDS.get(g)));
                for (int e = 0; e < KINDS.size(); e++) {
                    table.append(String.format(Locale.ROOT, " %11d", kindConfusion[g][e]));
                }
                table.append(String.format(Locale.ROOT, "%n"));
            }
            return table.toString();
        }

        private static double ratio(int part, int whole) {
            return whole == 0 ? 1.0 : (double) part / whole;
        }
    }

    /** A sum to start pooling from. */
    static Score none(String name) {
        return new Score(name, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, new int[KINDS.size()][KINDS.size()],
                List.of(), 0);
    }

    static Score score(String article, GoldAnnotation gold, ArticleAnalysis analysis) {
        String text = analysis.text();
        List<String> problems = new ArrayList<>();
        List<ExtractedFinding> extracted = analysis.findings();

        int matched = 0;
        int kindOk = 0;
        int timescaleOk = 0;
        int certaintyOk = 0;
        int byOk = 0;
        int[][] confusion = new int[KINDS.size()][KINDS.size()];
        for (GoldAnnotation.Finding g : gold.findings()) {
            TextSpan sentence = sentenceOf(text, g.quote(), article);
            ExtractedFinding hit = extracted.stream().filter(f -> overlaps(f.evidence(), sentence)).findFirst()
                    .orElse(null);
            if (hit == null) {
                problems.add(article + ": missed finding: " + g.quote());
                continue;
            }
            matched++;
            boolean kindRight = g.kinds().contains(hit.kind().name());
            confusion[KINDS.indexOf(kindRight ? hit.kind().name() : g.kinds().get(0))][hit.kind().ordinal()]++;
            if (kindRight) {
                kindOk++;
            } else {
                problems.add(article + ": kind " + hit.kind() + " not in " + g.kinds() + ": " + g.quote());
            }
            String timescale = hit.timescale() == null ? null : hit.timescale().name();
            if (g.timescales().contains(timescale)) {
                timescaleOk++;
            } else {
                problems.add(article + ": timescale " + timescale + " not in " + g.timescales() + ": " + g.quote());
            }
            if (Objects.equals(g.certainty(), hit.certainty().name())) {
                certaintyOk++;
            } else {
                problems.add(article + ": certainty " + hit.certainty() + " not " + g.certainty() + ": " + g.quote());
            }
            if (hit.by() != null && hit.by().name().equals(g.by())) {
                byOk++;
            } else {
                problems.add(article + ": by " + hit.by() + " not " + g.by() + ": " + g.quote());
            }
        }

        List<TextSpan> acceptable = new ArrayList<>();
        gold.findings().forEach(g -> acceptable.add(sentenceOf(text, g.quote(), article)));
        gold.optional().forEach(q -> acceptable.add(sentenceOf(text, q, article)));
        List<TextSpan> forbidden = gold.notFindings().stream().map(q -> sentenceOf(text, q, article)).toList();
        int correct = 0;
        int violations = 0;
        for (ExtractedFinding f : extracted) {
            if (acceptable.stream().anyMatch(s -> overlaps(f.evidence(), s))) {
                correct++;
            } else {
                problems.add(article + ": not a gold finding: " + f.statement());
            }
            if (forbidden.stream().anyMatch(s -> overlaps(f.evidence(), s))) {
                violations++;
                problems.add(article + ": extracted a not-finding: " + f.statement());
            }
        }

        ArticleMetadata meta = analysis.metadata();
        int fields = 0;
        int fieldsOk = 0;
        for (MetadataFields.Field field : MetadataFields.compare(gold, meta)) {
            fields++;
            if (field.right()) {
                fieldsOk++;
            } else {
                problems.add(article + ": " + field.name() + " was " + field.read() + ", gold " + field.gold());
            }
        }

        int mechanismsFound = 0;
        for (GoldAnnotation.Mechanism g : gold.mechanisms()) {
            if (analysis.mechanisms().stream().anyMatch(m -> mechanismMatches(g, m))) {
                mechanismsFound++;
            } else {
                problems.add(article + ": no mechanism with " + g.mentions() + " at " + g.timescales());
            }
        }

        List<ConceptCandidate> allConcepts = allConcepts(analysis);
        int conceptsFound = 0;
        List<String> goldConcepts = new ArrayList<>(gold.concepts());
        gold.interventions().forEach(c -> goldConcepts.add("intervention:" + c));
        gold.conditions().forEach(c -> goldConcepts.add("condition:" + c));
        for (String concept : goldConcepts) {
            List<ConceptCandidate> pool = concept.startsWith("intervention:") ? meta.interventions()
                    : concept.startsWith("condition:") ? meta.conditions() : allConcepts;
            String term = concept.substring(concept.indexOf(':') + 1);
            if (pool.stream().anyMatch(c -> names(c, term))) {
                conceptsFound++;
            } else {
                problems.add(article + ": concept not tagged: " + concept);
            }
        }

        return new Score(article, gold.findings().size(), matched, extracted.size(), correct, kindOk, timescaleOk,
                certaintyOk, fields, fieldsOk, gold.mechanisms().size(), mechanismsFound, goldConcepts.size(),
                conceptsFound, violations, confusion, problems, byOk);
    }

    static boolean researchersMatch(List<GoldAnnotation.Researcher> gold, List<ExtractedResearcher> extracted) {
        if (gold.size() != extracted.size()) {
            return false;
        }
        for (GoldAnnotation.Researcher g : gold) {
            boolean found = extracted.stream().anyMatch(r -> r.name().equals(g.name())
                    && g.roles().contains(r.role().name()));
            if (!found) {
                return false;
            }
        }
        return true;
    }

    static boolean mechanismMatches(GoldAnnotation.Mechanism gold, ExtractedMechanism m) {
        String timescale = m.timescale() == null ? null : m.timescale().name();
        if (!gold.timescales().contains(timescale)) {
            return false;
        }
        String haystack = (m.description() + " " + Stream.of(m.brainRegions(), m.pathways(), m.cellTypes(),
                m.interventions()).flatMap(List::stream).flatMap(c -> Stream.concat(Stream.of(c.name()),
                c.synonyms().stream())).reduce("", (a, b) -> a + " " + b)).toLowerCase(Locale.ROOT);
        return gold.mentions().stream().allMatch(w -> haystack.contains(w.toLowerCase(Locale.ROOT)));
    }

    private static List<ConceptCandidate> allConcepts(ArticleAnalysis analysis) {
        List<ConceptCandidate> all = new ArrayList<>(analysis.metadata().interventions());
        all.addAll(analysis.metadata().conditions());
        analysis.findings().forEach(f -> all.addAll(f.concepts()));
        analysis.mechanisms().forEach(m -> Stream.of(m.brainRegions(), m.pathways(), m.cellTypes(),
                m.interventions()).forEach(all::addAll));
        return all;
    }

    private static boolean names(ConceptCandidate c, String term) {
        return c.name().equalsIgnoreCase(term) || c.synonyms().stream().anyMatch(s -> s.equalsIgnoreCase(term));
    }

    static boolean overlaps(TextSpan a, TextSpan b) {
        return a.start() < b.end() && b.start() < a.end();
    }

    /**
     * The sentence around a quote: from after the previous sentence end (". " not following a short
     * capitalised title such as a doctor's) or line break, to the next one.
     */
    static TextSpan sentenceOf(String text, String quote, String article) {
        int at = text.indexOf(quote);
        if (at < 0) {
            throw new IllegalStateException(article + ": gold quote not in text: " + quote);
        }
        int start = at;
        while (start > 0 && !(text.charAt(start - 1) == '\n' || endsSentenceAt(text, start - 1))) {
            start--;
        }
        int end = at + quote.length();
        while (end < text.length() && text.charAt(end) != '\n' && !endsSentenceAt(text, end)) {
            end++;
        }
        return new TextSpan(start, end);
    }

    /** Whether position {@code i} is whitespace right after a sentence-ending mark. */
    private static boolean endsSentenceAt(String text, int i) {
        if (i <= 0 || i >= text.length() || !Character.isWhitespace(text.charAt(i))) {
            return false;
        }
        char mark = text.charAt(i - 1);
        if (mark != '.' && mark != '!' && mark != '?') {
            return false;
        }
        int wordStart = i - 1;
        while (wordStart > 0 && Character.isLetter(text.charAt(wordStart - 1))) {
            wordStart--;
        }
        String word = text.substring(wordStart, i - 1);
        boolean shortTitle = mark == '.' && word.length() <= 4 && !word.isEmpty()
                && Character.isUpperCase(word.charAt(0)) && word.chars().skip(1).allMatch(Character::isLowerCase);
        return !shortTitle;
    }
}
