package org.findingskb.web;

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
        return new ApiIndex("Findings KB", version, links, counts.current());
    }

    record ApiIndex(String name, String version, Map<String, String> links, Map<String, Long> counts) {
    }
}
