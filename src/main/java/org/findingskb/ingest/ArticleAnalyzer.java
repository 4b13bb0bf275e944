package org.findingskb.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.findingskb.concept.ConceptType;
import org.findingskb.finding.FindingKind;

/**
 * Reads one news article about a study: its metadata, the sentences that report findings (each tied to its exact
 * span), the concepts they name and the mechanisms they describe. Thread-safe: models and cue lists are shared
 * and read-only; OpenNLP's stateful tools are per thread. Not final: the ingest service holds a lazy proxy of it,
 * so that its models load on first use (see IngestConfiguration).
 */
public class ArticleAnalyzer {

    /** Fewer findings than this is worth a warning: the article may not be about a study. */
    private static final int FEW_FINDINGS = 3;

    private final Cues cues;
    private final TextSegmenter segmenter;
    private final BoilerplateDetector boilerplate;
    private final MetadataExtractor metadata;
    private final ResearcherExtractor researchers;
    private final ConceptTagger concepts;
    private final FindingClassifier classifier;
    private final MechanismBuilder mechanisms;
    private final SentenceFeatures features;
    private final SentenceModel model;
    private final DesignReader design;
    private final MetadataCandidates metadataCandidates;
    /** The learned metadata ranker; {@code null} where none is bundled (the rules' metadata stands). */
    private final MetadataRanker metadataRanker;
    private final EffectReader effects = EffectReader.fromClasspath();

    ArticleAnalyzer(NlpModels models, Cues cues, Lexicon lexicon, SentenceModel model) {
        this.cues = cues;
        this.segmenter = new TextSegmenter(models, cues);
        this.boilerplate = new BoilerplateDetector(cues);
        this.metadata = new MetadataExtractor(cues);
        this.researchers = new ResearcherExtractor(cues);
        this.concepts = new ConceptTagger(cues, lexicon);
        this.classifier = new FindingClassifier(cues);
        this.mechanisms = new MechanismBuilder(cues, classifier, lexicon);
        this.features = new SentenceFeatures(cues, classifier);
        this.model = model;
        this.design = new DesignReader(cues, DesignCues.fromClasspath(), DesignTypeModel.fromClasspath().orElse(null));
        this.metadataCandidates = new MetadataCandidates(cues, metadata, researchers);
        this.metadataRanker = MetadataRanker.fromClasspath().orElse(null);
    }

    /**
     * Loads the OpenNLP models, cue lists, lexicon and the trained sentence model from the classpath (a few hundred
     * milliseconds).
     */
    public static ArticleAnalyzer withDefaultResources() {
        return withDefaultResources(SentenceModel.fromClasspath().orElse(null));
    }

    /** The default resources with another sentence model ({@code null}: the rules decide). */
    static ArticleAnalyzer withDefaultResources(SentenceModel model) {
        NlpModels models = NlpModels.fromClasspath();
        Cues cues = Cues.fromClasspath();
        return new ArticleAnalyzer(models, cues, Lexicon.fromClasspath(models, cues), model);
    }

    /** The effect reader, which the evaluation also runs on the sentences of the gold. */
    EffectReader effectReader() {
        return effects;
    }

    /**
     * The effects {@code text} states, a stored finding's evidence at {@code offset} of its source, its words tagged
     * afresh: what ingest would read of it with the same concepts, interventions and design intervention (may be null).
     */
    List<ExtractedEffect> effectsIn(String text, int offset, List<ConceptCandidate> concepts,
            List<ConceptCandidate> interventions, String designIntervention, List<ConceptCandidate> conditions) {
        List<Token> tokens = segmenter.segment(text).stream().flatMap(s -> s.tokens().stream())
                .map(t -> new Token(t.text(), t.start() + offset, t.end() + offset, t.tag(), t.key())).toList();
        return effects.read(text, offset, tokens, concepts, interventions, designIntervention, conditions);
    }

    /** The design reader, whose type model cross-validation replaces fold by fold. */
    DesignReader designReader() {
        return design;
    }

    /** The sentence model in use, {@code null} where the rules decide. */
    SentenceModel model() {
        return model;
    }

    /**
     * Analyses text already passed through {@link TextNormalizer#normalize(String)}; every span in the result
     * indexes into it.
     */
    public ArticleAnalysis analyze(String normalizedText) {
        return decide(read(normalizedText), model);
    }

    /**
     * Everything the pipeline reads before it decides which sentences are findings: sentences, their roles and
     * concepts, the metadata, the rules' decisions and each sentence's features. Cross-validation reads each
     * article once and decides it with models trained without it.
     */
    ArticleReading read(String normalizedText) {
        String text = normalizedText == null ? "" : normalizedText;
        List<Sentence> sentences = segmenter.segment(text);
        List<SentenceRole> roles = boilerplate.classify(sentences);

        List<ResearcherExtractor.Mention> mentions = researchers.mentions(sentences, roles);
        List<ExtractedResearcher> people = researchers.researchers(mentions);
        String institution = metadata.institution(sentences, roles, mentions, people);

        ConceptTagger.Tagging tagging = concepts.tag(sentences, roles, namesAsWords(people, institution));
        // A drug named once in passing is not the intervention; a condition named twice is studied.
        List<ConceptCandidate> interventions = concepts.studyConcepts(sentences, roles, tagging,
                Lexicon.Entry::interventionCapable, 2, false);
        List<ConceptCandidate> conditions = concepts.withBroader(concepts.studyConcepts(sentences, roles, tagging,
                e -> e.type() == ConceptType.CONDITION, 1, true), e -> e.type() == ConceptType.CONDITION);

        MetadataExtractor.Copyright source = metadata.source(text, sentences, roles);
        List<FindingClassifier.Classified> rules = classifier.classify(sentences, roles, tagging, source.year());

        ArticleMetadata meta = new ArticleMetadata(
                metadata.title(text, sentences, roles),
                source.publisher(),
                source.year(),
                institution,
                metadata.journal(text, sentences, roles),
                metadata.doi(text),
                metadata.population(sentences, roles, source.year()),
                people,
                interventions,
                conditions);
        if (metadataRanker != null) {
            meta = metadataRanker.apply(meta, metadataCandidates.read(sentences, roles, mentions, people,
                    source.year(), institution, source.publisher()));
        }
        List<SentenceFeatures.Vector> vectors = features.of(sentences, roles, tagging, mentions, people, rules);
        return new ArticleReading(text, sentences, roles, tagging, meta, rules, vectors);
    }

    /**
     * Decides which sentences are findings: with the sentence model where one is given, else by the rules alone
     * (kept for building the very first model).
     */
    ArticleAnalysis decide(ArticleReading reading, SentenceModel sentenceModel) {
        List<ExtractedFinding> findings = new ArrayList<>();
        // The findings that state a mechanism, whatever kind they were given: the builder reads them as such.
        Set<Integer> mechanismReadings = new HashSet<>();
        if (sentenceModel == null) {
            reading.rules().forEach(c -> findings.add(c.finding()));
        } else {
            for (Sentence s : reading.sentences()) {
                SentenceFeatures.Vector vector = reading.features().get(s.index());
                if (vector == null) {
                    continue;
                }
                SentenceModel.Prediction p = sentenceModel.predict(vector);
                if (p.isFinding()) {
                    if (p.mechanismProbability() >= MechanismBuilder.READING) {
                        mechanismReadings.add(findings.size());
                    }
                    findings.add(new ExtractedFinding(s.text(), p.kind(), p.timescale(), p.certainty(),
                            p.findingProbability(), s.span(), reading.tagging().of(s.index()), p.by()));
                }
            }
        }
        ArticleMetadata meta = reading.metadata();
        ExtractedDesign studyDesign = design.read(reading);
        findings.replaceAll(f -> withEffects(f, reading, meta.interventions(), studyDesign.intervention(),
                meta.conditions()));
        // Of kind MECHANISM, by the model or by the rules.
        for (int i = 0; i < findings.size(); i++) {
            if (findings.get(i).kind() == FindingKind.MECHANISM) {
                mechanismReadings.add(i);
            }
        }
        List<ExtractedMechanism> mechanismList = mechanisms.build(reading.text(), findings, mechanismReadings,
                meta.interventions());
        return new ArticleAnalysis(reading.text(), meta, findings, mechanismList,
                warnings(meta, findings, mechanismList), studyDesign,
                (int) reading.roles().stream().filter(role -> role == SentenceRole.BODY).count());
    }

    /** The metadata ranker's candidates in an article already read, for training and cross-validation. */
    MetadataCandidates.Article metadataCandidates(ArticleReading reading) {
        List<ResearcherExtractor.Mention> mentions = researchers.mentions(reading.sentences(), reading.roles());
        List<ExtractedResearcher> people = researchers.researchers(mentions);
        String institution = metadata.institution(reading.sentences(), reading.roles(), mentions, people);
        MetadataExtractor.Copyright source = metadata.source(reading.text(), reading.sentences(), reading.roles());
        return metadataCandidates.read(reading.sentences(), reading.roles(), mentions, people, source.year(),
                institution, source.publisher());
    }

    /** The finding with the effects its sentence states, for the kinds that state effects. */
    private ExtractedFinding withEffects(ExtractedFinding finding, ArticleReading reading,
            List<ConceptCandidate> interventions, String designIntervention, List<ConceptCandidate> conditions) {
        if (!EffectReader.STATING_KINDS.contains(finding.kind())) {
            return finding;
        }
        TextSpan evidence = finding.evidence();
        List<Token> tokens = reading.sentences().stream()
                .filter(s -> s.start() <= evidence.start() && evidence.start() < s.end())
                .findFirst().map(Sentence::tokens).orElse(List.of());
        return finding.withEffects(effects.read(evidence.of(reading.text()), evidence.start(), tokens,
                finding.concepts(), interventions, designIntervention, conditions));
    }

    private Set<String> namesAsWords(List<ExtractedResearcher> people, String institution) {
        Set<String> words = new HashSet<>();
        for (ExtractedResearcher person : people) {
            for (String w : person.name().split("[\\s\\-]+")) {
                words.add(cues.wordForms.key(w));
            }
        }
        if (institution != null) {
            for (String w : institution.split("\\s+")) {
                if (Character.isUpperCase(w.charAt(0))) {
                    words.add(cues.wordForms.key(w));
                }
            }
        }
        return words;
    }

    private static List<String> warnings(ArticleMetadata meta, List<ExtractedFinding> findings,
            List<ExtractedMechanism> mechanisms) {
        List<String> warnings = new ArrayList<>();
        if (meta.title() == null) {
            warnings.add("no title line found");
        }
        if (meta.journal() == null) {
            warnings.add("no journal line found");
        }
        if (meta.publisher() == null) {
            warnings.add("no publisher found (no copyright line)");
        }
        if (meta.institution() == null) {
            warnings.add("no institution found");
        }
        if (meta.researchers().isEmpty()) {
            warnings.add("no researchers found");
        }
        if (meta.population() == null) {
            warnings.add("population not stated");
        }
        if (meta.interventions().isEmpty()) {
            warnings.add("no intervention recognised");
        }
        if (findings.size() < FEW_FINDINGS) {
            warnings.add(String.format(Locale.ROOT, "few findings (%d)", findings.size()));
        }
        if (mechanisms.isEmpty()) {
            warnings.add("no mechanism found");
        }
        return warnings;
    }
}
