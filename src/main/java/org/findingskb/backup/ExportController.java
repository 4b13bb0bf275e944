package org.findingskb.backup;

import java.io.IOException;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/export} (ADMIN key): the whole knowledge base as NDJSON, streamed while it is read. A download
 * that breaks off is caught by the restore, which counts every type's rows against the header.
 */
@RestController
@Tag(name = "Backup")
class ExportController {

    static final String NDJSON = "application/x-ndjson";

    private final KnowledgeBaseExport export;

    ExportController(KnowledgeBaseExport export) {
        this.export = export;
    }

    @GetMapping("/api/export")
    @Operation(summary = "The whole knowledge base as NDJSON (admin)", description = "One header line, then one line per"
            + " row; --kb.restore loads it into an empty database.", responses = @ApiResponse(responseCode = "200",
            description = "OK", content = @Content(mediaType = NDJSON, schema = @Schema(type = "string"))))
    void export(HttpServletResponse response) throws IOException, SQLException {
        response.setContentType(NDJSON);
        response.setCharacterEncoding("UTF-8");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"findings-kb-" + LocalDate.now(ZoneOffset.UTC) + ".ndjson\"");
        export.export(response.getOutputStream());
        response.flushBuffer();
    }
}
