package org.findingskb.study;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;

import org.findingskb.search.SearchAnalysisConfigurer;

/** A person named by the source, with their role in the study and how the source describes them. */
@Embeddable
public record Researcher(
        @Column(name = "name", nullable = false) @FullTextField(analyzer = SearchAnalysisConfigurer.ENGLISH) String name,
        @Enumerated(EnumType.STRING) @Column(name = "role", nullable = false) ResearcherRole role,
        @Column(name = "description") String description) {
}
