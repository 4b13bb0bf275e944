package org.findingskb.summary;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import org.findingskb.finding.Certainty;
import org.findingskb.finding.FindingKind;
import org.findingskb.mechanism.Timescale;
import org.findingskb.shared.KbProperties;
import org.findingskb.study.DesignResponse;
import org.findingskb.study.DesignType;
import org.findingskb.study.StudyNotFound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

/** A summary's representations, chosen by content negotiation and rendered by message converters, in a web slice. */
@WebMvcTest(SummaryController.class)
@AutoConfigureMockMvc(addFilters = false)
class SummaryControllerTests {

    private static final SummaryResponse.Ref FAST = new SummaryResponse.Ref(5L, "Ketamine acts within hours.",
            FindingKind.RESULT, Timescale.RAPID, Certainty.REPORTED);
    private static final SummaryResponse SUMMARY = new SummaryResponse(
            new SummaryResponse.StudyRef(1L, "ketamine", "How ketamine helps depression",
                    new SummaryResponse.Links("/api/studies/1", "/api/studies/1/findings", "/api/sources/1")),
            "Ketamine lifts depression fast",
            List.of(new SummaryResponse.Sentence("Ketamine acts within hours.", List.of(FAST))),
            new DesignResponse(DesignType.ANIMAL, null, null, null, "ketamine", Map.of()),
            new SummaryResponse.Effects(new SummaryResponse.Effect("within hours",
                    List.of(new SummaryResponse.Sentence("Mood lifts within hours.", List.of(FAST)))), null),
            List.of(new SummaryResponse.MechanismRef(2L, "More active young neurons", Timescale.RAPID)), List.of(),
            List.of(new SummaryResponse.Caveat(CaveatCode.ANIMAL_STUDY, "Findings come from animals.", List.of(FAST))),
            "Northwestern Medicine (2025).");

    @TestConfiguration
    @EnableConfigurationProperties(KbProperties.class)
    static class Settings {
    }

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    SummaryService summaries;

    @Test
    void markdownIsChosenByAcceptOrByTheFormatParameter() {
        given(summaries.summarize("1", false)).willReturn(SUMMARY);
        for (MvcTestResult markdown : List.of(mvc.get().uri("/api/studies/1/summary").accept("text/markdown").exchange(),
                mvc.get().uri("/api/studies/1/summary?format=md").exchange())) {
            assertThat(markdown).hasStatusOk().hasContentType("text/markdown;charset=UTF-8");
            assertThat(markdown).bodyText().startsWith("# Ketamine lifts depression fast")
                    .contains("Ketamine acts within hours. [findings #5]").contains("Onset: within hours")
                    .contains("**Design:** animal study; intervention: ketamine")
                    .contains("- Findings come from animals. [findings #5]")
                    .contains("**Citation:** Northwestern Medicine (2025).")
                    .contains("Findings are numbered as in the API: http://localhost/api/studies/1/findings");
        }
    }

    @Test
    void jsonLdNamesTheStudyTheSummaryIsAbout() {
        given(summaries.summarize("1", false)).willReturn(SUMMARY);
        assertThat(mvc.get().uri("/api/studies/1/summary").accept("application/ld+json")).hasStatusOk()
                .hasContentType("application/ld+json")
                .bodyJson().extractingPath("$.about.name").isEqualTo("How ketamine helps depression");
    }

    @Test
    void jsonIsTheDefaultAndASummaryRevalidates() {
        given(summaries.summarize("1", false)).willReturn(SUMMARY);
        MvcTestResult json = mvc.get().uri("/api/studies/1/summary").accept("*/*").exchange();
        assertThat(json).hasStatusOk().hasContentType(MediaType.APPLICATION_JSON);
        assertThat(json).bodyJson().extractingPath("$.study.links.source").isEqualTo("http://localhost/api/sources/1");
        assertThat(json).bodyJson().extractingPath("$.plainLanguage[0].findings[0].kind").isEqualTo("RESULT");
        assertThat(json).bodyJson().extractingPath("$.effects.sustained").isNull();
        assertThat(json).bodyJson().extractingPath("$.caveats[0].code").isEqualTo("ANIMAL_STUDY");
        String etag = json.getResponse().getHeader(HttpHeaders.ETAG);
        assertThat(etag).startsWith("\"h");
        assertThat(mvc.get().uri("/api/studies/1/summary").header(HttpHeaders.IF_NONE_MATCH, etag)).hasStatus(304);
        assertThat(mvc.get().uri("/api/studies/1/summary").accept("image/png")).hasStatus(406)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anUnknownExpansionIsAProblemNamingTheParameter() {
        assertThat(mvc.get().uri("/api/studies/1/summary?expand=mechanisms")).hasStatus(400)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON).bodyText().contains("expand");
    }

    @Test
    void anUnknownStudyIsAProblemInEveryRepresentation() {
        given(summaries.summarize("nope", false)).willThrow(StudyNotFound.withIdOrSlug("nope"));
        for (String accept : List.of("application/json", "text/markdown", "application/ld+json")) {
            assertThat(mvc.get().uri("/api/studies/nope/summary").accept(accept)).as(accept).hasStatus(404)
                    .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }
}
