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
import opennlp.tools.postag.POSTagger;
import opennlp.tools.postag.ThreadSafePOSTaggerME;
import opennlp.tools.sentdetect.SentenceDetector;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.sentdetect.ThreadSafeSentenceDetectorME;
import opennlp.tools.tokenize.ThreadSafeTokenizerME;
import opennlp.tools.tokenize.Tokenizer;
import opennlp.tools.tokenize.TokenizerModel;

/**
 * The OpenNLP English models, loaded once, behind OpenNLP's thread-safe detector, tokenizer and tagger (the plain
 * *ME classes keep per-call state and may not be shared between threads).
 */
final class NlpModels {

    private static final String MODEL_PROPERTIES = "model.properties";

    private final SentenceDetector sentenceDetector;
    private final Tokenizer tokenizer;
    private final POSTagger posTagger;

    private NlpModels(SentenceModel sentences, TokenizerModel tokens, POSModel pos) {
        this.sentenceDetector = new ThreadSafeSentenceDetectorME(sentences);
        this.tokenizer = new ThreadSafeTokenizerME(tokens);
        this.posTagger = new ThreadSafePOSTaggerME(pos);
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

    SentenceDetector sentenceDetector() {
        return sentenceDetector;
    }

    Tokenizer tokenizer() {
        return tokenizer;
    }

    POSTagger posTagger() {
        return posTagger;
    }
}
