package org.findingskb.search;

/**
 * One hit of a search across the knowledge base: {@code snippet} is the matched text, HTML-escaped, with the
 * matched words in {@code <mark>}; {@code studyId} is {@code null} for concepts.
 */
public record SearchHit(String type, Long id, String title, String snippet, float score, Long studyId) {
}
