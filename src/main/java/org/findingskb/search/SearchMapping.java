package org.findingskb.search;

import org.hibernate.search.engine.backend.document.IndexFieldReference;
import org.hibernate.search.engine.backend.document.model.dsl.IndexSchemaElement;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Highlightable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Searchable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.engine.backend.types.VectorSimilarity;
import org.hibernate.search.mapper.orm.mapping.HibernateOrmMappingConfigurationContext;
import org.hibernate.search.mapper.orm.mapping.HibernateOrmSearchMappingConfigurer;
import org.hibernate.search.mapper.pojo.automaticindexing.ReindexOnUpdate;
import org.hibernate.search.mapper.pojo.bridge.binding.PropertyBindingContext;
import org.hibernate.search.mapper.pojo.bridge.binding.TypeBindingContext;
import org.hibernate.search.mapper.pojo.bridge.mapping.programmatic.PropertyBinder;
import org.hibernate.search.mapper.pojo.bridge.mapping.programmatic.TypeBinder;
import org.hibernate.search.mapper.pojo.mapping.definition.programmatic.PropertyMappingStep;
import org.hibernate.search.mapper.pojo.mapping.definition.programmatic.ProgrammaticMappingConfigurationContext;
import org.hibernate.search.mapper.pojo.mapping.definition.programmatic.TypeMappingStep;
import org.springframework.stereotype.Component;

import org.findingskb.concept.Concept;
import org.findingskb.concept.Synonym;
import org.findingskb.finding.Finding;
import org.findingskb.finding.ReviewStatus;
import org.findingskb.mechanism.Mechanism;
import org.findingskb.source.SourceDocument;
import org.findingskb.study.Researcher;
import org.findingskb.study.Study;

import static org.findingskb.search.SearchAnalysisConfigurer.ENGLISH;
import static org.findingskb.search.SearchAnalysisConfigurer.FOLDED;

/**
 * How entities become index documents: the mapping lives here, beside the queries that read it, so the entities
 * know nothing of the index. Every index has the same four fields for one search over all types: {@code docType}
 * (counted per type), {@code visible} (withdrawn findings are kept but not shown), and {@code label} and
 * {@code studyRef}, which hits show without a database round trip.
 */
@Component("searchMapping")
public class SearchMapping implements HibernateOrmSearchMappingConfigurer {

    /** The vector field of findings, mechanisms and studies: what they say, as a point in meaning space. */
    static final String MEANING = "meaning";

    /** The concept fields that documents mentioning a concept carry. */
    private static final String[] CONCEPT_PATHS = {"id_ref", "name", "synonyms.name", "type"};

    private final Embeddings embeddings;
    private final MeaningStore meanings;

    SearchMapping(Embeddings embeddings, MeaningStore meanings) {
        this.embeddings = embeddings;
        this.meanings = meanings;
    }

    @Override
    public void configure(HibernateOrmMappingConfigurationContext context) {
        ProgrammaticMappingConfigurationContext mapping = context.programmaticMapping();
        concepts(mapping);
        studies(mapping);
        mechanisms(mapping);
        findings(mapping);
        sources(mapping);
        if (embeddings.enabled()) {
            // Without meaning search the indexes have no vector field at all, so a cluster without k-NN takes them.
            for (MeaningKind kind : MeaningKind.values()) {
                mapping.type(kind.type()).binder(new Meaning(embeddings, meanings, kind));
            }
        }
    }

    private static void concepts(ProgrammaticMappingConfigurationContext mapping) {
        TypeMappingStep concept = mapping.type(Concept.class);
        concept.indexed().index("concept");
        concept.binder(new DocumentKind("concept")).binder(Visibility.always()).binder(new NoStudy());
        concept.property("id").genericField("id_ref").sortable(Sortable.YES).projectable(Projectable.YES)
                .aggregable(Aggregable.YES);
        version(concept);
        prose(concept.property("name"), true).keywordField("name_sort").normalizer(FOLDED).sortable(Sortable.YES);
        label(concept.property("name"));
        concept.property("type").keywordField().aggregable(Aggregable.YES).sortable(Sortable.YES);
        concept.property("synonyms").indexedEmbedded();

        PropertyMappingStep synonym = mapping.type(Synonym.class).property("name");
        prose(synonym, true).keywordField("name_prefix").normalizer(FOLDED);
    }

    private static void studies(ProgrammaticMappingConfigurationContext mapping) {
        TypeMappingStep study = mapping.type(Study.class);
        study.indexed().index("study");
        study.binder(new DocumentKind("study")).binder(Visibility.always()).binder(new OwnStudy());
        study.property("id").genericField("id_sort").sortable(Sortable.YES).projectable(Projectable.YES)
                .aggregable(Aggregable.YES);
        version(study);
        prose(study.property("title"), true).keywordField("title_sort").normalizer(FOLDED).sortable(Sortable.YES);
        label(study.property("title"));
        study.property("slug").keywordField("slug").projectable(Projectable.YES);
        study.property("source").binder(new SourceOf());
        prose(study.property("institution"), true);
        prose(study.property("journal"), false).keywordField("journal_key").normalizer(FOLDED);
        prose(study.property("population"), false);
        study.property("researchers").indexedEmbedded().includePaths("name");
        prose(mapping.type(Researcher.class).property("name"), false);
        concepts(study.property("interventions"));
        concepts(study.property("conditions"));
    }

    private static void mechanisms(ProgrammaticMappingConfigurationContext mapping) {
        TypeMappingStep mechanism = partOfStudy(mapping.type(Mechanism.class), "mechanism", Visibility.always());
        prose(mechanism.property("name"), true).keywordField("name_sort").normalizer(FOLDED).sortable(Sortable.YES);
        label(mechanism.property("name"));
        mechanism.property("timescale").keywordField().aggregable(Aggregable.YES).sortable(Sortable.YES)
                .projectable(Projectable.YES);
        prose(mechanism.property("description"), true);
        concepts(mechanism.property("brainRegions"));
        concepts(mechanism.property("pathways"));
        concepts(mechanism.property("cellTypes"));
        concepts(mechanism.property("interventions"));
    }

    private static void findings(ProgrammaticMappingConfigurationContext mapping) {
        TypeMappingStep finding = partOfStudy(mapping.type(Finding.class), "finding", Visibility.unlessWithdrawn());
        // Where the finding stands in its study; a long, like every other key a cursor continues after.
        finding.property("position").binder(new SortableLong("position"));
        prose(finding.property("statement"), true);
        label(finding.property("statement"));
        // Projectable: search hits show them without loading the finding.
        finding.property("kind").keywordField().aggregable(Aggregable.YES).sortable(Sortable.YES)
                .projectable(Projectable.YES);
        finding.property("timescale").keywordField().aggregable(Aggregable.YES).sortable(Sortable.YES)
                .projectable(Projectable.YES);
        finding.property("certainty").keywordField().aggregable(Aggregable.YES).projectable(Projectable.YES);
        finding.property("origin").keywordField();
        finding.property("reviewStatus").keywordField().aggregable(Aggregable.YES);
        finding.property("needsReview").genericField();
        concepts(finding.property("concepts"));
    }

    /**
     * A source's text, searchable: a hit is its best passage, whose offsets in the text come from the text kept in
     * the index (highlighting needs it there anyway), so a source hit needs no database round trip either.
     */
    private static void sources(ProgrammaticMappingConfigurationContext mapping) {
        TypeMappingStep source = mapping.type(SourceDocument.class);
        source.indexed().index("source");
        source.binder(new DocumentKind("source")).binder(Visibility.always()).binder(new NoStudy());
        source.property("id").genericField("id_sort").sortable(Sortable.YES).projectable(Projectable.YES);
        version(source);
        label(source.property("title"));
        source.property("content").fullTextField("text").analyzer(ENGLISH)
                .highlightable(java.util.List.of(Highlightable.UNIFIED)).projectable(Projectable.YES);
    }

    /** What findings and mechanisms share: their own index, an id to sort on, and the study they belong to. */
    private static TypeMappingStep partOfStudy(TypeMappingStep type, String index, Visibility visibility) {
        type.indexed().index(index);
        type.binder(new DocumentKind(index)).binder(visibility);
        type.property("id").genericField("id_sort").sortable(Sortable.YES).projectable(Projectable.YES);
        version(type);
        type.property("study").binder(new StudyOf());
        return type;
    }

    private static PropertyMappingStep prose(PropertyMappingStep property, boolean highlighted) {
        var field = property.fullTextField().analyzer(ENGLISH);
        return highlighted ? field.highlightable(java.util.List.of(Highlightable.ANY)) : field;
    }

    /** What a search hit shows as its title; read from the index, so hits need no database round trip. */
    private static void label(PropertyMappingStep property) {
        property.genericField("label").projectable(Projectable.YES).searchable(Searchable.NO);
    }

    /** Indexed so that the start-up check can tell an index that missed an edit from one that did not. */
    private static void version(TypeMappingStep type) {
        type.property("version").genericField().aggregable(Aggregable.YES).searchable(Searchable.NO);
    }

    private static void concepts(PropertyMappingStep property) {
        property.indexedEmbedded().includePaths(CONCEPT_PATHS)
                // A concept's own changes reindex what mentions it explicitly (ConceptService), not through here.
                .indexingDependency().reindexOnUpdate(ReindexOnUpdate.SHALLOW);
    }

    /**
     * What an entity says, as the vector kept for its current text ({@link MeaningStore}). Embedding takes tens of
     * milliseconds a text, so it is not done here, in the writing request: an entity whose text has no vector yet
     * is indexed without one and queued for {@link MeaningEmbedder}, which embeds it and indexes it again.
     */
    private record Meaning(Embeddings embeddings, MeaningStore meanings, MeaningKind kind) implements TypeBinder {

        @Override
        public void bind(TypeBindingContext context) {
            for (String dependency : kind.dependencies()) {
                context.dependencies().use(dependency);
            }
            IndexFieldReference<float[]> meaning = context.indexSchemaElement().field(MEANING,
                    f -> f.asFloatVector().dimension(Embeddings.DIMENSIONS).vectorSimilarity(VectorSimilarity.COSINE)
                            .projectable(Projectable.YES)).toReference();
            context.bridge(kind.type(), (document, entity, writeContext) -> {
                String text = kind.text(entity);
                if (text == null || text.isBlank() || entity.getId() == null) {
                    return;
                }
                MeaningStore.Stored stored = meanings.find(kind, entity.getId(), MeaningStore.hash(embeddings.input(text)));
                if (stored == null) {
                    meanings.enqueue(kind, entity.getId());
                } else if (stored.vector().length == Embeddings.DIMENSIONS) {
                    document.addValue(meaning, stored.vector());
                }
            });
        }
    }

    /** The document's type, the same field in every index, so that one search can count hits per type. */
    private record DocumentKind(String docType) implements TypeBinder {

        @Override
        public void bind(TypeBindingContext context) {
            context.dependencies().useRootOnly();
            IndexFieldReference<String> type = context.indexSchemaElement().field("docType",
                    f -> f.asString().aggregable(Aggregable.YES).searchable(Searchable.NO)).toReference();
            context.bridge((document, entity, writeContext) -> document.addValue(type, docType));
        }
    }

    /** Whether search shows the document: rejected and retracted findings are kept but not shown. */
    private record Visibility(String derivedFrom) implements TypeBinder {

        static Visibility always() {
            return new Visibility(null);
        }

        static Visibility unlessWithdrawn() {
            return new Visibility("reviewStatus");
        }

        @Override
        public void bind(TypeBindingContext context) {
            if (derivedFrom == null) {
                context.dependencies().useRootOnly();
            } else {
                context.dependencies().use(derivedFrom);
            }
            IndexFieldReference<Boolean> visible = context.indexSchemaElement().field("visible",
                    f -> f.asBoolean().searchable(Searchable.YES)).toReference();
            context.bridge((document, entity, writeContext) -> document.addValue(visible,
                    !(entity instanceof Finding finding) || (finding.getReviewStatus() != ReviewStatus.REJECTED
                            && finding.getReviewStatus() != ReviewStatus.RETRACTED)));
        }
    }

    /** A study's hits belong to the study itself. */
    private static final class OwnStudy implements TypeBinder {

        @Override
        public void bind(TypeBindingContext context) {
            context.dependencies().use("id");
            IndexFieldReference<Long> studyRef = studyRefField(context.indexSchemaElement());
            context.bridge(Study.class, (document, study, writeContext) -> document.addValue(studyRef, study.getId()));
        }
    }

    /** A concept belongs to no study; the field exists so that one projection serves every type. */
    private static final class NoStudy implements TypeBinder {

        @Override
        public void bind(TypeBindingContext context) {
            context.dependencies().useRootOnly();
            studyRefField(context.indexSchemaElement());
            context.bridge((document, entity, writeContext) -> { });
        }
    }

    private static IndexFieldReference<Long> studyRefField(IndexSchemaElement schema) {
        return schema.field("studyRef", f -> f.asLong().projectable(Projectable.YES).searchable(Searchable.NO)).toReference();
    }

    /** The study a finding or mechanism belongs to: for filtering, faceting, sorting, and shown on hits. */
    private static final class StudyOf implements PropertyBinder {

        @Override
        public void bind(PropertyBindingContext context) {
            // A document never changes study, and a study's id never changes: nothing to track beyond the link.
            context.dependencies().useRootOnly();
            IndexFieldReference<Long> studyId = context.indexSchemaElement().field("studyId",
                    f -> f.asLong().aggregable(Aggregable.YES).sortable(Sortable.YES).projectable(Projectable.YES))
                    .toReference();
            IndexFieldReference<Long> studyRef = studyRefField(context.indexSchemaElement());
            context.bridge(Study.class, (document, study, writeContext) -> {
                document.addValue(studyId, study.getId());
                document.addValue(studyRef, study.getId());
            });
        }
    }

    /** The source a study reports: source hits name their study through it. */
    private static final class SourceOf implements PropertyBinder {

        @Override
        public void bind(PropertyBindingContext context) {
            // A source's id never changes; a study moved to another source is reindexed as its property changed.
            context.dependencies().useRootOnly();
            IndexFieldReference<Long> sourceId = context.indexSchemaElement().field("sourceId",
                    f -> f.asLong().projectable(Projectable.YES)).toReference();
            context.bridge(SourceDocument.class, (document, source, writeContext) ->
                    document.addValue(sourceId, source == null ? null : source.getId()));
        }
    }

    /** An int property as a sortable long field, so that cursors (which hold longs) can continue after it. */
    private record SortableLong(String field) implements PropertyBinder {

        @Override
        public void bind(PropertyBindingContext context) {
            context.dependencies().useRootOnly();
            IndexFieldReference<Long> reference = context.indexSchemaElement().field(field,
                    f -> f.asLong().sortable(Sortable.YES)).toReference();
            context.bridge(Integer.class, (document, value, writeContext) ->
                    document.addValue(reference, value == null ? null : value.longValue()));
        }
    }
}
