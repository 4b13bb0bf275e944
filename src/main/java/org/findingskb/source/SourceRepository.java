package org.findingskb.source;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface SourceRepository extends JpaRepository<SourceDocument, Long> {

    /** The source with this id; 404 when there is none. */
    default SourceDocument load(long id) {
        return findById(id).orElseThrow(() -> SourceNotFound.withId(id));
    }

    Optional<SourceDocument> findBySha256(String sha256);

    @Query("select s.id from SourceDocument s order by s.id limit 1")
    List<Long> findFirstId();

    /** Whether any source is stored; cheap at any size, unlike a count. */
    default boolean existsAny() {
        return !findFirstId().isEmpty();
    }

    /** Sources without their text, which lists never need. */
    @Query(value = """
            select new org.findingskb.source.SourceRepository$SourceRow(
                s.id, s.title, s.publisher, s.url, s.publishedYear, s.sha256, s.length)
            from SourceDocument s""", countQuery = "select count(s) from SourceDocument s")
    Page<SourceRow> findRows(Pageable pageable);

    @Query("""
            select new org.findingskb.source.SourceRepository$SourceRow(
                s.id, s.title, s.publisher, s.url, s.publishedYear, s.sha256, s.length)
            from SourceDocument s where s.id in :ids""")
    List<SourceRow> findRows(Collection<Long> ids);

    @Query("select s.source.id, s.id from Study s where s.source.id in :sourceIds order by s.id")
    List<Object[]> findStudyIds(Collection<Long> sourceIds);

    record SourceRow(Long id, String title, String publisher, String url, Integer publishedYear, String sha256,
            int length) {
    }
}
