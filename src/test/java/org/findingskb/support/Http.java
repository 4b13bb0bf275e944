package org.findingskb.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client for end-to-end tests against the server on {@code port}. */
public final class Http {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final Duration timeout;

    public Http(int port) {
        this(port, Duration.ofSeconds(30));
    }

    /** A client that waits up to {@code timeout} for each answer (long, for a loaded machine). */
    public Http(int port, Duration timeout) {
        this.base = "http://localhost:" + port;
        this.timeout = timeout;
    }

    public Reply get(String path, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), headers);
    }

    public Reply send(String method, String path, String body, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)), headers);
    }

    private Reply send(HttpRequest.Builder builder, String... headers) {
        if (headers.length > 0) {
            builder.headers(headers);
        }
        try {
            HttpResponse<String> response = client.send(builder.timeout(timeout).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response, with its body parsed as JSON on demand. */
    public record Reply(HttpResponse<String> response) {

        public int status() {
            return response.statusCode();
        }

        public String body() {
            return response.body();
        }

        public JsonNode json() {
            return JSON.readTree(response.body());
        }

        public Optional<String> header(String name) {
            return response.headers().firstValue(name);
        }

        public String contentType() {
            return header("Content-Type").orElse("");
        }

        @Override
        public String toString() {
            return response.statusCode() + " " + response.body();
        }
    }
}
