package org.findingskb.source;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.findingskb.shared.IfMatch;
import org.findingskb.shared.Texts;

/** What curators do to sources: correct their metadata and delete them. Each call is one transaction. */
@Service
@Transactional
public class SourceCurationService {

    private final SourceRepository sources;
    private final SourceService reads;
    private final ApplicationEventPublisher events;

    SourceCurationService(SourceRepository sources, SourceService reads, ApplicationEventPublisher events) {
        this.sources = sources;
        this.reads = reads;
        this.events = events;
    }

    /** The source's metadata as a request: what a merge patch applies to. */
    @Transactional(readOnly = true)
    SourceRequest current(long id) {
        return SourceRequest.of(sources.load(id));
    }

    /** Replaces the source's metadata at the version {@code If-Match} names; the text stays. */
    SourceDetailResponse correct(long id, IfMatch ifMatch, SourceRequest request) {
        SourceDocument source = ifMatch.check("source", sources.load(id));
        source.correct(request.title().strip(), Texts.blankToNull(request.publisher()),
                Texts.blankToNull(request.url()), request.publishedYear());
        return reads.detail(sources.saveAndFlush(source));
    }

    /** Deletes the source with the studies it reports and the findings that quote it, each through JPA. */
    void delete(long id, IfMatch ifMatch) {
        SourceDocument source = ifMatch.check("source", sources.load(id));
        events.publishEvent(new SourceDeleting(source.getId()));
        sources.delete(source);
    }
}
