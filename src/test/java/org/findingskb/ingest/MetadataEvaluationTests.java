package org.findingskb.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Metadata accuracy per field over the bundled corpus, and over {@code -Dkb.eval.dir=FOLDER} where it is. Metadata
 * is read by rules, never by the sentence model, so this needs no training and takes seconds: the quick loop for
 * work on metadata. {@link PipelineEvaluationTests} prints the same table beside the cross-validated scores.
 */
class MetadataEvaluationTests {

    private static final List<String> GROUPS = new ArrayList<>();
    private static final List<String> LABELS = new ArrayList<>();
    private static final List<List<MetadataFields.Field>> FIELDS = new ArrayList<>();

    @BeforeAll
    static void readAllArticles() {
        List<GoldCorpus.Article> corpus = GoldCorpus.bundled();
        List<ArticleMetadata> read = corpus.parallelStream()
                .map(a -> TestArticles.rules().read(a.text()).metadata()).toList();
        for (int i = 0; i < corpus.size(); i++) {
            GROUPS.add(corpus.get(i).set());
            LABELS.add(corpus.get(i).label());
            FIELDS.add(MetadataFields.compare(corpus.get(i).gold(), read.get(i)));
        }
        System.out.println(MetadataFields.byGroup("metadata per field, set", GROUPS, FIELDS,
                "all " + corpus.size() + " articles"));
        String folder = System.getProperty("kb.eval.dir", "");
        if (!folder.isBlank()) {
            List<GoldCorpus.Article> there = GoldCorpus.in(Path.of(folder));
            List<String> groups = new ArrayList<>();
            List<List<MetadataFields.Field>> fields = new ArrayList<>();
            for (GoldCorpus.Article a : there) {
                groups.add(a.label());
                fields.add(MetadataFields.compare(a.gold(), TestArticles.rules().read(a.text()).metadata()));
            }
            System.out.println(MetadataFields.byGroup("metadata per field, " + folder, groups, fields,
                    "all " + there.size() + " articles"));
            printWrong(groups, fields);
        }
        printWrong(LABELS, FIELDS);
    }

    private static void printWrong(List<String> groups, List<List<MetadataFields.Field>> fields) {
        for (int i = 0; i < groups.size(); i++) {
            for (MetadataFields.Field f : fields.get(i)) {
                if (!f.right()) {
                    System.out.println("  - " + groups.get(i) + " " + f.name() + ": read " + f.read() + ", gold "
                            + f.gold());
                }
            }
        }
    }

    @Test
    void everyArticleHasEveryFieldScored() {
        assertThat(FIELDS).allSatisfy(f -> assertThat(f).extracting(MetadataFields.Field::name)
                .containsExactlyElementsOf(MetadataFields.NAMES));
    }
}
