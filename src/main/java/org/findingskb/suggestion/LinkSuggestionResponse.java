package org.findingskb.suggestion;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.findingskb.finding.Finding;
import org.findingskb.finding.LinkType;

/**
 * A suggested link: from one finding to another of a different study, with its type, score (0 to 1), the reason
 * in words and where it stands. Never a link itself: an accepted suggestion's link is listed by its finding.
 */
public record LinkSuggestionResponse(
        Long id,
        SuggestedFinding from,
        SuggestedFinding to,
        LinkType type,
        double score,
        String reason,
        SuggestionStatus status,
        @JsonInclude(JsonInclude.Include.NON_NULL) String decidedBy,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant decidedAt,
        Instant createdAt) {

    /** A finding as a suggestion shows it: enough to judge the pair without another request. */
    public record SuggestedFinding(Long id, String statement, StudyOfFinding study) {

        static SuggestedFinding of(Finding finding) {
            return new SuggestedFinding(finding.getId(), finding.getStatement(),
                    new StudyOfFinding(finding.getStudy().getId(), finding.getStudy().getTitle()));
        }
    }

    public record StudyOfFinding(Long id, String title) {
    }

    static LinkSuggestionResponse from(LinkSuggestion s) {
        return new LinkSuggestionResponse(s.getId(), SuggestedFinding.of(s.getFromFinding()),
                SuggestedFinding.of(s.getToFinding()), s.getType(), s.getScore(), s.getReason(), s.getStatus(),
                s.getDecidedBy(), s.getDecidedAt(), s.getCreatedAt());
    }
}
