package org.findingskb.web;

import org.jspecify.annotations.NullMarked;

import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The entry point of the API: what it is, where everything lives and how much it holds. */
@RestController
@Tag(name = "Index")
class ApiIndexController {

    private final KnowledgeBaseCounts counts;
    private final String version;

    ApiIndexController(KnowledgeBaseCounts counts, ObjectProvider<BuildProperties> build) {
        this.counts = counts;
        BuildProperties properties = build.getIfAvailable();
        this.version = properties == null ? "development" : properties.getVersion();
    }

    @GetMapping("/api")
    @Operation(summary = "Links to every collection, the API docs, and how much the knowledge base holds")
    ApiIndex index() {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        Map<String, String> links = new LinkedHashMap<>();
        links.put("self", base + "/api");
        for (String collection : KnowledgeBaseCounts.COLLECTIONS) {
            links.put(collection, base + "/api/" + collection);
        }
        links.put("search", base + "/api/search?q={q}");
        links.put("openapi", base + "/v3/api-docs");
        links.put("swaggerUi", base + "/swagger-ui.html");
        links.put("health", base + "/actuator/health");
        Map<String, String> examples = new LinkedHashMap<>();
        examples.put("search the knowledge base", base + "/api/search?q=hippocampus&pretty");
        examples.put("fast-acting mechanisms", base + "/api/findings?kind=mechanism&timescale=rapid&pretty");
        examples.put("findings about a concept, by any of its names", base + "/api/findings?concept=BMP&pretty");
        examples.put("a study in brief", base + "/api/studies/1/summary?pretty");
        examples.put("the same, as Markdown", base + "/api/studies/1/summary?format=md");
        examples.put("a source with its annotated spans", base + "/api/sources/1?pretty");
        examples.put("type-ahead over concepts", base + "/api/concepts?q=hipp&pretty");
        return new ApiIndex("Findings KB", version,
                "A knowledge base of studies, their findings and the mechanisms behind them, each finding tied to the"
                        + " sentence it came from. Add ?pretty to any JSON URL to indent it.",
                links, examples, counts.current());
    }

    @NullMarked
    record ApiIndex(String name, String version, String description, Map<String, String> links,
            Map<String, String> examples, Map<String, Long> counts) {
    }
}
