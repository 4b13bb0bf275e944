package org.findingskb.mechanism;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

public interface MechanismRepository extends JpaRepository<Mechanism, Long>, JpaSpecificationExecutor<Mechanism> {

    /** The mechanism with this id; 404 when there is none. */
    default Mechanism load(long id) {
        return findById(id).orElseThrow(() -> MechanismNotFound.withId(id));
    }

    @Query("select count(m) from Mechanism m where m.study.id = :studyId")
    int countInStudy(Long studyId);

    @Query("select m from Mechanism m where m.study.id = :studyId order by m.id")
    List<Mechanism> findByStudy(Long studyId);

    @Query("select m.study.id, count(m) from Mechanism m where m.study.id in :studyIds group by m.study.id")
    List<Object[]> countByStudy(Collection<Long> studyIds);
}
