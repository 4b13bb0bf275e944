package org.findingskb.suggestion;

import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.findingskb.finding.FindingCurationService;
import org.findingskb.finding.LinkRequest;
import org.findingskb.finding.LinkType;
import org.findingskb.shared.PageQuery;
import org.findingskb.shared.ResultPage;

/** The curators' queue of suggested links: listed, accepted (through the findings' own link path) or dismissed. */
@Service
@Transactional
public class LinkSuggestionService {

    private static final String FILTER = """
            from LinkSuggestion s where s.status = :status
              and (:finding is null or s.fromFinding.id = :finding or s.toFinding.id = :finding)
              and (:type is null or s.type = :type)""";

    private final EntityManager entityManager;
    private final LinkSuggestionRepository suggestions;
    private final FindingCurationService findings;

    LinkSuggestionService(EntityManager entityManager, LinkSuggestionRepository suggestions,
            FindingCurationService findings) {
        this.entityManager = entityManager;
        this.suggestions = suggestions;
        this.findings = findings;
    }

    /** A page of the suggestions in {@code status}, the surest first; of one finding (either end) or type if given. */
    @Transactional(readOnly = true)
    public ResultPage<LinkSuggestionResponse> list(SuggestionStatus status, Long finding, LinkType type, PageQuery page) {
        long total = filtered(entityManager.createQuery("select count(s) " + FILTER, Long.class), status, finding, type)
                .getSingleResult();
        List<LinkSuggestion> content = filtered(entityManager.createQuery("select s " + FILTER
                                + " order by s.score desc, s.id", LinkSuggestion.class), status, finding, type)
                .setFirstResult(page.pageNumber() * page.pageSize()).setMaxResults(page.pageSize()).getResultList();
        // The findings and their studies of a whole page in one statement each, not one per suggestion.
        List<Long> findingIds = content.stream()
                .flatMap(s -> java.util.stream.Stream.of(s.getFromFinding().getId(), s.getToFinding().getId()))
                .distinct().toList();
        if (!findingIds.isEmpty()) {
            entityManager.createQuery("select f from Finding f join fetch f.study where f.id in :ids")
                    .setParameter("ids", findingIds).getResultList();
        }
        return new ResultPage<>(content.stream().map(LinkSuggestionResponse::from).toList(),
                ResultPage.Metadata.of(page.pageSize(), page.pageNumber(), total), null);
    }

    private static <T> TypedQuery<T> filtered(TypedQuery<T> query, SuggestionStatus status, Long finding, LinkType type) {
        return query.setParameter("status", status).setParameter("finding", finding).setParameter("type", type);
    }

    @Transactional(readOnly = true)
    public LinkSuggestionResponse get(long id) {
        return LinkSuggestionResponse.from(load(id));
    }

    /**
     * Makes the suggestion a link between its findings, as a curator linking them would (unless they are linked so
     * already), and marks it accepted by the caller; 409 if it was accepted or dismissed before.
     */
    public LinkSuggestionResponse accept(long id) {
        LinkSuggestion suggestion = undecided(id);
        Long from = suggestion.getFromFinding().getId();
        Long to = suggestion.getToFinding().getId();
        long linked = entityManager.createQuery("""
                        select count(l) from FindingLink l
                        where l.from.id = :from and l.to.id = :to and l.type = :type""", Long.class)
                .setParameter("from", from).setParameter("to", to).setParameter("type", suggestion.getType())
                .getSingleResult();
        if (linked == 0) {
            findings.link(from, new LinkRequest(suggestion.getType(), to));
        }
        suggestion.decide(SuggestionStatus.ACCEPTED, author());
        return LinkSuggestionResponse.from(suggestions.saveAndFlush(suggestion));
    }

    /** Sets the suggestion aside, no link made; 409 if it was accepted or dismissed before. */
    public LinkSuggestionResponse dismiss(long id) {
        LinkSuggestion suggestion = undecided(id);
        suggestion.decide(SuggestionStatus.DISMISSED, author());
        return LinkSuggestionResponse.from(suggestions.saveAndFlush(suggestion));
    }

    private LinkSuggestion undecided(long id) {
        LinkSuggestion suggestion = load(id);
        if (suggestion.getStatus() != SuggestionStatus.SUGGESTED) {
            throw SuggestionDecided.of(id, suggestion.getStatus());
        }
        return suggestion;
    }

    private LinkSuggestion load(long id) {
        return suggestions.findById(id).orElseThrow(() -> SuggestionNotFound.withId(id));
    }

    private static String author() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "system" : authentication.getName();
    }
}
