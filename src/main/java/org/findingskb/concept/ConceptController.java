package org.findingskb.concept;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.findingskb.shared.PageQuery;
import org.findingskb.shared.RequestBodies;
import org.findingskb.shared.CurationEndpoints;
import org.findingskb.shared.ResultPage;

@RestController
@RequestMapping("/api/concepts")
@Tag(name = "Concepts", description = "Drugs, conditions, brain regions, pathways... that findings mention")
class ConceptController extends CurationEndpoints<Long, ConceptRequest, ConceptResponse> {

    private final ConceptService concepts;

    ConceptController(ConceptService concepts, ConceptCurationService curation, RequestBodies bodies) {
        super(bodies, ConceptRequest.class, curation);
        this.concepts = concepts;
    }

    @GetMapping
    @Operation(summary = "A page of concepts",
            description = "With q, names that start with it come first (type-ahead). Sortable by id, name and type.")
    ResultPage<ConceptResponse> list(
            @Parameter(description = "DRUG, DRUG_CLASS, CONDITION, BRAIN_REGION, CELL_TYPE, PATHWAY, PROCESS, ORGANISM or ORGANIZATION (any case)")
            @RequestParam(required = false) ConceptType type,
            @Parameter(description = "text in the name or a synonym") @RequestParam(required = false) String q,
            @Parameter(description = "the cursor of the previous page, to page on past the first 10,000 results")
            @RequestParam(required = false) String cursor,
            @ParameterObject PageQuery page) {
        return concepts.find(type, q, page, cursor);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One concept", description = "Carries an ETag; If-None-Match answers 304.")
    ConceptResponse get(@PathVariable long id) {
        return concepts.get(id);
    }
}
