package org.findingskb.mechanism;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.findingskb.finding.Timescale;
import org.findingskb.web.PageQuery;
import org.findingskb.web.ResultPage;

@RestController
@RequestMapping("/api/mechanisms")
@Tag(name = "Mechanisms", description = "How effects come about: brain regions, pathways, cell types, interventions")
class MechanismController {

    private final MechanismService mechanisms;

    MechanismController(MechanismService mechanisms) {
        this.mechanisms = mechanisms;
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
    @Operation(summary = "One mechanism")
    MechanismResponse get(@PathVariable long id) {
        return mechanisms.get(id);
    }
}
