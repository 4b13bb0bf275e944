package org.findingskb.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.findingskb.concept.ConceptType;
import org.findingskb.finding.Certainty;
import org.findingskb.finding.FindingKind;
import org.findingskb.finding.Timescale;

/**
 * Decides which sentences are findings and of what kind, timescale and certainty, from cue phrases and the
 * concepts a sentence names. Rules are tried from the most specific (prior work, stated limits, hedges) to the
 * most general (a sentence in the opening background, an outcome verb), so a sentence takes the first kind
 * whose evidence it carries.
 */
final class FindingClassifier {

    private static final Set<ConceptType> MECHANISM_TYPES =
            Set.of(ConceptType.CELL_TYPE, ConceptType.BRAIN_REGION, ConceptType.PATHWAY);
    /** Analogy echoes ("that's the slow part") only count shortly after an analogy opened. */
    private static final int ANALOGY_REACH = 4;
    private static final int NEGATION_REACH = 3;

    private final Cues cues;

    FindingClassifier(Cues cues) {
        this.cues = cues;
    }

    /** A finding and the sentence it came from. */
    record Classified(int sentence, ExtractedFinding finding) {
    }

    List<Classified> classify(List<Sentence> sentences, List<SentenceRole> roles, ConceptTagger.Tagging tagging) {
        return classify(sentences, roles, tagging, null);
    }

    /**
     * Classifies every body sentence; {@code articleYear} (may be {@code null}) dates earlier studies the article
     * cites ("a 2005 study found").
     */
    List<Classified> classify(List<Sentence> sentences, List<SentenceRole> roles, ConceptTagger.Tagging tagging,
            Integer articleYear) {
        List<Classified> findings = new ArrayList<>();
        int backgroundEnd = backgroundEnd(sentences, roles);
        int analogyOpenedAt = Integer.MIN_VALUE;
        Set<String> analogyVehicles = new HashSet<>();
        Classified previous = null;

        for (Sentence s : sentences) {
            if (roles.get(s.index()) != SentenceRole.BODY) {
                continue;
            }
            String text = s.folded();
            boolean analogy = cues.analogy.in(text);
            if (analogy) {
                analogyOpenedAt = s.index();
                analogyVehicles.addAll(vehicles(s));
                continue;
            }
            if ((echoesAnalogy(s) && s.index() - analogyOpenedAt <= ANALOGY_REACH)
                    || mentionsAny(s, analogyVehicles)) {
                analogyOpenedAt = s.index();
                continue;
            }
            Classified classified = classifyOne(s, tagging.of(s.index()), tagging.lexiconMatches().get(s.index()),
                    s.index() < backgroundEnd, previous, articleYear);
            if (classified != null) {
                findings.add(classified);
            }
            previous = classified;
        }
        return findings;
    }

    /** An analogy's echo ("… spreads quickly - that's the fast part") opens the sentence or follows a dash or colon. */
    private boolean echoesAnalogy(Sentence s) {
        // The original text: folding turns an em dash into a space.
        String text = s.text();
        for (PhraseMatcher.Hit hit : cues.analogyEcho.all(s.folded())) {
            int i = hit.start() - 1;
            while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
                i--;
            }
            if (i < 0 || "-:\u2013\u2014\u2015".indexOf(text.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private Classified classifyOne(Sentence s, List<ConceptCandidate> concepts, List<Lexicon.Match> matches,
            boolean background, Classified previous, Integer articleYear) {
        String text = s.folded();
        if (text.strip().endsWith("?")) {
            return null;
        }
        boolean reporting = cues.reporting.in(text) || cues.findsPattern("reporting", text);
        boolean outcomeWord = cues.outcome.in(text);
        // Comparisons and change words ("fewer … than", "became") mark results of the study, not background.
        boolean outcome = outcomeWord || !background && cues.findsPattern("outcome", text);
        boolean hedged = cues.hedged(text);
        boolean prior = cues.priorWork.in(text) || cues.findsPattern("priorWork", text)
                || (reporting || outcome) && cues.citesEarlierYear(text, articleYear);
        boolean limitation = cues.limitation.in(text) || cues.findsPattern("limitation", text);
        boolean harm = cues.harm.in(text);
        boolean mechanismCue = cues.mechanism.in(text);
        boolean meansCue = cues.findsPattern("mechanismMeans", text);
        boolean implicationCue = cues.implication.in(text);
        boolean anaphoric = cues.anaphors.startsWith(text);
        boolean adjacent = previous != null && previous.sentence() == s.index() - 1;
        boolean mechanismConcept = concepts.stream().anyMatch(c -> c.type() != null && MECHANISM_TYPES.contains(c.type()));
        boolean continuesMechanism = anaphoric && adjacent && previous.finding().kind() == FindingKind.MECHANISM;

        if (!limitation && describesMethod(text, reporting)) {
            return null;
        }
        if (cues.metadataLine.in(text) && !(reporting || outcome || hedged || prior || limitation || harm
                || mechanismCue)) {
            return null;
        }

        FindingKind kind;
        double confidence;
        if (prior) {
            kind = FindingKind.PRIOR_WORK;
            confidence = 0.85;
        } else if (limitation) {
            kind = FindingKind.CONTEXT;
            confidence = 0.75;
        } else if (hedged && !cues.clinical.in(text)
                && (meansCue || mechanismCue && mechanismConcept || continuesMechanism && mechanismConcept)) {
            // A hedged account of how ("may act on astrocytes", "may lower blood pressure by relaxing …") is still a
            // mechanism, its certainty saying it is suggested; a hedged sentence about treating people is an
            // implication even when it names a pathway.
            kind = FindingKind.MECHANISM;
            confidence = 0.7;
        } else if (hedged) {
            kind = reporting && !implicationCue ? FindingKind.RESULT : FindingKind.IMPLICATION;
            confidence = kind == FindingKind.RESULT ? 0.7 : 0.8;
        } else if (implicationCue && anaphoric && adjacent && previous.finding().kind() == FindingKind.IMPLICATION) {
            kind = FindingKind.IMPLICATION;
            confidence = 0.6;
        } else if (mechanismCue && (mechanismConcept || anaphoric && adjacent
                && previous.finding().kind() == FindingKind.MECHANISM)) {
            kind = FindingKind.MECHANISM;
            confidence = 0.8;
        } else if (background && !reporting && !outcomeWord) {
            kind = FindingKind.CONTEXT;
            confidence = 0.55;
        } else if (reporting || outcome) {
            kind = FindingKind.RESULT;
            confidence = reporting ? 0.9 : 0.75;
        } else if (harm) {
            kind = FindingKind.CONTEXT;
            confidence = 0.6;
        } else if (anaphoric && adjacent && (previous.finding().kind() == FindingKind.MECHANISM
                || previous.finding().kind() == FindingKind.RESULT)) {
            kind = previous.finding().kind();
            confidence = 0.6;
        } else if (distinctLexiconConcepts(matches) >= 2) {
            kind = FindingKind.CONTEXT;
            confidence = 0.45;
        } else {
            return null;
        }

        Timescale timescale = null;
        // Timescale describes an observed effect; implications and background speak of other drugs or of
        // treatments to come, whose speed is not this study's finding.
        if (kind == FindingKind.RESULT || kind == FindingKind.MECHANISM || kind == FindingKind.PRIOR_WORK) {
            timescale = timescaleOf(text);
            if (timescale == null && anaphoric && adjacent) {
                timescale = previous.finding().timescale();
            }
        }
        Certainty certainty = hedged ? Certainty.SUGGESTED : Certainty.REPORTED;
        if (!concepts.isEmpty()) {
            confidence = Math.min(0.95, confidence + 0.05);
        }
        ExtractedFinding finding = new ExtractedFinding(s.text(), kind, timescale, certainty, confidence, s.span(),
                concepts);
        return new Classified(s.index(), finding);
    }

    /**
     * Whether a sentence describes how the study was done rather than what it found. A method cue inside a leading
     * "When …," clause does not count when the main clause reports an outcome ("When the rats were given X, their
     * tremor worsened and … became inflamed").
     */
    private boolean describesMethod(String text, boolean reporting) {
        if (reporting || !isMethod(text)) {
            return false;
        }
        java.util.regex.Matcher clause = cues.firstPatternMatch("conditionClause", text);
        if (clause != null) {
            String main = text.substring(clause.end());
            return isMethod(main) || !(cues.outcome.in(main) || cues.findsPattern("outcome", main));
        }
        return true;
    }

    private boolean isMethod(String text) {
        return cues.method.in(text) || cues.findsPattern("method", text);
    }

    Timescale timescaleOf(String folded) {
        List<PhraseMatcher.Hit> exceptions = cues.timescaleExceptions.all(folded);
        boolean rapid = anyUnnegated(folded, outside(cues.rapid.all(folded), exceptions));
        boolean sustained = anyUnnegated(folded, outside(cues.sustained.all(folded), exceptions));
        if (rapid == sustained) {
            return null;
        }
        return rapid ? Timescale.RAPID : Timescale.SUSTAINED;
    }

    /** Hits not inside an exception ("more quickly" compares speeds; it dates nothing). */
    private static List<PhraseMatcher.Hit> outside(List<PhraseMatcher.Hit> hits, List<PhraseMatcher.Hit> exceptions) {
        if (exceptions.isEmpty()) {
            return hits;
        }
        List<PhraseMatcher.Hit> kept = new ArrayList<>();
        for (PhraseMatcher.Hit h : hits) {
            if (exceptions.stream().noneMatch(e -> e.start() <= h.start() && h.end() <= e.end())) {
                kept.add(h);
            }
        }
        return kept;
    }

    private boolean anyUnnegated(String text, List<PhraseMatcher.Hit> matches) {
        for (PhraseMatcher.Hit m : matches) {
            if (!negated(text, m.start())) {
                return true;
            }
        }
        return false;
    }

    /** Whether one of the few words before a position negates it ("did not appear at once"). */
    boolean negated(String text, int position) {
        String[] words = text.substring(0, position).toLowerCase(Locale.ROOT).split("[^\\p{L}']+");
        for (int i = words.length - 1; i >= Math.max(0, words.length - NEGATION_REACH); i--) {
            String w = words[i];
            if (cues.negations.contains(w) || w.endsWith("n't")) {
                return true;
            }
        }
        return false;
    }

    /** Index of the first sentence that speaks of the study; body sentences before it are background. */
    private int backgroundEnd(List<Sentence> sentences, List<SentenceRole> roles) {
        for (Sentence s : sentences) {
            if (roles.get(s.index()) == SentenceRole.BODY && cues.studyReference.in(s.folded())) {
                return s.index();
            }
        }
        return 0;
    }

    /** The nouns an analogy compares to ("… is like a thermostat …"); later mentions continue the analogy. */
    private Set<String> vehicles(Sentence s) {
        Set<String> vehicles = new HashSet<>();
        List<Token> tokens = s.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            if (!"like".equalsIgnoreCase(tokens.get(i).text())) {
                continue;
            }
            for (int j = i + 1; j < Math.min(tokens.size(), i + 4); j++) {
                if ("NOUN".equals(tokens.get(j).tag())) {
                    vehicles.add(tokens.get(j).key());
                    break;
                }
            }
        }
        return vehicles;
    }

    private static boolean mentionsAny(Sentence s, Set<String> keys) {
        if (keys.isEmpty()) {
            return false;
        }
        for (Token t : s.tokens()) {
            if (keys.contains(t.key())) {
                return true;
            }
        }
        return false;
    }

    private static long distinctLexiconConcepts(List<Lexicon.Match> matches) {
        return matches.stream().map(Lexicon.Match::entry).filter(e -> e.type() != ConceptType.ORGANISM)
                .map(Lexicon.Entry::name).distinct().count();
    }
}
