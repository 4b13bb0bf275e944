package org.findingskb.finding;

import org.springframework.data.jpa.repository.JpaRepository;

interface FindingLinkRepository extends JpaRepository<FindingLink, Long> {

    boolean existsByFromIdAndToIdAndType(Long fromId, Long toId, LinkType type);
}
