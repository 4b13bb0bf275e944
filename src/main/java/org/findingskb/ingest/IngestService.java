package org.findingskb.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import org.findingskb.concept.Concept;
import org.findingskb.concept.ConceptService;
import org.findingskb.concept.Synonym;
import org.findingskb.finding.EvidenceSpan;
import org.findingskb.finding.Finding;
import org.findingskb.finding.FindingEffect;
import org.findingskb.finding.ReportedBy;
import org.findingskb.finding.FindingRepository;
import org.findingskb.mechanism.Mechanism;
import org.findingskb.mechanism.MechanismRepository;
import org.findingskb.shared.KbProperties;
import org.findingskb.source.SourceDocument;
import org.findingskb.source.SourceRepository;
import org.findingskb.study.Researcher;
import org.findingskb.study.Study;
import org.findingskb.study.StudyDesign;
import org.findingskb.study.StudyRepository;
import org.findingskb.study.StudySlugs;
import org.findingskb.suggestion.LinkProposals;

/** Turns the text of an article into a source, a study, its findings and mechanisms, in one transaction. */
@Service
public class IngestService {

    /** The longest article text accepted, in characters. */
    public static final int MAX_TEXT_LENGTH = 200_000;
    /** The least an article must have, unless forced: fewer characters or sentences is a fragment, not an article. */
    public static final int MIN_LENGTH = 300;
    public static final int MIN_SENTENCES = 3;
    private static final int MAX_TITLE_LENGTH = 500;
    private static final int MAX_NAME_LENGTH = 300;
    private static final int MAX_ATTEMPTS = 5;
    private static final Logger log = LoggerFactory.getLogger(IngestService.class);

    private final ArticleAnalyzer analyzer;
    private final SourceRepository sources;
    private final StudyRepository studies;
    private final FindingRepository findings;
    private final MechanismRepository mechanisms;
    private final ConceptService concepts;
    private final TransactionTemplate transactions;
    private final StudySlugs slugs;
    private final MeterRegistry meters;
    private final LinkProposals proposals;
    private final double reviewThreshold;

    IngestService(@Lazy ArticleAnalyzer analyzer, SourceRepository sources, StudyRepository studies,
            FindingRepository findings, MechanismRepository mechanisms, ConceptService concepts,
            TransactionTemplate transactions, StudySlugs slugs, MeterRegistry meters, LinkProposals proposals,
            KbProperties properties) {
        this.proposals = proposals;
        this.reviewThreshold = properties.ingest().reviewThreshold();
        this.meters = meters;
        this.transactions = transactions;
        this.slugs = slugs;
        this.analyzer = analyzer;
        this.sources = sources;
        this.studies = studies;
        this.findings = findings;
        this.mechanisms = mechanisms;
        this.concepts = concepts;
    }

    /** Ingests {@code rawText} however short it is: for the bundled articles, which are known to be whole. */
    public IngestOutcome ingest(String rawText, SourceOverrides overrides) {
        return ingest(rawText, overrides, true);
    }

    /**
     * Ingests {@code rawText} unless the same text (after normalising whitespace and line endings) is stored
     * already, in which case the stored source is returned unchanged, with a warning if the metadata sent differs
     * from the stored. A new text below the minimum ({@link #MIN_LENGTH} characters, {@link #MIN_SENTENCES}
     * sentences besides its title) is refused unless {@code force}. The article is read outside any
     * transaction and stored in one: a failure leaves nothing half-written. Two ingests racing to create the
     * same source or concept, or enriching the same concept, settle it by retrying: the loser finds what the winner stored.
     */
    public IngestOutcome ingest(String rawText, SourceOverrides overrides, boolean force) {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "failed";
        try {
            IngestOutcome result = ingestTimed(rawText, overrides, force);
            outcome = result.created() ? "created" : "existing";
            if (result.created()) {
                meters.counter("kb.ingest.findings").increment(result.findings());
            }
            return result;
        } finally {
            sample.stop(meters.timer("kb.ingest", "outcome", outcome));
        }
    }

    private IngestOutcome ingestTimed(String rawText, SourceOverrides overrides, boolean force) {
        if (rawText == null || rawText.isBlank()) {
            throw InvalidSource.empty();
        }
        if (rawText.length() > MAX_TEXT_LENGTH) {
            throw SourceTooLarge.withLength(rawText.length(), MAX_TEXT_LENGTH);
        }
        String text = TextNormalizer.normalize(rawText);
        String sha256 = SourceDocument.sha256Of(text);
        Optional<IngestOutcome> stored = transactions.execute(status -> existing(sha256, overrides));
        if (stored.isPresent()) {
            return stored.get();
        }
        // Checked after the lookup, so that a text once forced in is found again without force.
        if (!force && text.length() < MIN_LENGTH) {
            throw SourceTooShort.withLength(text.length());
        }
        ArticleAnalysis analysis = analyzer.analyze(text);
        if (!force && analysis.bodySentences() < MIN_SENTENCES) {
            throw SourceTooShort.withSentences(analysis.bodySentences());
        }
        for (int attempt = 1; ; attempt++) {
            try {
                int current = attempt;
                return transactions.execute(status -> existing(sha256, overrides)
                        .orElseGet(() -> store(text, analysis, overrides, current)));
            } catch (DataIntegrityViolationException | ConcurrencyFailureException e) {
                // A unique key taken meanwhile, or a concept enriched by another ingest (optimistic lock) or a
                // deadlock on PostgreSQL: the whole transaction rolled back, so reading again settles it.
                if (attempt == MAX_ATTEMPTS) {
                    throw e;
                }
                log.debug("Ingest collided with a concurrent write (attempt {}); retrying", attempt, e);
            }
        }
    }

    private Optional<IngestOutcome> existing(String sha256, SourceOverrides overrides) {
        return sources.findBySha256(sha256).map(source -> {
            Long studyId = studies.findFirstBySourceIdOrderById(source.getId()).map(Study::getId).orElse(null);
            List<String> differing = overrides.differingFrom(source);
            // Metadata sent with a known text is not applied: said so, never silently dropped.
            List<String> warnings = differing.isEmpty() ? List.of() : List.of("This text is stored already as source "
                    + source.getId() + " and was left as stored, although the request differs in: "
                    + String.join(", ", differing) + ". Correct the source with PATCH /api/sources/" + source.getId() + ".");
            return new IngestOutcome(false, source.getId(), studyId,
                    studyId == null ? 0 : findings.countInStudy(studyId),
                    studyId == null ? 0 : mechanisms.countInStudy(studyId), warnings, source.getTitle());
        });
    }

    private IngestOutcome store(String text, ArticleAnalysis analysis, SourceOverrides overrides, int attempt) {
        ArticleMetadata meta = analysis.metadata();
        String title = shortened(firstNonNull(blankToNull(overrides.title()), meta.title(), "Untitled source"),
                MAX_TITLE_LENGTH);
        SourceDocument source = sources.save(new SourceDocument(text, title,
                clamp(firstNonNull(blankToNull(overrides.publisher()), meta.publisher()), 300),
                blankToNull(overrides.url()), firstNonNull(overrides.publishedYear(), meta.publishedYear())));

        Map<String, Concept> resolved = new HashMap<>();
        Study study = new Study(slugs.uniqueFor(title, attempt), title, source);
        study.describe(clamp(meta.institution(), 500), clamp(meta.journal(), 500), null, clamp(meta.doi(), 255),
                clamp(meta.population(), 500));
        study.describeDesign(designOf(analysis));
        // Lead first, then senior, authors and those only quoted: the order a citation names them in.
        study.replaceResearchers(meta.researchers().stream()
                .sorted(Comparator.comparing(ExtractedResearcher::role))
                .map(r -> new Researcher(clamp(r.name(), 300), r.role(), clamp(r.description(), 1000))).toList());
        study.replaceInterventions(resolveAll(meta.interventions(), resolved));
        study.replaceConditions(resolveAll(meta.conditions(), resolved));
        studies.save(study);

        List<Finding> saved = new ArrayList<>();
        for (ExtractedFinding extracted : analysis.findings()) {
            // The confidence as served decides the review, so a finding shown at the threshold is never flagged.
            double confidence = Math.round(extracted.confidence() * 100) / 100.0;
            Finding finding = Finding.extracted(study, saved.size(), extracted.statement(), extracted.kind(),
                    extracted.timescale(), extracted.certainty(), confidence);
            if (extracted.by() != null) {
                finding.attributeTo(ReportedBy.valueOf(extracted.by().name()));
            }
            if (confidence < reviewThreshold) {
                finding.flagForReview();
            }
            finding.addEvidence(source, extracted.evidence().start(), extracted.evidence().end());
            finding.tag(resolveAll(extracted.concepts(), resolved));
            finding.stateEffects(effectsOf(extracted, source, resolved));
            saved.add(finding);
        }
        findings.saveAll(saved);

        for (ExtractedMechanism extracted : analysis.mechanisms()) {
            Mechanism mechanism = new Mechanism(study, clamp(extracted.name(), 500), extracted.timescale(),
                    clamp(extracted.onset(), 300), extracted.description());
            mechanism.involve(resolveAll(extracted.brainRegions(), resolved), resolveAll(extracted.pathways(), resolved),
                    resolveAll(extracted.cellTypes(), resolved), resolveAll(extracted.interventions(), resolved));
            mechanisms.save(mechanism);
            extracted.findingIndexes().forEach(i -> saved.get(i).supports(mechanism));
        }
        // Flushed here, through the repository, so that a conflict with a concurrent ingest (same text, same slug)
        // surfaces as a DataIntegrityViolationException inside the retry loop, not inside a later query's auto-flush.
        sources.flush();
        // In the same transaction: an ingest that fails leaves no suggestion pointing at what it did not store.
        proposals.proposeFrom(saved);
        sources.flush();
        return new IngestOutcome(true, source.getId(), study.getId(), saved.size(), analysis.mechanisms().size(),
                analysis.warnings(), title);
    }

    /** The effects read in the finding's sentence, their concepts resolved as the finding's are. */
    private List<FindingEffect.Effect> effectsOf(ExtractedFinding extracted, SourceDocument source,
            Map<String, Concept> resolved) {
        List<FindingEffect.Effect> result = new ArrayList<>();
        for (ExtractedEffect e : extracted.effects()) {
            List<Concept> subject = resolveAll(List.of(e.subject()), resolved);
            List<Concept> object = resolveAll(List.of(e.object()), resolved);
            if (!subject.isEmpty() && !object.isEmpty()) {
                result.add(new FindingEffect.Effect(subject.get(0), e.direction(), object.get(0),
                        EvidenceSpan.of(source, e.evidence().start(), e.evidence().end())));
            }
        }
        return result;
    }

    /** The design as read, a value too long for its column left out rather than cut (it would no longer quote). */
    private static StudyDesign designOf(ArticleAnalysis analysis) {
        ExtractedDesign d = analysis.design();
        StudyDesign full = d.toStudyDesign(analysis.text());
        return new StudyDesign(full.type(), full.sampleSize(), fits(full.comparator()), fits(full.duration()),
                fits(full.intervention()), full.typeQuote(), full.sampleSizeQuote(), full.comparatorQuote(),
                full.durationQuote(), full.interventionQuote());
    }

    private static String fits(String value) {
        return value != null && value.length() <= StudyDesign.MAX_TEXT_LENGTH ? value : null;
    }

    private List<Concept> resolveAll(List<ConceptCandidate> candidates, Map<String, Concept> resolved) {
        // A "concept" longer than a name can be is a misreading of the text; it is left out.
        return candidates.stream().filter(c -> c.name().length() <= MAX_NAME_LENGTH).map(c -> resolved.computeIfAbsent(Synonym.keyOf(c.name()),
                key -> concepts.resolve(c.name(), c.type(), c.meshId(), c.synonyms()))).distinct().toList();
    }

    /** Extracted text fitted to its column: the pipeline may read more than a field can hold. */
    private static String clamp(String text, int max) {
        return text == null ? null : shortened(text, max);
    }

    /** {@code text} cut at a word boundary to at most {@code max} characters, marked with an ellipsis if cut. */
    private static String shortened(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int cut = text.lastIndexOf(' ', max - 1);
        return text.substring(0, cut > max / 2 ? cut : max - 1).strip() + "\u2026";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
