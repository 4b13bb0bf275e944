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
            if ((cues.analogyEcho.in(text) && s.index() - analogyOpenedAt <= ANALOGY_REACH)
                    || mentionsAny(s, analogyVehicles)) {
                analogyOpenedAt = s.index();
                continue;
            }
            Classified classified = classifyOne(s, tagging.of(s.index()), tagging.lexiconMatches().get(s.index()),
                    s.index() < backgroundEnd, previous);
            if (classified != null) {
                findings.add(classified);
            }
            previous = classified;
        }
        return findings;
    }

    private Classified classifyOne(Sentence s, List<ConceptCandidate> concepts, List<Lexicon.Match> matches,
            boolean background, Classified previous) {
        String text = s.folded();
        if (text.strip().endsWith("?")) {
            return null;
        }
        boolean reporting = cues.reporting.in(text);
        boolean outcome = cues.outcome.in(text);
        boolean hedged = cues.hedged(text);
        boolean prior = cues.priorWork.in(text);
        boolean limitation = cues.limitation.in(text);
        boolean harm = cues.harm.in(text);
        boolean mechanismCue = cues.mechanism.in(text);
        boolean implicationCue = cues.implication.in(text);
        boolean anaphoric = cues.anaphors.startsWith(text);
        boolean adjacent = previous != null && previous.sentence() == s.index() - 1;
        boolean mechanismConcept = concepts.stream().anyMatch(c -> c.type() != null && MECHANISM_TYPES.contains(c.type()));

        if (cues.method.in(text) && !reporting) {
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
        } else if (background && !reporting && !outcome) {
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

    Timescale timescaleOf(String folded) {
        boolean rapid = anyUnnegated(folded, cues.rapid.all(folded));
        boolean sustained = anyUnnegated(folded, cues.sustained.all(folded));
        if (rapid == sustained) {
            return null;
        }
        return rapid ? Timescale.RAPID : Timescale.SUSTAINED;
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
