package org.findingskb.ingest;

import java.util.List;

/**
 * What the pipeline read from an article before deciding its findings: the sentences with their roles and concepts,
 * the metadata, the rules' findings and, per sentence, its features ({@code null} for sentences that can never be a
 * finding, such as bylines and credits).
 */
record ArticleReading(String text, List<Sentence> sentences, List<SentenceRole> roles,
        ConceptTagger.Tagging tagging, ArticleMetadata metadata, List<FindingClassifier.Classified> rules,
        List<SentenceFeatures.Vector> features) {

    /** The same reading with other metadata (cross-validation puts in what a ranker that never saw it chose). */
    ArticleReading withMetadata(ArticleMetadata other) {
        return new ArticleReading(text, sentences, roles, tagging, other, rules, features);
    }
}
