package org.findingskb.search;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import org.findingskb.shared.KbProperties;

/**
 * The sentence model that turns text into a point in meaning space: all-MiniLM-L6-v2 (quantized, ONNX), shipped
 * inside its jar, so nothing is downloaded. Its vectors have unit length, so cosine similarity compares them. The
 * model loads on a thread of its own from the moment the application starts, so start-up does not wait for it; the
 * first text embedded waits until it is there. ONNX Runtime sessions are safe to share between threads.
 */
@Component
public class Embeddings {

    private static final Logger log = LoggerFactory.getLogger(Embeddings.class);

    /** The model's dimensions. */
    public static final int DIMENSIONS = 384;

    private final boolean enabled;
    private final int maxInputChars;
    private final int candidates;
    private final float minSimilarity;
    private final CompletableFuture<EmbeddingModel> model;
    private final AtomicBoolean failureLogged = new AtomicBoolean();
    /** Vectors of recent search texts: a text's vector never changes, and embedding it is most of a search's work. */
    private final Cache<String, float[]> queryVectors;

    Embeddings(KbProperties properties) {
        KbProperties.Semantic semantic = properties.search().semantic();
        this.enabled = semantic.enabled();
        this.maxInputChars = semantic.maxInputChars();
        this.candidates = semantic.candidates();
        this.minSimilarity = (float) semantic.minSimilarity();
        this.model = enabled ? load() : CompletableFuture.completedFuture(null);
        this.queryVectors = Caffeine.newBuilder().maximumSize(semantic.queryVectors()).build();
    }

    private static CompletableFuture<EmbeddingModel> load() {
        CompletableFuture<EmbeddingModel> loaded = new CompletableFuture<>();
        Thread loader = new Thread(() -> {
            try {
                loaded.complete(new AllMiniLmL6V2QuantizedEmbeddingModel());
            } catch (Throwable failure) {
                loaded.completeExceptionally(failure);
            }
        }, "embedding-model-loader");
        loader.setDaemon(true);
        loader.start();
        return loaded;
    }

    /** Whether search by meaning is on ({@code kb.search.semantic.enabled}). */
    public boolean enabled() {
        return enabled;
    }

    /** How many nearest neighbours one query by meaning considers. */
    int candidates() {
        return candidates;
    }

    /** How close a neighbour must be to join the hits a hybrid search's words found elsewhere. */
    float minSimilarity() {
        return minSimilarity;
    }

    /**
     * The text's vector, or {@code null} when meaning search is off, the model could not load (writes and searches
     * then go on by words alone) or there is no text. Text past
     * {@code kb.search.semantic.max-input-chars} is cut: the model reads its first few hundred words-pieces anyway,
     * and the cost of one call stays bounded whatever the input.
     */
    public float[] embed(String text) {
        if (!enabled || text == null || text.isBlank()) {
            return null;
        }
        EmbeddingModel loaded = loaded();
        if (loaded == null) {
            return null;
        }
        String input = text.length() > maxInputChars ? text.substring(0, maxInputChars) : text;
        return loaded.embed(input).content().vector();
    }

    /**
     * A search text's vector, as {@link #embed}, kept among the {@code kb.search.semantic.query-vectors} most recent
     * so that a query asked again costs no model call. Callers must not change the array.
     */
    float[] embedQuery(String text) {
        if (!enabled || text == null || text.isBlank()) {
            return null;
        }
        float[] kept = queryVectors.getIfPresent(text);
        if (kept != null) {
            return kept;
        }
        float[] vector = embed(text);
        if (vector != null) {
            queryVectors.put(text, vector);
        }
        return vector;
    }

    /** The model, once it has loaded; {@code null}, logged once, if it failed to. */
    private EmbeddingModel loaded() {
        try {
            return model.join();
        } catch (CompletionException failure) {
            if (failureLogged.compareAndSet(false, true)) {
                log.error("The sentence model did not load: findings, mechanisms and studies are indexed and searched"
                        + " by words alone", failure.getCause());
            }
            return null;
        }
    }
}
