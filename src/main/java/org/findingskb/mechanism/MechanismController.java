package org.findingskb.mechanism;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import java.util.List;

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
import org.findingskb.shared.ResultPage;

@RestController
@RequestMapping("/api/mechanisms")
@Tag(name = "Mechanisms", description = "How effects come about: brain regions, pathways, cell types, interventions")
class MechanismController extends CurationEndpoints<Long, MechanismRequest, MechanismResponse> {

    private final MechanismService mechanisms;
    private final HistoryService history;

    MechanismController(MechanismService mechanisms, MechanismCurationService curation, RequestBodies bodies,
            HistoryService history) {
        super(bodies, MechanismRequest.class, curation);
        this.mechanisms = mechanisms;
        this.history = history;
    }

    @GetMapping
    @Operation(summary = "A page of mechanisms", description = "Sortable by id, name and timescale.")
    ResultPage<MechanismResponse> list(
            @Parameter(description = "only mechanisms of this study") @RequestParam(required = false) Long studyId,
            @Parameter(description = "RAPID or SUSTAINED (any case)") @RequestParam(required = false) Timescale timescale,
            @Parameter(description = "a concept id, name or synonym the mechanism involves") @RequestParam(required = false) String concept,
            @Parameter(description = "words in the name or description, or in the names of its concepts") @RequestParam(required = false) String q,
            @Parameter(description = "the cursor of the previous page, to page on past the first 10,000 results")
            @RequestParam(required = false) String cursor,
            @ParameterObject PageQuery page) {
        return mechanisms.find(studyId, timescale, concept, q, page, cursor);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One mechanism", description = "Carries an ETag; If-None-Match answers 304.")
    MechanismResponse get(@PathVariable long id) {
        return mechanisms.get(id);
    }

    @GetMapping("/{id}/revisions")
    @Operation(summary = "The mechanism's history", description = "Every revision: when, which API key, what changed.")
    List<RevisionResponse> revisions(@PathVariable long id) {
        return history.revisions(Mechanism.class, id);
    }
}
