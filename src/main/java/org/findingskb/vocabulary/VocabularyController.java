package org.findingskb.vocabulary;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The labels of every enumeration, read once from {@code vocabulary/labels.json}. */
@RestController
@Tag(name = "Vocabulary")
class VocabularyController {

    static final String RESOURCE = "vocabulary/labels.json";

    private final VocabularyResponse vocabulary;

    VocabularyController() {
        this.vocabulary = load();
    }

    @GetMapping(path = "/api/vocabulary", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Every enumeration with a human label and a one-line description for each value")
    VocabularyResponse vocabulary() {
        return vocabulary;
    }

    static VocabularyResponse load() {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            Map<String, List<VocabularyResponse.Term>> read = JsonMapper.builder().build()
                    .readValue(in, new TypeReference<LinkedHashMap<String, List<VocabularyResponse.Term>>>() {
                    });
            return new VocabularyResponse(read);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}
