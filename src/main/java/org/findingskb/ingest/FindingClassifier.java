package org.findingskb.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.findingskb.concept.ConceptType;
import org.findingskb.finding.Certainty;
import org.findingskb.finding.FindingKind;
import org.findingskb.mechanism.Timescale;

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
    private static final Set<String> PAST_AUXILIARIES = Set.of("was", "were", "had", "did");
    private static final Set<String> PRESENT_AUXILIARIES = Set.of("is", "are", "has", "have", "does", "do", "am");
    private static final Set<String> PERFECT_OR_PASSIVE = Set.of("is", "are", "be", "been", "being", "has", "have",
            "am", "'s", "'re");
    private static final Set<String> IRREGULAR_PAST = Set.of("took", "spent", "felt", "fell", "rose", "grew", "got",
            "made", "saw", "gave", "went", "ran", "ate", "slept", "lost", "became", "began", "showed", "found", "kept",
            "left", "met", "paid", "said", "told", "thought", "brought", "caught", "sought", "chose", "drove", "wrote",
            "knew", "drew", "led", "fed", "held", "stood", "shrank", "swam", "sank", "won", "hit", "cut", "put", "set");
    private static final Pattern RESEARCH_WORD = Pattern.compile(
            "\\b(?:stud(?:y|ies)|trials?|research|scientists|researchers|experiments?|evidence)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CLAUSE_BREAK = Pattern.compile(",\\s+(?:and|but|yet)\\s+(?=the\\b|these\\b|those\\b|its\\b|their\\b)|;\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PASSIVE_BE = Pattern.compile("\\bbe\\s+$", Pattern.CASE_INSENSITIVE);
    /** A reporting verb that describes a tool or a participle ("which shows", "previously shown"), not a finding. */
    private static final Pattern DESCRIPTIVE_REPORT = Pattern.compile(
            "(?:,\\s*which|(?<!had|has|have)\\s+previously)\\s+$", Pattern.CASE_INSENSITIVE);
    private static final Pattern IF_CLAUSE = Pattern.compile(
            "^\\s*if\\b[^,]*,", Pattern.CASE_INSENSITIVE);
    /** "I", "my", "me" as the writer's pronouns; not the Roman numeral of "type I" or "phase I". */
    private static final Pattern FIRST_PERSON = Pattern.compile(
            "(?<!type |phase |class |grade |stage |part |Type |Phase |Class |Grade |Stage |Part )"
                    + "(?:^|(?<=[\\s(]))(?:I|I'm|I've|I'd|I'll|[Mm]y|me)\\b");

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
        // Questions, signposts ("Here is what it found.") and the writer's own asides carry no finding.
        if (text.strip().endsWith("?") || cues.findsPattern("signpost", text) || personalAside(text)) {
            return null;
        }
        // "If confirmed in larger trials, …" reports nothing: a leading condition does not count as reporting.
        String claim = withoutLeadingCondition(text);
        boolean reporting = reports(claim) || cues.findsPattern("reporting", claim);
        boolean outcomeWord = cues.outcome.in(text);
        // Comparisons, measured quantities and change words ("fewer … than", "cut by half", "38 percent",
        // "one in five") mark results of the study, not background.
        // A measured quantity in the present tense ("X affects one in three adults") is background, not a result.
        boolean outcome = outcomeWord || !background && !presentTenseOnly(s) && cues.findsPattern("outcome", text);
        boolean hedged = cues.hedged(text);
        boolean longStanding = cues.findsPattern("longStanding", text);
        boolean citedWork = cues.priorWork.in(text) || cues.findsPattern("priorWork", text)
                || (reporting || outcome && RESEARCH_WORD.matcher(text).find()) && cues.citesEarlierYear(text, articleYear);
        boolean prior = citedWork || longStanding;
        boolean limitation = (cues.limitation.in(text) || cues.findsPattern("limitation", text))
                && !limitOnlyInCondition(text);
        boolean gap = cues.findsPattern("knowledgeGap", text);
        boolean harm = cues.harm.in(text);
        boolean mechanismCue = cues.mechanism.in(text);
        boolean meansCue = cues.findsPattern("mechanismMeans", text);
        boolean strongMechanism = cues.findsPattern("mechanismStrong", text);
        boolean implicationCue = cues.implication.in(text);
        boolean anaphoric = cues.anaphors.startsWith(text);
        boolean adjacent = previous != null && previous.sentence() == s.index() - 1;
        boolean mechanismConcept = concepts.stream().anyMatch(c -> c.type() != null && MECHANISM_TYPES.contains(c.type()));
        boolean continuesMechanism = anaphoric && adjacent && previous.finding().kind() == FindingKind.MECHANISM;
        // A sentence about the study itself that reports nothing ("A small trial … has drawn headlines").
        boolean aboutTheStudyOnly = cues.findsPattern("studySubject", text) && !reporting && !outcome;

        if (!limitation && describesMethod(text, reporting)) {
            return null;
        }
        // A lede that announces a finding without stating it ("a team has now worked out a missing piece of the story").
        if (!outcome && cues.findsPattern("teaser", text)) {
            return null;
        }
        // How the study ran ("the groups met twice a week", "one group could eat at any time, while the other …",
        // "none had the condition when the trial began"): a procedure, unless the sentence also reports an outcome.
        if (!limitation && !reporting && !outcome && !prior && cues.findsPattern("procedure", text)) {
            return null;
        }
        // Who the participants were before the study ("none had X when the trial began") is no finding.
        if (!limitation && !reporting && !outcomeWord && cues.findsPattern("baseline", text)) {
            return null;
        }
        boolean regulatory = cues.findsPattern("regulatory", text);
        boolean established = !reporting && cues.findsPattern("establishedFact", text);
        boolean verdict = cues.findsPattern("verdict", text);
        if (cues.metadataLine.in(text) && !(reporting || outcome || hedged || prior || limitation || harm
                || mechanismCue || established || verdict)) {
            return null;
        }

        FindingKind kind;
        double confidence;
        if (regulatory) {
            // An approval by a regulator ("the agency approved X for Y in 2023") is background, not a result.
            kind = FindingKind.CONTEXT;
            confidence = 0.7;
        } else if (prior) {
            // "For decades, X" is prior work when it speaks of studies, else background the article states.
            kind = citedWork || RESEARCH_WORD.matcher(text).find() ? FindingKind.PRIOR_WORK : FindingKind.CONTEXT;
            confidence = 0.85;
        } else if (limitation) {
            kind = FindingKind.CONTEXT;
            confidence = 0.75;
        } else if (gap) {
            // What was not known before the study ("there had been no evidence that …") is background.
            kind = FindingKind.CONTEXT;
            confidence = 0.7;
        } else if (established && !hedged) {
            // What is already standard or known ("X is a standard treatment for Y", "an estimated 10 percent of …").
            kind = FindingKind.CONTEXT;
            confidence = 0.65;
        } else if (verdict) {
            // What the findings do or do not support ("do not support taking X to prevent Y"): an implication.
            kind = FindingKind.IMPLICATION;
            confidence = 0.7;
        } else if (hedged && (strongMechanism || !cues.clinical.in(text) && (meansCue
                || mechanismCue && mechanismConcept || continuesMechanism && mechanismConcept))) {
            // A hedged account of how ("may act on astrocytes", "may lower blood pressure by relaxing …") is still a
            // mechanism, its certainty saying it is suggested; a hedged sentence about treating people is an
            // implication even when it names a pathway.
            kind = FindingKind.MECHANISM;
            confidence = 0.7;
        } else if (hedged) {
            // "Scans showed X, which suggests Y": an observation reported before the hedge is a result.
            kind = reporting && (!implicationCue || reportsBeforeHedging(claim)) ? FindingKind.RESULT
                    : FindingKind.IMPLICATION;
            confidence = kind == FindingKind.RESULT ? 0.7 : 0.8;
        } else if (implicationCue && anaphoric && adjacent && previous.finding().kind() == FindingKind.IMPLICATION) {
            kind = FindingKind.IMPLICATION;
            confidence = 0.6;
        } else if (strongMechanism || mechanismCue && (mechanismConcept || anaphoric && adjacent
                && previous.finding().kind() == FindingKind.MECHANISM)) {
            // "works by", "the culprit is", "X explained much of the link": how, even without a named region.
            kind = FindingKind.MECHANISM;
            confidence = 0.8;
        } else if (meansCue && !reporting && !hedged && presentTenseOnly(s)) {
            // A general account of how in the present tense ("a drug eases pain by blocking a nerve signal").
            kind = FindingKind.MECHANISM;
            confidence = 0.6;
        } else if (!background && cues.findsPattern("recommendation", text) && !reporting && !outcome) {
            // Advice drawn from the study ("people … should still cut down").
            kind = FindingKind.IMPLICATION;
            confidence = 0.6;
        } else if (background && !reporting && !outcomeWord) {
            if (aboutTheStudyOnly) {
                return null;
            }
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
        } else if ((distinctLexiconConcepts(matches) >= 2 || presentTenseOnly(s) && namesConditionAmongOthers(matches))
                && !aboutTheStudyOnly) {
            // After the study is introduced, an observed event ("When X, dopamine was released in Y") is a
            // result; a statement in the present tense is background.
            boolean observed = !background && cues.findsPattern("observation", text);
            kind = observed ? FindingKind.RESULT : FindingKind.CONTEXT;
            confidence = observed ? 0.5 : 0.45;
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
        // A test of significance or a comparison of groups is a result even when it names the measure used.
        if (reporting || !isMethod(text) || cues.findsPattern("resultOverMethod", text)) {
            return false;
        }
        // "The team counted X, and the levels were lower than predicted": a result in a clause of its own.
        String[] clauses = CLAUSE_BREAK.split(text);
        for (int i = 1; i < clauses.length; i++) {
            if (!isMethod(clauses[i]) && (cues.outcome.in(clauses[i]) || cues.findsPattern("outcome", clauses[i]))) {
                return false;
            }
        }
        Matcher clause = cues.firstPatternMatch("conditionClause", text);
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
        List<PhraseMatcher.Hit> exceptions = new ArrayList<>(cues.timescaleExceptions.all(folded));
        // How long people were exposed ("long-term aspirin use") is no effect's timescale.
        Matcher exposure = cues.firstPatternMatch("timescaleException", folded);
        while (exposure != null) {
            exceptions.add(new PhraseMatcher.Hit(exposure.start(), exposure.end()));
            exposure = exposure.find() ? exposure : null;
        }
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

    /**
     * Whether every limitation cue sits in a leading "If …," clause ("If confirmed in larger trials, X might …"):
     * the sentence then speaks of what could follow, not of a limit of the study.
     */
    private boolean limitOnlyInCondition(String text) {
        String main = withoutLeadingCondition(text);
        return main.length() < text.length() && !(cues.limitation.in(main) || cues.findsPattern("limitation", main));
    }

    /** The sentence after a leading "If …," clause, or the whole sentence. */
    private static String withoutLeadingCondition(String text) {
        Matcher clause = IF_CLAUSE.matcher(text);
        return clause.lookingAt() ? text.substring(clause.end()) : text;
    }

    /**
     * Whether a sentence speaks only in the present tense: a finite present verb ("affects", "is") and no past
     * one ("was", "fell", "took"). Results are reported in the past; general facts in the present.
     */
    static boolean presentTenseOnly(Sentence s) {
        boolean present = false;
        List<Token> tokens = s.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            String word = t.text().toLowerCase(Locale.ROOT);
            boolean verb = "VERB".equals(t.tag()) || "AUX".equals(t.tag());
            if (PAST_AUXILIARIES.contains(word) || verb && IRREGULAR_PAST.contains(word)) {
                return false;
            }
            if ("VERB".equals(t.tag()) && word.endsWith("ed")
                    && (i == 0 || !PERFECT_OR_PASSIVE.contains(tokens.get(i - 1).text().toLowerCase(Locale.ROOT)))) {
                return false;
            }
            if (PRESENT_AUXILIARIES.contains(word)
                    || "VERB".equals(t.tag()) && word.endsWith("s") && !word.endsWith("ss")) {
                present = true;
            }
        }
        return present;
    }

    /**
     * Whether a reporting phrase occurs other than in a passive after a modal ("fragments that could be identified"),
     * which says what can be done, not what the study found.
     */
    private boolean reports(String text) {
        for (PhraseMatcher.Hit hit : cues.reporting.all(text)) {
            String before = text.substring(0, hit.start());
            // "an imaging method, which shows where …", "snippets previously shown to …": a description, not a report.
            if (!PASSIVE_BE.matcher(before).find() && !DESCRIPTIVE_REPORT.matcher(before).find()) {
                return true;
            }
        }
        return false;
    }

    /** Whether a reporting verb ("showed") comes before the first hedge of the sentence. */
    private boolean reportsBeforeHedging(String text) {
        List<PhraseMatcher.Hit> reports = cues.reporting.all(text);
        List<PhraseMatcher.Hit> hedges = cues.hedges.all(text);
        return !reports.isEmpty() && !hedges.isEmpty() && reports.get(0).start() < hedges.get(0).start()
                && text.substring(reports.get(0).end(), hedges.get(0).start()).contains(",");
    }

    /** A sentence in the writer's own voice ("I have a confession"), outside any quotation. */
    private boolean personalAside(String text) {
        return text.indexOf('"') < 0 && FIRST_PERSON.matcher(text).find() && !cues.reporting.in(text);
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

    /** A condition and something else named with it ("a virus that causes a cancer"): a fact about a disease. */
    private static boolean namesConditionAmongOthers(List<Lexicon.Match> matches) {
        return matches.stream().anyMatch(m -> m.entry().type() == ConceptType.CONDITION)
                && matches.stream().map(m -> m.entry().name()).distinct().count() >= 2;
    }

    private static long distinctLexiconConcepts(List<Lexicon.Match> matches) {
        return matches.stream().map(Lexicon.Match::entry).filter(e -> e.type() != ConceptType.ORGANISM)
                .map(Lexicon.Entry::name).distinct().count();
    }
}
