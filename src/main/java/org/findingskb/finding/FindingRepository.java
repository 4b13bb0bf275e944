package org.findingskb.finding;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

public interface FindingRepository extends JpaRepository<Finding, Long>, JpaSpecificationExecutor<Finding> {

    /** The finding with this id; 404 when there is none. */
    default Finding load(long id) {
        return findById(id).orElseThrow(() -> FindingNotFound.withId(id));
    }

    /** The finding with all it shows (evidence, concepts, mechanisms, links) in one statement. */
    @EntityGraph(Finding.WHOLE)
    @Query("select f from Finding f where f.id = :id")
    Optional<Finding> findWhole(long id);

    /** The findings with all they show, in one statement, in no particular order. */
    @EntityGraph(Finding.WHOLE)
    @Query("select f from Finding f where f.id in :ids")
    List<Finding> findWhole(Collection<Long> ids);

    /** The position after the last finding of the study, for a finding added to it. */
    @Query("select coalesce(max(f.position) + 1, 0) from Finding f where f.study.id = :studyId")
    int nextPositionIn(Long studyId);

    @Query("select count(f) from Finding f where f.study.id = :studyId")
    int countInStudy(Long studyId);

    @Query("select f from Finding f where f.study.id = :studyId and f.reviewStatus in :statuses order by f.position")
    List<Finding> findByStudy(Long studyId, Collection<ReviewStatus> statuses);

    /** The findings whose evidence quotes one source, whatever study they belong to. */
    @Query("select distinct f from Finding f join f.evidence e where e.sourceId = :sourceId order by f.id")
    List<Finding> findQuoting(Long sourceId);

    /** Evidence anchors into one source: finding id, start, end. */
    @Query("""
            select f.id, e.start, e.end from Finding f join f.evidence e
            where e.sourceId = :sourceId order by e.start, f.id""")
    List<Object[]> findAnchorsInSource(Long sourceId);

    @Query("""
            select f.study.id, count(f) from Finding f
            where f.study.id in :studyIds and f.reviewStatus in :statuses group by f.study.id""")
    List<Object[]> countByStudy(Collection<Long> studyIds, Collection<ReviewStatus> statuses);

    /** The findings that support each of the mechanisms: mechanism id, finding id, in source order. */
    @Query("""
            select m.id, f.id from Finding f join f.mechanisms m
            where m.id in :mechanismIds order by f.position, f.id""")
    List<Object[]> findSupportOf(Collection<Long> mechanismIds);

    @Query("select f from Finding f join f.mechanisms m where m.id = :mechanismId")
    List<Finding> findSupporting(Long mechanismId);
}
