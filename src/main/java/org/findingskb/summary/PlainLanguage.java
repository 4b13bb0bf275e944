package org.findingskb.summary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.findingskb.concept.Concept;
import org.findingskb.finding.Certainty;
import org.findingskb.finding.Finding;
import org.findingskb.finding.FindingKind;
import org.findingskb.finding.ReportedBy;
import org.findingskb.mechanism.Timescale;
import org.findingskb.study.Study;

/**
 * Chooses the findings a summary's sentences rest on and words them plainly. Only the study's own results speak
 * for it: a prior study's result or an outside expert's view never becomes a sentence about what it found. The
 * first line is the study's main result, preferably one that names the intervention and the population.
 */
final class PlainLanguage {

    static final int MAX_SENTENCES = 4;

    /** A sentence opening with a pronoun leans on the one before it and reads badly alone. */
    private static final Pattern LEANS_ON_CONTEXT = Pattern.compile(
            "^[\"\u201c]?(this|these|that|those|it|they|she|he|such|both|we|our)\\b", Pattern.CASE_INSENSITIVE);
    /** A quotation followed by who said it: {@code "X," she said.} */
    private static final Pattern QUOTED_THEN_SPEAKER = Pattern.compile(
            "^[\"\u201c](.+?)[,.]?[\"\u201d]\\s*,?\\s*[^\"\u201c\u201d]{1,80}$");
    private static final Pattern QUOTE_MARK = Pattern.compile("[\"\u201c\u201d]");
    /** Words of a population that name it: "older adults with insomnia" is named by "adults", not by "with". */
    private static final Pattern NAMING_WORD = Pattern.compile("\\b(?!(?:with|from|that|this|were|have|aged|over|under|more|than)\\b)\\p{L}{4,}",
            Pattern.CASE_INSENSITIVE);

    private final Study study;

    PlainLanguage(Study study) {
        this.study = study;
    }

    /** This study's own result or mechanism, stated as found: what a summary may say the study found. */
    static boolean isOwnResult(Finding f) {
        return (f.getKind() == FindingKind.RESULT || f.getKind() == FindingKind.MECHANISM)
                && f.getCertainty() == Certainty.REPORTED && f.getReportedBy() == ReportedBy.STUDY;
    }

    static boolean isOwnImplication(Finding f) {
        return f.getKind() == FindingKind.IMPLICATION && f.getReportedBy() == ReportedBy.STUDY;
    }

    /**
     * Two to four findings: the study's main result first, then how its fast and its lasting effects come about,
     * in the order of the source.
     */
    List<Finding> choose(List<Finding> visible) {
        Optional<Finding> lead = best(visible, f -> isOwnResult(f) && f.getKind() == FindingKind.RESULT);
        Set<Finding> rest = new LinkedHashSet<>();
        lead.ifPresent(rest::add);
        for (Timescale timescale : Timescale.values()) {
            best(visible, f -> f.getTimescale() == timescale && isOwnResult(f)).ifPresent(rest::add);
        }
        if (rest.size() < 2) {
            visible.stream().filter(PlainLanguage::isOwnResult).sorted(byStrength()).limit(MAX_SENTENCES)
                    .forEach(rest::add);
        }
        if (rest.size() < 2) {
            best(visible, PlainLanguage::isOwnImplication).ifPresent(rest::add);
        }
        lead.ifPresent(rest::remove);
        List<Finding> chosen = new ArrayList<>();
        lead.ifPresent(chosen::add);
        rest.stream().sorted(Comparator.comparingInt(Finding::getPosition))
                .limit(MAX_SENTENCES - (long) chosen.size()).forEach(chosen::add);
        return chosen;
    }

    /** The finding's statement without the quotation marks and speaker of a quote, so no fragment of one is left. */
    static String plain(String statement) {
        String text = statement.strip();
        Matcher quoted = QUOTED_THEN_SPEAKER.matcher(text);
        if (quoted.matches() && !QUOTE_MARK.matcher(quoted.group(1)).find()) {
            text = quoted.group(1).strip();
            text = text.endsWith(".") || text.endsWith("!") || text.endsWith("?") ? text : text + ".";
        }
        if (QUOTE_MARK.matcher(text).results().count() % 2 == 1
                || text.chars().filter(c -> c == '\u201c').count() != text.chars().filter(c -> c == '\u201d').count()) {
            text = QUOTE_MARK.matcher(text).replaceAll("");
        }
        return text;
    }

    private Optional<Finding> best(List<Finding> visible, Predicate<Finding> which) {
        return visible.stream().filter(which).min(byStrength());
    }

    /**
     * Sentences that name the intervention and the population first, then self-contained ones outside quotes,
     * then the more confident, then the earlier.
     */
    private Comparator<Finding> byStrength() {
        return Comparator.<Finding>comparingInt(f -> -namesStudy(f))
                .thenComparing(f -> LEANS_ON_CONTEXT.matcher(f.getStatement()).find()
                        || QUOTE_MARK.matcher(f.getStatement()).find())
                .thenComparing(Finding::getConfidence, Comparator.reverseOrder())
                .thenComparingInt(Finding::getPosition);
    }

    /** 2 for naming one of the study's interventions, 1 for naming its population. */
    private int namesStudy(Finding f) {
        int score = 0;
        Set<Long> interventions = study.getInterventions().stream().map(Concept::getId).collect(Collectors.toSet());
        if (f.getConcepts().stream().map(Concept::getId).anyMatch(interventions::contains)) {
            score += 2;
        }
        String population = study.getPopulation();
        if (population != null) {
            String statement = f.getStatement().toLowerCase(Locale.ROOT);
            if (NAMING_WORD.matcher(population).results().map(r -> r.group().toLowerCase(Locale.ROOT))
                    .anyMatch(word -> Pattern.compile("\\b" + Pattern.quote(word) + "\\b").matcher(statement).find())) {
                score += 1;
            }
        }
        return score;
    }
}
