package org.findingskb.suggestion;

import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import org.findingskb.finding.FindingRepository;
import org.findingskb.finding.ReviewStatus;
import org.findingskb.shared.KnowledgeBaseChanges;

/**
 * Proposes links for the studies stored before suggestions existed: the migration that added them listed every
 * study then stored in {@code link_suggestion_pending}. Runs once the effects of those studies are read (their
 * findings' effects are what proposals compare), a study per transaction, each leaving the list as it is done: a
 * restart goes on where it stopped.
 */
@Component
public class SuggestionBackfill {

    private static final int BATCH = 50;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final FindingRepository findings;
    private final LinkProposals proposals;

    SuggestionBackfill(JdbcTemplate jdbc, TransactionTemplate transactions, FindingRepository findings,
            LinkProposals proposals) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.findings = findings;
        this.proposals = proposals;
    }

    /** Proposes links for every pending study; the number of suggestions stored. */
    public int run() {
        int total = 0;
        while (true) {
            List<Long> ids = jdbc.queryForList(
                    "select study_id from link_suggestion_pending order by study_id fetch first " + BATCH + " rows only",
                    Long.class);
            if (ids.isEmpty()) {
                return total;
            }
            for (Long id : ids) {
                Integer stored = transactions.execute(status -> {
                    int count = proposals.proposeFrom(findings.findByStudy(id,
                            Set.of(ReviewStatus.UNREVIEWED, ReviewStatus.ACCEPTED)));
                    jdbc.update("delete from link_suggestion_pending where study_id = ?", id);
                    return count;
                });
                total += stored == null ? 0 : stored;
            }
            KnowledgeBaseChanges.changed();
        }
    }
}
