package org.findingskb.study;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.findingskb.history.HistoryService;
import org.findingskb.history.RevisionResponse;
import org.findingskb.shared.PageQuery;
import org.findingskb.shared.RequestBodies;
import org.findingskb.shared.CurationEndpoints;
import org.findingskb.shared.MediaTypes;
import org.findingskb.shared.ResultPage;

@RestController
@RequestMapping("/api/studies")
@Tag(name = "Studies", description = "Studies as their sources report them, with findings, mechanisms and a summary")
class StudyController extends CurationEndpoints<String, StudyRequest, StudyResponse> {

    private final StudyService studies;
    private final HistoryService history;

    StudyController(StudyService studies, StudyCurationService curation, RequestBodies bodies, HistoryService history) {
        super(bodies, StudyRequest.class, curation);
        this.studies = studies;
        this.history = history;
    }

    @GetMapping
    @Operation(summary = "A page of studies", description = "With q, by relevance; sortable by id and title.")
    ResultPage<StudyResponse> list(
            @Parameter(description = "words in the title or institution") @RequestParam(required = false) String q,
            @Parameter(description = "a concept id, name or synonym the study involves") @RequestParam(required = false) String concept,
            @Parameter(description = "the journal's name, any case") @RequestParam(required = false) String journal,
            @Parameter(description = "the cursor of the previous page, to page on past the first 10,000 results")
            @RequestParam(required = false) String cursor,
            @ParameterObject PageQuery page) {
        return studies.find(q, concept, journal, page, cursor);
    }

    @GetMapping(path = "/{idOrSlug}", produces = {MediaType.APPLICATION_JSON_VALUE, MediaTypes.JSON_LD})
    @Operation(summary = "One study, by id or slug", description = "Carries an ETag; If-None-Match answers 304. As JSON-LD:"
            + " a schema.org MedicalStudy citing its ScholarlyArticle.")
    StudyResponse get(@PathVariable String idOrSlug) {
        return studies.get(idOrSlug);
    }

    @GetMapping("/{idOrSlug}/revisions")
    @Operation(summary = "The study's history", description = "Every revision: when, which API key, what changed.")
    List<RevisionResponse> revisions(@PathVariable String idOrSlug) {
        // A deleted study keeps its history, reachable by id (its slug is gone with it).
        String value = idOrSlug.strip();
        boolean numeric = !value.isEmpty() && value.length() < 19 && value.chars().allMatch(Character::isDigit);
        return history.revisions(Study.class, numeric ? Long.parseLong(value) : studies.idOf(idOrSlug));
    }
}
