package org.findingskb.source;

import java.util.List;

/** Where findings stand in a source's text. Findings sit above sources, so their module answers. */
public interface SourceAnnotations {

    /** The evidence spans into source {@code sourceId}, in text order. */
    List<SourceDetailResponse.Annotation> of(long sourceId);
}
