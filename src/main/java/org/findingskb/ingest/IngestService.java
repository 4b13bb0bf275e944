package org.findingskb.ingest;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.findingskb.concept.Concept;
import org.findingskb.concept.ConceptService;
import org.findingskb.concept.Synonym;
import org.findingskb.finding.Finding;
import org.findingskb.finding.FindingRepository;
import org.findingskb.mechanism.Mechanism;
import org.findingskb.mechanism.MechanismRepository;
import org.findingskb.source.SourceDocument;
import org.findingskb.source.SourceRepository;
import org.findingskb.study.Researcher;
import org.findingskb.study.Study;
import org.findingskb.study.StudyRepository;

/** Turns the text of an article into a source, a study, its findings and mechanisms, in one transaction. */
@Service
public class IngestService {

    private static final int MAX_SLUG_LENGTH = 80;

    private final ArticleAnalyzer analyzer;
    private final SourceRepository sources;
    private final StudyRepository studies;
    private final FindingRepository findings;
    private final MechanismRepository mechanisms;
    private final ConceptService concepts;

    IngestService(ArticleAnalyzer analyzer, SourceRepository sources, StudyRepository studies,
            FindingRepository findings, MechanismRepository mechanisms, ConceptService concepts) {
        this.analyzer = analyzer;
        this.sources = sources;
        this.studies = studies;
        this.findings = findings;
        this.mechanisms = mechanisms;
        this.concepts = concepts;
    }

    /**
     * Ingests {@code rawText} unless the same text (after normalising whitespace and line endings) is stored
     * already, in which case the stored source is returned unchanged.
     */
    @Transactional
    public IngestOutcome ingest(String rawText, SourceOverrides overrides) {
        String text = TextNormalizer.normalize(rawText);
        Optional<SourceDocument> known = sources.findBySha256(SourceDocument.sha256Of(text));
        if (known.isPresent()) {
            SourceDocument source = known.get();
            Long studyId = studies.findFirstBySourceIdOrderById(source.getId()).map(Study::getId).orElse(null);
            return new IngestOutcome(false, source.getId(), studyId,
                    studyId == null ? 0 : findings.countInStudy(studyId),
                    studyId == null ? 0 : mechanisms.countInStudy(studyId), List.of(), source.getTitle());
        }

        ArticleAnalysis analysis = analyzer.analyze(text);
        ArticleMetadata meta = analysis.metadata();
        String title = firstNonNull(overrides.title(), meta.title(), "Untitled source");
        SourceDocument source = sources.save(new SourceDocument(text, title,
                firstNonNull(overrides.publisher(), meta.publisher()), overrides.url(),
                firstNonNull(overrides.publishedYear(), meta.publishedYear())));

        Map<String, Concept> resolved = new HashMap<>();
        Study study = new Study(uniqueSlug(title), title, source);
        study.describe(meta.institution(), meta.journal(), null, meta.doi(), meta.population());
        // Lead first, then senior, authors and those only quoted: the order a citation names them in.
        study.replaceResearchers(meta.researchers().stream()
                .sorted(Comparator.comparing(ExtractedResearcher::role))
                .map(r -> new Researcher(r.name(), r.role(), r.description())).toList());
        study.replaceInterventions(resolveAll(meta.interventions(), resolved));
        study.replaceConditions(resolveAll(meta.conditions(), resolved));
        studies.save(study);

        List<Finding> saved = new ArrayList<>();
        for (ExtractedFinding extracted : analysis.findings()) {
            Finding finding = Finding.extracted(study, saved.size(), extracted.statement(), extracted.kind(),
                    extracted.timescale(), extracted.certainty(), Math.round(extracted.confidence() * 100) / 100.0);
            finding.addEvidence(source, extracted.evidence().start(), extracted.evidence().end());
            finding.tag(resolveAll(extracted.concepts(), resolved));
            saved.add(finding);
        }
        findings.saveAll(saved);

        for (ExtractedMechanism extracted : analysis.mechanisms()) {
            Mechanism mechanism = new Mechanism(study, extracted.name(), extracted.timescale(), extracted.onset(),
                    extracted.description());
            mechanism.involve(resolveAll(extracted.brainRegions(), resolved), resolveAll(extracted.pathways(), resolved),
                    resolveAll(extracted.cellTypes(), resolved), resolveAll(extracted.interventions(), resolved));
            extracted.findingIndexes().forEach(i -> mechanism.supportedBy(saved.get(i)));
            mechanisms.save(mechanism);
        }
        return new IngestOutcome(true, source.getId(), study.getId(), saved.size(), analysis.mechanisms().size(),
                analysis.warnings(), title);
    }

    private List<Concept> resolveAll(List<ConceptCandidate> candidates, Map<String, Concept> resolved) {
        return candidates.stream().map(c -> resolved.computeIfAbsent(Synonym.keyOf(c.name()),
                key -> concepts.resolve(c.name(), c.type(), c.meshId(), c.synonyms()))).distinct().toList();
    }

    /** A readable, unique, URL-safe name for the study, from its title. */
    private String uniqueSlug(String title) {
        String base = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (base.length() > MAX_SLUG_LENGTH) {
            int cut = base.lastIndexOf('-', MAX_SLUG_LENGTH);
            base = base.substring(0, cut > 0 ? cut : MAX_SLUG_LENGTH);
        }
        // A slug never looks like an id, so /api/studies/{idOrSlug} stays unambiguous.
        if (base.isEmpty() || base.chars().allMatch(Character::isDigit)) {
            base = "study-" + base;
        }
        String slug = base;
        for (int n = 2; studies.existsBySlug(slug); n++) {
            slug = base + "-" + n;
        }
        return slug;
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
