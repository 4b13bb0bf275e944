package org.findingskb.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import org.findingskb.concept.Concept;
import org.findingskb.concept.ConceptService;
import org.findingskb.finding.EvidenceSpan;
import org.findingskb.finding.Finding;
import org.findingskb.finding.FindingEffect;
import org.findingskb.finding.FindingRepository;
import org.findingskb.shared.KnowledgeBaseChanges;
import org.findingskb.source.SourceDocument;
import org.findingskb.source.SourceRepository;
import org.findingskb.study.StudyDesign;
import org.findingskb.suggestion.SuggestionBackfill;

/**
 * Reads the effects of findings stored before the knowledge base kept effects: the migration that added them
 * listed every finding then stored in {@code finding_effect_pending}. Runs after start-up on a thread of its own,
 * a batch per transaction, each batch leaving the list as it is done: a restart goes on where it stopped. Then,
 * the effects read, the links of studies stored before suggestions existed are proposed.
 */
@Component
class EffectBackfill {

    private static final Logger log = LoggerFactory.getLogger(EffectBackfill.class);
    private static final int BATCH = 200;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final FindingRepository findings;
    private final SourceRepository sources;
    private final ArticleAnalyzer analyzer;
    private final ConceptService concepts;
    private final SuggestionBackfill suggestions;

    EffectBackfill(JdbcTemplate jdbc, TransactionTemplate transactions, FindingRepository findings,
            SourceRepository sources, ArticleAnalyzer analyzer, ConceptService concepts, SuggestionBackfill suggestions) {
        this.suggestions = suggestions;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.findings = findings;
        this.sources = sources;
        this.analyzer = analyzer;
        this.concepts = concepts;
    }

    @EventListener(ApplicationReadyEvent.class)
    void startInBackground() {
        Thread thread = new Thread(() -> {
            try {
                int done = run();
                if (done > 0) {
                    log.info("Read the effects of {} findings stored before effects were kept", done);
                }
                int suggested = suggestions.run();
                if (suggested > 0) {
                    log.info("Suggested {} links between findings of studies stored before links were suggested", suggested);
                }
            } catch (RuntimeException e) {
                log.warn("Reading the effects of stored findings or suggesting their links stopped; it goes on at the"
                        + " next start", e);
            }
        }, "effect-backfill");
        thread.setDaemon(true);
        thread.start();
    }

    /** Reads every pending finding's effects; the number of findings read. */
    int run() {
        int total = 0;
        while (true) {
            List<Long> ids = jdbc.queryForList(
                    "select finding_id from finding_effect_pending order by finding_id fetch first " + BATCH + " rows only",
                    Long.class);
            if (ids.isEmpty()) {
                return total;
            }
            transactions.executeWithoutResult(status -> {
                findings.findAllById(ids).forEach(this::readEffects);
                jdbc.batchUpdate("delete from finding_effect_pending where finding_id = ?",
                        ids.stream().map(id -> new Object[] {id}).toList());
            });
            KnowledgeBaseChanges.changed();
            total += ids.size();
        }
    }

    private void readEffects(Finding finding) {
        if (!EffectReader.STATING_KINDS.contains(finding.getKind()) || finding.getEvidence().isEmpty()
                || !finding.getEffects().isEmpty()) {
            return;
        }
        EvidenceSpan span = finding.getEvidence().get(0);
        Map<String, Concept> byName = new HashMap<>();
        List<ConceptCandidate> tagged = candidates(finding.getConcepts(), byName);
        List<ConceptCandidate> interventions = candidates(finding.getStudy().getInterventions(), byName);
        List<ConceptCandidate> conditions = candidates(finding.getStudy().getConditions(), byName);
        StudyDesign design = finding.getStudy().getDesign();
        List<ExtractedEffect> read = analyzer.effectsIn(span.exact(), span.start(), tagged, interventions,
                design == null ? null : design.intervention(), conditions);
        if (read.isEmpty()) {
            return;
        }
        SourceDocument source = sources.findById(span.sourceId()).orElse(null);
        if (source == null) {
            return;
        }
        List<FindingEffect.Effect> effects = new ArrayList<>();
        for (ExtractedEffect e : read) {
            // A phrase the model names is a concept as at ingest; a tagged one is the stored concept.
            effects.add(new FindingEffect.Effect(concept(e.subject(), byName), e.direction(), concept(e.object(), byName),
                    EvidenceSpan.of(source, e.evidence().start(), e.evidence().end())));
        }
        finding.stateEffects(effects);
    }

    private Concept concept(ConceptCandidate candidate, Map<String, Concept> byName) {
        return byName.computeIfAbsent(candidate.name(), name -> concepts.resolve(name, candidate.type(),
                candidate.meshId(), candidate.synonyms()));
    }

    private static List<ConceptCandidate> candidates(List<Concept> concepts, Map<String, Concept> byName) {
        List<ConceptCandidate> result = new ArrayList<>();
        for (Concept c : concepts) {
            byName.put(c.getName(), c);
            result.add(new ConceptCandidate(c.getName(), c.getType(), c.getMeshId(), c.getSynonyms()));
        }
        return result;
    }
}
