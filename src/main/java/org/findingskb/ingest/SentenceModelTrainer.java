package org.findingskb.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import opennlp.tools.ml.AbstractEventTrainer;
import opennlp.tools.ml.EventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.maxent.quasinewton.QNTrainer;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * Trains the {@link SentenceModel} with OpenNLP's maximum-entropy trainer (L-BFGS, L2 penalty, real-valued
 * features), from sentences labelled after the gold annotations.
 */
final class SentenceModelTrainer {

    /**
     * One labelled sentence. {@code finding} is {@code null} where the gold leaves it open (an optional sentence);
     * {@code kind}, {@code certainty} and {@code timescale} are set for findings only, {@code by} for findings and
     * outside experts' views.
     */
    record Labelled(SentenceFeatures.Vector features, Boolean finding, String kind, String certainty,
            String timescale, String by) {
    }

    /**
     * How hard to train: iterations of L-BFGS, the L2 penalty, and how often a feature must occur to count; the
     * finding / not classifier has a penalty and cutoff of its own.
     */
    record Settings(int iterations, double l2, int cutoff, double findingL2, int findingCutoff) {

        /** The same penalty and cutoff for every classifier. */
        Settings(int iterations, double l2, int cutoff) {
            this(iterations, l2, cutoff, l2, cutoff);
        }

        /**
         * What the bundled model is trained with; the cross-validation uses the same. Chosen by cross-validation
         * over the corpus: for kind, certainty, timescale and whose result, a lighter penalty and features seen once
         * read kinds better; the finding / not decision keeps the firmer penalty, which holds recall.
         */
        static Settings standard() {
            return new Settings(100, 0.5, 1, 1.0, 2);
        }

        Settings forFindings() {
            return new Settings(iterations, findingL2, findingCutoff);
        }
    }

    private SentenceModelTrainer() {
    }

    static SentenceModel train(List<Labelled> sentences, Settings settings, Map<String, Object> manifest) {
        List<Event> finding = new ArrayList<>();
        List<Event> kind = new ArrayList<>();
        List<Event> certainty = new ArrayList<>();
        List<Event> timescale = new ArrayList<>();
        List<Event> by = new ArrayList<>();
        for (Labelled s : sentences) {
            String[] names = s.features().names();
            float[] values = s.features().values();
            if (s.finding() != null) {
                SentenceFeatures.Vector plain = s.features().withoutPairs();
                finding.add(new Event(s.finding() ? SentenceModel.YES : "no", plain.names(), plain.values()));
            }
            if (s.kind() != null) {
                kind.add(new Event(s.kind(), names, values));
            }
            if (s.certainty() != null) {
                certainty.add(new Event(s.certainty(), names, values));
            }
            if (s.timescale() != null) {
                timescale.add(new Event(s.timescale(), names, values));
            }
            if (s.by() != null) {
                by.add(new Event(s.by(), names, values));
            }
        }
        Map<String, MaxentModel> models = new LinkedHashMap<>();
        models.put(SentenceModel.FINDING, train(finding, settings.forFindings()));
        models.put(SentenceModel.KIND, train(kind, settings));
        models.put(SentenceModel.CERTAINTY, train(certainty, settings));
        models.put(SentenceModel.TIMESCALE, train(timescale, settings));
        models.put(SentenceModel.BY, train(by, settings));
        Map<String, Object> described = new LinkedHashMap<>(manifest);
        described.put("featureSet", SentenceFeatures.VERSION);
        described.put("trainer", describe(settings));
        described.put("decisionThreshold", SentenceModel.DECISION_THRESHOLD);
        return new SentenceModel(models, described);
    }

    /** The trainer and its settings, as a model's manifest records them. */
    static Map<String, Object> describe(Settings settings) {
        Map<String, Object> trainer = new LinkedHashMap<>();
        trainer.put("library", "Apache OpenNLP maxent");
        trainer.put("algorithm", QNTrainer.MAXENT_QN_VALUE);
        trainer.put("iterations", settings.iterations());
        trainer.put("l2", settings.l2());
        trainer.put("cutoff", settings.cutoff());
        trainer.put("findingL2", settings.findingL2());
        trainer.put("findingCutoff", settings.findingCutoff());
        return trainer;
    }

    static MaxentModel train(List<Event> events, Settings settings) {
        TrainingParameters p = new TrainingParameters();
        p.put(TrainingParameters.ALGORITHM_PARAM, QNTrainer.MAXENT_QN_VALUE);
        p.put(AbstractEventTrainer.DATA_INDEXER_PARAM, AbstractEventTrainer.DATA_INDEXER_ONE_PASS_REAL_VALUE);
        p.put(TrainingParameters.ITERATIONS_PARAM, settings.iterations());
        p.put(TrainingParameters.CUTOFF_PARAM, settings.cutoff());
        p.put(QNTrainer.L1COST_PARAM, 0.0);
        p.put(QNTrainer.L2COST_PARAM, settings.l2());
        p.put(TrainingParameters.THREADS_PARAM, 1);
        EventTrainer trainer = TrainerFactory.getEventTrainer(p, null);
        try {
            return trainer.train(ObjectStreamUtils.createObjectStream(events));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
