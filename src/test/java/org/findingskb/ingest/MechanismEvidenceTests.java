package org.findingskb.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** What a mechanism takes in as evidence, and general lexicon terms tagged in invented articles. */
class MechanismEvidenceTests {

    @Test
    void aMechanismThatPointsBackTakesInTheSentenceBefore() {
        ArticleAnalysis a = TestArticles.analyze("Seals and ice\n\nA new study from Harrowgate University looked at "
                + "seals.\n\nIn a separate study, a second lab found that antibodies against a krill protein also "
                + "stick to a protein in seal muscle. Such a misfire might explain why a diet of krill turns the immune "
                + "system against muscle fibres.");
        assertThat(a.mechanisms()).anyMatch(m -> m.description().contains("antibodies")
                && m.description().contains("misfire"));
    }

    @Test
    void tagsGeneralTermsForKetonesImagingAndDevices() {
        ArticleAnalysis a = TestArticles.analyze("Ketones and hearing\n\nA new study from Harrowgate University "
                + "found that beta-hydroxybutyrate, one of the ketone bodies, rose in older people fitted with hearing "
                + "aids, and PET scans showed that histone deacetylases were less active.");
        assertThat(concepts(a)).contains("3-Hydroxybutyric Acid", "Ketone Bodies", "Hearing Aids",
                "Positron-Emission Tomography", "Histone Deacetylases");
    }

    private static Stream<String> conceptsStream(ArticleAnalysis a) {
        return Stream.concat(a.findings().stream().flatMap(f -> f.concepts().stream()),
                Stream.concat(a.metadata().interventions().stream(), a.metadata().conditions().stream()))
                .map(ConceptCandidate::name);
    }

    private static java.util.List<String> concepts(ArticleAnalysis a) {
        return conceptsStream(a).distinct().toList();
    }
}
