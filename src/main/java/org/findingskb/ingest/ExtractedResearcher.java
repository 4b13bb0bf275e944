package org.findingskb.ingest;

import org.findingskb.study.ResearcherRole;

/** A person the article names, with the role it gives them and how it describes them (or {@code null}). */
public record ExtractedResearcher(String name, ResearcherRole role, String description) {
}
