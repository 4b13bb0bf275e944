package org.findingskb.compare;

import java.util.List;

/** A study that mentions a concept, with its findings about it. */
public record ConceptStudyResponse(StudyRef study, List<FindingRef> findings) {
}
