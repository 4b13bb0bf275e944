package org.findingskb.suggestion;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.findingskb.concept.Concept;
import org.findingskb.concept.ConceptType;
import org.findingskb.finding.EffectDirection;
import org.findingskb.finding.Finding;
import org.findingskb.finding.FindingEffect;
import org.findingskb.finding.LinkType;
import org.findingskb.finding.ReviewStatus;
import org.findingskb.shared.KbProperties;

/**
 * Proposes links from new findings to findings of other studies, by what their effects say: the same effect
 * (subject, direction, object) supports, the opposite direction contradicts, and a shared subject or object with
 * a compatible direction extends. Concepts are compared by id, so synonyms, resolved to one concept at ingest,
 * match. Work is bounded: so many candidates per effect, suggestions per finding and per call
 * ({@code kb.suggestions}).
 */
@Service
@Transactional
public class LinkProposals {

    /** Findings a curator rejected or retracted say nothing across studies. */
    private static final Set<ReviewStatus> VISIBLE = Set.of(ReviewStatus.UNREVIEWED, ReviewStatus.ACCEPTED);

    /** How sure each kind of match is; the words two statements share add at most {@link #WORDS_WEIGHT}. */
    static final double SAME_EFFECT = 0.9;
    static final double OPPOSITE_EFFECT = 0.8;
    static final double SAME_EFFECT_OF_A_KINDRED_SUBJECT = 0.7;
    static final double SAME_CONCEPTS = 0.5;
    static final double SHARED_CONCEPT = 0.4;
    static final double WORDS_WEIGHT = 0.09;
    /** Words shorter than this ("the", "and", "in") say nothing about what two statements share. */
    private static final int MIN_WORD_LENGTH = 4;
    private static final Set<ConceptType> DRUGS = Set.of(ConceptType.DRUG, ConceptType.DRUG_CLASS);

    private final EntityManager entityManager;
    private final LinkSuggestionRepository suggestions;
    private final KbProperties.Suggestions limits;

    LinkProposals(EntityManager entityManager, LinkSuggestionRepository suggestions, KbProperties properties) {
        this.entityManager = entityManager;
        this.suggestions = suggestions;
        this.limits = properties.suggestions();
    }

    /**
     * Stores suggestions from {@code findings}, all of one study, to findings of other studies: at most
     * {@code kb.suggestions.per-finding} from each, the best first, and {@code kb.suggestions.per-ingest} in all,
     * none for a pair of findings already linked or suggested either way. The number stored.
     */
    public int proposeFrom(Collection<Finding> findings) {
        List<Finding> stating = findings.stream()
                .filter(f -> f.getId() != null && VISIBLE.contains(f.getReviewStatus()) && !f.getEffects().isEmpty())
                .toList();
        if (stating.isEmpty() || limits.perIngest() == 0 || limits.perFinding() == 0) {
            return 0;
        }
        Set<String> taken = pairsTaken(stating.stream().map(Finding::getId).toList());
        int stored = 0;
        for (Finding finding : stating) {
            Map<Long, Proposal> best = new HashMap<>();
            for (FindingEffect effect : finding.getEffects()) {
                for (FindingEffect other : candidates(finding, effect)) {
                    Proposal proposal = judge(finding, effect, other);
                    if (proposal != null && !taken.contains(pair(finding.getId(), other.getFinding().getId()))) {
                        best.merge(other.getFinding().getId(), proposal, (a, b) -> a.score() >= b.score() ? a : b);
                    }
                }
            }
            List<Proposal> chosen = best.values().stream()
                    .sorted(Comparator.comparingDouble(Proposal::score).reversed()
                            .thenComparing(p -> p.to().getId()))
                    .limit(limits.perFinding()).toList();
            for (Proposal p : chosen) {
                suggestions.save(new LinkSuggestion(finding, p.to(), p.type(), p.score(), p.reason()));
                taken.add(pair(finding.getId(), p.to().getId()));
                if (++stored == limits.perIngest()) {
                    return stored;
                }
            }
        }
        return stored;
    }

    /** Effects of findings of other studies that share this effect's subject or object, newest first, bounded. */
    private List<FindingEffect> candidates(Finding finding, FindingEffect effect) {
        // One query per effect of every new finding: the statuses are single parameters, not a list, so Hibernate
        // keeps the query's translation (it translates a list parameter's query again each time), and nothing is
        // flushed first, as the ingest's own unsaved rows are of the excluded study.
        return entityManager.createQuery("""
                        select g from FindingEffect g join fetch g.finding f join fetch g.subject join fetch g.object
                        where f.study.id <> :study and (f.reviewStatus = :visible1 or f.reviewStatus = :visible2)
                          and (g.subject.id = :subject or g.object.id = :object)
                        order by g.id desc""", FindingEffect.class)
                .setFlushMode(FlushModeType.COMMIT)
                .setParameter("study", finding.getStudy().getId())
                .setParameter("visible1", ReviewStatus.UNREVIEWED).setParameter("visible2", ReviewStatus.ACCEPTED)
                .setParameter("subject", effect.getSubject().getId()).setParameter("object", effect.getObject().getId())
                .setMaxResults(limits.candidates()).getResultList();
    }

    /** The pairs of findings, either way round, that already have a link or a suggestion. */
    private Set<String> pairsTaken(List<Long> ids) {
        Set<String> taken = new HashSet<>();
        for (String table : List.of("finding_link", "link_suggestion")) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entityManager.createNativeQuery("select from_finding_id, to_finding_id from " + table
                    + " where from_finding_id in (:ids) or to_finding_id in (:ids)").setParameter("ids", ids).getResultList();
            rows.forEach(r -> taken.add(pair(((Number) r[0]).longValue(), ((Number) r[1]).longValue())));
        }
        return taken;
    }

    private static String pair(long a, long b) {
        return Math.min(a, b) + ":" + Math.max(a, b);
    }

    /** What one effect of a new finding and one of another study's finding suggest, or null for nothing. */
    static Proposal judge(Finding finding, FindingEffect mine, FindingEffect theirs) {
        Concept subject = mine.getSubject();
        Concept object = mine.getObject();
        EffectDirection d1 = mine.getDirection();
        EffectDirection d2 = theirs.getDirection();
        boolean sameSubject = subject.getId().equals(theirs.getSubject().getId());
        boolean sameObject = object.getId().equals(theirs.getObject().getId());
        Finding other = theirs.getFinding();
        if (sameSubject && sameObject) {
            if (d1 == d2) {
                return proposal(finding, other, LinkType.SUPPORTS, SAME_EFFECT,
                        "both report that " + effect(subject, d1, object.getName()));
            }
            if (opposite(d1, d2)) {
                return proposal(finding, other, LinkType.CONTRADICTS, OPPOSITE_EFFECT,
                        "one reports that " + effect(subject, d1, object.getName()) + ", the other that it "
                                + verb(d2) + " it");
            }
            return proposal(finding, other, LinkType.EXTENDS, SAME_CONCEPTS, "both relate " + subject.getName()
                    + " and " + object.getName() + ": one says it " + verb(d1) + " it, the other that it " + verb(d2) + " it");
        }
        if (sameObject && d1 == d2 && d1 != EffectDirection.ASSOCIATED
                && kindred(subject.getType(), theirs.getSubject().getType())) {
            return proposal(finding, other, LinkType.SUPPORTS, SAME_EFFECT_OF_A_KINDRED_SUBJECT,
                    "both report that " + kind(subject) + " " + verb(d1) + " " + object.getName() + ": "
                            + subject.getName() + " in one, " + theirs.getSubject().getName() + " in the other");
        }
        if ((sameSubject || sameObject) && compatible(d1, d2)) {
            String reason = sameSubject
                    ? "both report what " + subject.getName() + " does: it " + verb(d1) + " " + object.getName()
                            + " in one, " + verb(d2) + " " + theirs.getObject().getName() + " in the other"
                    : "both report what acts on " + object.getName() + ": " + subject.getName() + " " + verb(d1)
                            + " it in one, " + theirs.getSubject().getName() + " " + verb(d2) + " it in the other";
            return proposal(finding, other, LinkType.EXTENDS, SHARED_CONCEPT, reason);
        }
        return null;
    }

    /** A proposal of {@code type}, its score raised by the words the statements share: counted only for a match. */
    private static Proposal proposal(Finding finding, Finding other, LinkType type, double match, String reason) {
        return new Proposal(other, type, match + WORDS_WEIGHT * wordOverlap(finding.getStatement(), other.getStatement()),
                reason);
    }

    /** A rise against a fall, or either against no effect at all. */
    static boolean opposite(EffectDirection a, EffectDirection b) {
        return a == EffectDirection.INCREASES && b == EffectDirection.DECREASES
                || a == EffectDirection.DECREASES && b == EffectDirection.INCREASES
                || a == EffectDirection.NO_EFFECT && (b == EffectDirection.INCREASES || b == EffectDirection.DECREASES)
                || b == EffectDirection.NO_EFFECT && (a == EffectDirection.INCREASES || a == EffectDirection.DECREASES);
    }

    /** The same direction, or an association, which neither direction denies. */
    static boolean compatible(EffectDirection a, EffectDirection b) {
        return a == b || (a == EffectDirection.ASSOCIATED && b != EffectDirection.NO_EFFECT)
                || (b == EffectDirection.ASSOCIATED && a != EffectDirection.NO_EFFECT);
    }

    /**
     * Subjects of one kind: of one type, or a drug and a class of drugs (which a drug may belong to). A concept of no
     * type (a phrase an effect names) is of no known kind.
     */
    static boolean kindred(ConceptType a, ConceptType b) {
        return a != null && b != null && (a == b || DRUGS.contains(a) && DRUGS.contains(b));
    }

    private static String effect(Concept subject, EffectDirection direction, String object) {
        return subject.getName() + " " + verb(direction) + " " + object;
    }

    private static String verb(EffectDirection direction) {
        return switch (direction) {
            case INCREASES -> "increases";
            case DECREASES -> "decreases";
            case NO_EFFECT -> "has no effect on";
            case ASSOCIATED -> "goes with";
        };
    }

    /** What a subject is, said plainly: "a drug", "a cell type". */
    private static String kind(Concept concept) {
        if (DRUGS.contains(concept.getType())) {
            return "a drug";
        }
        String words = concept.getType().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return ("aeiou".indexOf(words.charAt(0)) >= 0 ? "an " : "a ") + words;
    }

    /** The share of the longer words of two statements that both use (Jaccard), 0 to 1. */
    static double wordOverlap(String a, String b) {
        Set<String> first = words(a);
        Set<String> second = words(b);
        if (first.isEmpty() || second.isEmpty()) {
            return 0;
        }
        Set<String> union = new HashSet<>(first);
        union.addAll(second);
        first.retainAll(second);
        return (double) first.size() / union.size();
    }

    private static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.length() >= MIN_WORD_LENGTH) {
                words.add(word);
            }
        }
        return words;
    }

    /** A link proposed to {@code to}, of a type, with its score (rounded to hundredths) and the reason. */
    record Proposal(Finding to, LinkType type, double score, String reason) {

        Proposal {
            score = Math.min(1.0, Math.round(score * 100) / 100.0);
        }
    }
}
