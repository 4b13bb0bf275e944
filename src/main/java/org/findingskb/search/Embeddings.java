package org.findingskb.search;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
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
    /** Texts embedded since start: what the model was asked to compute, for the metrics and tests. */
    private final AtomicLong computed = new AtomicLong();
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
                // A batch's texts run one after another on one thread of their own (the library's default spreads
                // them over a thread each): the background embedder then takes one core, not every core requests need.
                loaded.complete(new AllMiniLmL6V2QuantizedEmbeddingModel(Executors.newSingleThreadExecutor(task -> {
                    Thread thread = new Thread(task, "embedding-batch");
                    thread.setDaemon(true);
                    return thread;
                })));
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
        computed.incrementAndGet();
        return loaded.embed(input(text)).content().vector();
    }

    /**
     * The texts' vectors, in order, computed in one call of the model ({@code null} for a blank text); {@code null}
     * as a whole when meaning search is off or the model could not load. Texts are cut as {@link #embed} cuts them.
     */
    List<float[]> embedAll(List<String> texts) {
        if (!enabled) {
            return null;
        }
        EmbeddingModel loaded = loaded();
        if (loaded == null) {
            return null;
        }
        List<TextSegment> segments = texts.stream().filter(t -> t != null && !t.isBlank())
                .map(t -> TextSegment.from(input(t))).toList();
        List<Embedding> vectors = segments.isEmpty() ? List.of() : loaded.embedAll(segments).content();
        computed.addAndGet(segments.size());
        java.util.Iterator<Embedding> next = vectors.iterator();
        return texts.stream().map(t -> t == null || t.isBlank() ? null : next.next().vector()).toList();
    }

    /** What the model is given of a text: its first {@code kb.search.semantic.max-input-chars} characters. */
    String input(String text) {
        return text.length() > maxInputChars ? text.substring(0, maxInputChars) : text;
    }

    /** How many texts have been embedded since start (search texts included). */
    public long computed() {
        return computed.get();
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
