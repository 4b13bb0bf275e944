package org.findingskb.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Labels the sentences the pipeline read after a gold annotation: a sentence is a finding when a gold finding's
 * quote lies in it (its kind the first one listed, its certainty, timescale and whose result it is), left open for
 * the finding / not decision when an optional quote lies in it, and not a finding otherwise. An outside expert's
 * view labels whose result a sentence reports even where it is not a finding.
 */
final class SentenceLabels {

    private SentenceLabels() {
    }

    static List<SentenceModelTrainer.Labelled> of(ArticleReading reading, GoldAnnotation gold) {
        String text = reading.text();
        List<SentenceModelTrainer.Labelled> labelled = new ArrayList<>();
        for (Sentence s : reading.sentences()) {
            SentenceFeatures.Vector features = reading.features().get(s.index());
            if (features == null) {
                continue;
            }
            GoldAnnotation.Finding finding = gold.findings().stream().filter(f -> within(text, f.quote(), s))
                    .findFirst().orElse(null);
            if (finding != null) {
                String timescale = finding.timescales().get(0);
                labelled.add(new SentenceModelTrainer.Labelled(features, true, finding.kinds().get(0),
                        finding.certainty(), timescale == null ? SentenceModel.NONE : timescale, finding.by()));
                continue;
            }
            boolean optional = gold.optional().stream().anyMatch(q -> within(text, q, s));
            boolean expert = gold.expertViews().stream().anyMatch(q -> within(text, q, s));
            labelled.add(new SentenceModelTrainer.Labelled(features, optional ? null : Boolean.FALSE, null, null, null,
                    expert ? Attribution.EXPERT.name() : null));
        }
        return labelled;
    }

    /** Whether the quote overlaps the sentence. */
    private static boolean within(String text, String quote, Sentence s) {
        int at = text.indexOf(quote);
        return at >= 0 && at < s.end() && s.start() < at + quote.length();
    }
}
