package org.findingskb.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The OpenSearch node that the elasticsearch profile's build starts for its tests (see the pom): the tests wait
 * for it once, and delete each context's indexes when the context closes.
 */
final class OpenSearchNode {

    /** The node's address, set by the build. */
    static final String URL_PROPERTY = "kb.test.opensearch.url";

    private static final Duration STARTUP = Duration.ofMinutes(3);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static volatile boolean ready;

    private OpenSearchNode() {
    }

    /** Returns once the node answers with at least a yellow cluster; the node starts alongside the tests. */
    static synchronized void awaitReady(String url) {
        if (ready) {
            return;
        }
        long deadline = System.nanoTime() + STARTUP.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> health = send(HttpRequest.newBuilder(
                        URI.create(url + "/_cluster/health?wait_for_status=yellow&timeout=10s")).GET());
                if (health.statusCode() == 200) {
                    ready = true;
                    return;
                }
            } catch (IOException e) {
                last = e;
            }
            sleep();
        }
        throw new IllegalStateException("The OpenSearch node at " + url + " did not come up within " + STARTUP, last);
    }

    static void deleteIndexes(String url, String prefix) throws IOException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url + "/" + prefix + "*")).DELETE());
        if (response.statusCode() != 200) {
            throw new IOException("OpenSearch refused to delete the indexes " + prefix + "*: " + response.body());
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted", e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for OpenSearch", e);
        }
    }
}
