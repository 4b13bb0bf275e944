package org.findingskb.mechanism;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import org.findingskb.study.StudyService;

/** A study's mechanisms, served where mechanisms live. */
@RestController
@Tag(name = "Mechanisms")
class StudyMechanismsController {

    private final MechanismService mechanisms;
    private final StudyService studies;

    StudyMechanismsController(MechanismService mechanisms, StudyService studies) {
        this.mechanisms = mechanisms;
        this.studies = studies;
    }

    @GetMapping("/api/studies/{idOrSlug}/mechanisms")
    @Operation(summary = "The study's mechanisms")
    List<MechanismResponse> ofStudy(@PathVariable String idOrSlug) {
        return mechanisms.ofStudy(studies.idOf(idOrSlug));
    }
}
