package org.findingskb.ingest;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import org.findingskb.shared.UnsupportedCharset;

@RestController
@Tag(name = "Sources")
class IngestController {

    private final IngestService ingest;
    private final IngestReport report;

    IngestController(IngestService ingest, IngestReport report) {
        this.ingest = ingest;
        this.report = report;
    }

    @PostMapping(path = "/api/sources", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Ingest an article",
            description = "201 with Location when the article is new; 200 with the stored source when the same text "
                    + "(after normalising whitespace and line endings) was ingested before.")
    ResponseEntity<IngestResponse> ingestJson(@Valid @RequestBody IngestRequest request) {
        return answer(ingest.ingest(request.text(), request.overrides()));
    }

    @PostMapping(path = "/api/sources", consumes = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "Ingest an article sent as plain UTF-8 text; its first line is the title")
    ResponseEntity<IngestResponse> ingestText(@RequestBody byte[] body,
            @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) MediaType contentType) {
        return answer(ingest.ingest(utf8(body, contentType), SourceOverrides.none()));
    }

    private ResponseEntity<IngestResponse> answer(IngestOutcome outcome) {
        IngestResponse body = report.of(outcome);
        if (!outcome.created()) {
            return ResponseEntity.ok(body);
        }
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/api/sources/{id}").buildAndExpand(outcome.sourceId()).toUri();
        return ResponseEntity.status(HttpStatus.CREATED).location(location).body(body);
    }

    /** The body as text, refusing anything but valid UTF-8 (a charset other than UTF-8 is a 415). */
    private static String utf8(byte[] body, MediaType contentType) {
        Charset charset = contentType == null ? null : contentType.getCharset();
        if (charset != null && !charset.equals(StandardCharsets.UTF_8) && !charset.name().equals("US-ASCII")) {
            throw UnsupportedCharset.of(charset.name());
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw InvalidSource.notUtf8();
        }
    }
}
