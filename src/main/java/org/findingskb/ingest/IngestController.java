package org.findingskb.ingest;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import org.findingskb.shared.UnsupportedCharset;

@RestController
@Tag(name = "Sources")
class IngestController {

    /** Longer than any headline: a single line past this is an article that lost its line breaks. */
    static final int HEADLINE_LENGTH = 200;
    private static final String FORCE = "store the text even if it is less than an article (fewer than "
            + IngestService.MIN_SENTENCES + " sentences or " + IngestService.MIN_LENGTH + " characters)";

    private final IngestService ingest;
    private final IngestReport report;

    IngestController(IngestService ingest, IngestReport report) {
        this.ingest = ingest;
        this.report = report;
    }

    @PostMapping(path = "/api/sources", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Ingest an article",
            description = "201 with Location when the article is new; 200 with the stored source when the same text "
                    + "(after normalising whitespace and line endings) was ingested before, with a warning when the "
                    + "metadata sent differs (correct it with PATCH). 422 for less than an article (fewer than "
                    + IngestService.MIN_SENTENCES + " sentences or " + IngestService.MIN_LENGTH
                    + " characters) unless force is true.")
    ResponseEntity<IngestResponse> ingestJson(@Valid @RequestBody IngestRequest request,
            @Parameter(description = FORCE) @RequestParam(defaultValue = "false") boolean force) {
        return answer(ingest.ingest(request.text(), request.overrides(), force || request.forced()));
    }

    @PostMapping(path = "/api/sources", consumes = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "Ingest an article sent as plain UTF-8 text; its first line is the title",
            description = "Send a file with curl --data-binary @file: -d drops its line breaks.")
    ResponseEntity<IngestResponse> ingestText(@RequestBody byte[] body,
            @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) MediaType contentType,
            @Parameter(description = FORCE) @RequestParam(defaultValue = "false") boolean force) {
        String text = utf8(body, contentType);
        List<String> flattened = flattened(text);
        try {
            return answer(ingest.ingest(text, SourceOverrides.none(), force).warnedFirst(flattened));
        } catch (SourceTooShort e) {
            // A flattened article is all title and no sentences: the likely cause comes first.
            throw flattened.isEmpty() ? e : e.because(flattened.get(0));
        }
    }

    /**
     * A warning for a body that is one line longer than a headline: {@code curl -d @file} strips a file's line
     * breaks, so the whole article arrives as one line and is read as its own title (with no sentences left, it is
     * refused unless forced, and the refusal says why).
     */
    static List<String> flattened(String text) {
        String body = text.strip();
        if (body.length() <= HEADLINE_LENGTH || body.indexOf('\n') >= 0 || body.indexOf('\r') >= 0) {
            return List.of();
        }
        return List.of("The body is a single line of " + body.length() + " characters, so all of it was read as the"
                + " title. If it was sent from a file with curl -d, send it with --data-binary @file, which keeps the"
                + " line breaks.");
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
