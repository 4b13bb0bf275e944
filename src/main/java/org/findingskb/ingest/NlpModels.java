package org.findingskb.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;

/**
 * The OpenNLP English models, loaded once. Models are thread-safe but the *ME classes are not, so each thread
 * gets its own detector, tokenizer and tagger over the shared models.
 */
final class NlpModels {

    private static final String MODEL_PROPERTIES = "model.properties";

    private final ThreadLocal<SentenceDetectorME> sentenceDetector;
    private final ThreadLocal<TokenizerME> tokenizer;
    private final ThreadLocal<POSTaggerME> posTagger;

    private NlpModels(SentenceModel sentences, TokenizerModel tokens, POSModel pos) {
        this.sentenceDetector = ThreadLocal.withInitial(() -> new SentenceDetectorME(sentences));
        this.tokenizer = ThreadLocal.withInitial(() -> new TokenizerME(tokens));
        this.posTagger = ThreadLocal.withInitial(() -> new POSTaggerME(pos));
    }

    /**
     * Each opennlp-models-*-en jar carries a {@code model.properties} naming its .bin at the jar root; the kind of
     * model is part of that name (sentence, tokens, pos).
     */
    static NlpModels fromClasspath() {
        ClassLoader loader = NlpModels.class.getClassLoader();
        Map<String, String> binByKind = new HashMap<>();
        try {
            Enumeration<URL> descriptors = loader.getResources(MODEL_PROPERTIES);
            while (descriptors.hasMoreElements()) {
                Properties properties = new Properties();
                try (InputStream in = descriptors.nextElement().openStream()) {
                    properties.load(in);
                }
                String name = properties.getProperty("model.name");
                if (name == null || !"en".equals(properties.getProperty("model.language", "en"))) {
                    continue;
                }
                for (String kind : new String[] {"sentence", "tokens", "pos"}) {
                    if (name.contains("-" + kind + "-")) {
                        binByKind.putIfAbsent(kind, name);
                    }
                }
            }
            return new NlpModels(
                    new SentenceModel(open(loader, binByKind, "sentence")),
                    new TokenizerModel(open(loader, binByKind, "tokens")),
                    new POSModel(open(loader, binByKind, "pos")));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load the OpenNLP English models", e);
        }
    }

    private static InputStream open(ClassLoader loader, Map<String, String> binByKind, String kind) {
        String bin = binByKind.get(kind);
        InputStream in = bin == null ? null : loader.getResourceAsStream(bin);
        if (in == null) {
            throw new IllegalStateException("No OpenNLP English " + kind + " model on the classpath");
        }
        return in;
    }

    SentenceDetectorME sentenceDetector() {
        return sentenceDetector.get();
    }

    TokenizerME tokenizer() {
        return tokenizer.get();
    }

    POSTaggerME posTagger() {
        return posTagger.get();
    }
}
