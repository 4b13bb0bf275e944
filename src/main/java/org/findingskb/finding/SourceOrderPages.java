package org.findingskb.finding;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.EntityManager;
import org.springframework.stereotype.Component;

import org.findingskb.shared.KnowledgeBaseChanges;

/**
 * Pages of all visible findings in source order (study, then position in the source) without the search index,
 * which sorts every finding for each page (tens of milliseconds at 100,000 findings), and without a recount per
 * page. It keeps the visible findings counted per study, in study order, until the knowledge base next changes:
 * their sum is the list's total, and a page at any depth is the few rows of the studies it spans.
 */
@Component
class SourceOrderPages {

    /**
     * How long a count is kept at most. Writes through this instance renew it at once (the change count moves);
     * this bounds how long another instance's writes go unseen where several share a database.
     */
    static final Duration MAX_AGE = Duration.ofSeconds(10);
    /** Beyond this many studies the counts would hold too much memory; the index pages instead. */
    static final int MAX_STUDIES = 1_000_000;

    /** The ids of a page and the total of the list. */
    record Page(List<Long> ids, long total) {
    }

    /** Visible findings per study: study ids ascending and the running count up to each; none when too many. */
    private record Counts(long generation, long takenAt, long[] studyIds, long[] runningTotals) {

        long total() {
            return runningTotals.length == 0 ? 0 : runningTotals[runningTotals.length - 1];
        }

        /** The index of the study holding the finding at {@code offset} (0-based) of the list. */
        int studyAt(long offset) {
            int i = Arrays.binarySearch(runningTotals, offset + 1);
            if (i < 0) {
                return -i - 1;
            }
            // Studies without visible findings are not counted, so equal running totals do not occur.
            return i;
        }

        long before(int study) {
            return study == 0 ? 0 : runningTotals[study - 1];
        }
    }

    private final EntityManager entityManager;
    private volatile Counts counts;

    SourceOrderPages(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The page of {@code size} findings from {@code offset}, or {@code null} when there are too many studies. */
    Page page(long offset, int size) {
        Counts current = counts();
        if (current.studyIds() == null) {
            return null;
        }
        long total = current.total();
        if (offset >= total) {
            return new Page(List.of(), total);
        }
        int first = current.studyAt(offset);
        int last = current.studyAt(Math.min(offset + size, total) - 1);
        List<Long> ids = entityManager.createQuery("""
                        select f.id from Finding f
                        where f.study.id between :first and :last and f.reviewStatus in :visible
                        order by f.study.id, f.position, f.id""", Long.class)
                .setParameter("first", current.studyIds()[first])
                .setParameter("last", current.studyIds()[last])
                .setParameter("visible", ReviewStatus.VISIBLE)
                .setFirstResult((int) (offset - current.before(first)))
                .setMaxResults(size)
                .getResultList();
        return new Page(ids, total);
    }

    private Counts counts() {
        Counts kept = counts;
        if (isCurrent(kept)) {
            return kept;
        }
        // One thread counts; the others wait for its result rather than count too.
        synchronized (this) {
            kept = counts;
            if (isCurrent(kept)) {
                return kept;
            }
            // The change count is read first: a write committed during the count makes the next read count again.
            long generation = KnowledgeBaseChanges.generation();
            long takenAt = System.nanoTime();
            List<Object[]> rows = entityManager.createQuery("""
                            select f.study.id, count(f) from Finding f where f.reviewStatus in :visible
                            group by f.study.id order by f.study.id""", Object[].class)
                    .setParameter("visible", ReviewStatus.VISIBLE)
                    .setMaxResults(MAX_STUDIES + 1)
                    .getResultList();
            if (rows.size() > MAX_STUDIES) {
                counts = new Counts(generation, takenAt, null, null);
                return counts;
            }
            long[] studyIds = new long[rows.size()];
            long[] runningTotals = new long[rows.size()];
            long sum = 0;
            for (int i = 0; i < rows.size(); i++) {
                studyIds[i] = (Long) rows.get(i)[0];
                sum += (Long) rows.get(i)[1];
                runningTotals[i] = sum;
            }
            counts = new Counts(generation, takenAt, studyIds, runningTotals);
            return counts;
        }
    }

    private static boolean isCurrent(Counts kept) {
        return kept != null && kept.generation() == KnowledgeBaseChanges.generation()
                && System.nanoTime() - kept.takenAt() < MAX_AGE.toNanos();
    }
}
