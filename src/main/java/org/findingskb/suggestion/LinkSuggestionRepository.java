package org.findingskb.suggestion;

import org.springframework.data.jpa.repository.JpaRepository;

interface LinkSuggestionRepository extends JpaRepository<LinkSuggestion, Long> {
}
