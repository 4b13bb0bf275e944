package org.findingskb.compare;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.findingskb.shared.InvalidParameter;
import org.findingskb.shared.MediaTypes;
import org.findingskb.shared.PageQuery;
import org.findingskb.shared.ResultPage;

/** Across studies: which studies speak of a concept, and what they say side by side. */
@RestController
@Tag(name = "Across studies", description = "The studies about a concept, compared with the quote behind each cell")
class CompareController {

    private final CompareService compare;

    CompareController(CompareService compare) {
        this.compare = compare;
    }

    @GetMapping("/api/concepts/{id}/studies")
    @Operation(summary = "The studies about a concept",
            description = "Studies with findings that mention the concept or state an effect of or on it, each with"
                    + " those findings, in study order.")
    ResultPage<ConceptStudyResponse> studiesAbout(@PathVariable long id, @ParameterObject PageQuery page) {
        return compare.studiesAbout(id, page);
    }

    @GetMapping(path = "/api/compare", produces = {MediaType.APPLICATION_JSON_VALUE, MediaTypes.CSV, MediaTypes.MARKDOWN})
    @Operation(summary = "Compare studies",
            description = "A row per study (population, design, interventions, effects, findings, mechanisms) and an"
                    + " agreement line per effect: the studies reporting each direction and those that disagree. Give"
                    + " concept (an id, name or synonym: the studies about it, at most 50) or studies (comma-separated"
                    + " ids, at most 50). Every effect carries its finding id and quote. Also as text/csv and"
                    + " text/markdown.")
    ComparisonResponse compare(
            @Parameter(description = "a concept id, name or synonym") @RequestParam(required = false) String concept,
            @Parameter(description = "study ids, comma-separated (at most 50)") @RequestParam(required = false) List<Long> studies) {
        boolean byConcept = concept != null && !concept.isBlank();
        boolean byStudies = studies != null && !studies.isEmpty();
        if (byConcept == byStudies) {
            throw InvalidParameter.of("concept", "give either concept or studies, not both and not neither");
        }
        return byConcept ? compare.compareOn(concept) : compare.compareStudies(studies);
    }
}
