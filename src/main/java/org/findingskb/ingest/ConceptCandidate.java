package org.findingskb.ingest;

import java.util.List;

import org.findingskb.concept.ConceptType;

/**
 * A concept the pipeline tagged: from the lexicon (canonical name, type, MeSH id, synonyms) or found outside
 * it (type where context allows, else {@code null}; no MeSH id).
 */
public record ConceptCandidate(String name, ConceptType type, String meshId, List<String> synonyms) {

    public ConceptCandidate {
        synonyms = synonyms == null ? List.of() : List.copyOf(synonyms);
    }
}
