package org.findingskb.summary;

import java.util.List;

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

import org.findingskb.mechanism.Timescale;
import org.findingskb.shared.KbProperties;
import org.findingskb.study.StudyNotFound;
import org.findingskb.study.StudyResponse;
import org.findingskb.study.StudyService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

/** A summary's representations, chosen by content negotiation and rendered by message converters, in a web slice. */
@WebMvcTest(SummaryController.class)
@AutoConfigureMockMvc(addFilters = false)
class SummaryControllerTests {

    private static final SummaryResponse SUMMARY = new SummaryResponse(1L, "Ketamine lifts depression fast",
            "Ketamine acts within hours.", List.of(new SummaryResponse.Statement("Ketamine acts within hours.", List.of(5L))),
            new SummaryResponse.Effect("Mood lifts within hours.", "within hours", List.of(5L)), null,
            List.of(new SummaryResponse.MechanismRef(2L, "More active young neurons", Timescale.RAPID)), List.of(),
            List.of("Animal study"), "Northwestern Medicine (2025).");

    @TestConfiguration
    @EnableConfigurationProperties(KbProperties.class)
    static class Settings {
    }

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    SummaryService summaries;
    @MockitoBean
    StudyService studies;

    @Test
    void markdownIsChosenByAcceptOrByTheFormatParameter() {
        given(summaries.summarize("1")).willReturn(SUMMARY);
        for (MvcTestResult markdown : List.of(mvc.get().uri("/api/studies/1/summary").accept("text/markdown").exchange(),
                mvc.get().uri("/api/studies/1/summary?format=md").exchange())) {
            assertThat(markdown).hasStatusOk().hasContentType("text/markdown;charset=UTF-8");
            assertThat(markdown).bodyText().startsWith("# Ketamine lifts depression fast")
                    .contains("Onset: within hours").contains("**Citation:** Northwestern Medicine (2025).");
        }
    }

    @Test
    void jsonLdNamesTheStudyTheSummaryIsAbout() {
        given(summaries.summarize("1")).willReturn(SUMMARY);
        given(studies.get("1")).willReturn(new StudyResponse(1L, "ketamine", "How ketamine helps depression", null, null,
                2025, null, null, List.of(), List.of(), List.of(), null, 19, 2, 1, null));
        assertThat(mvc.get().uri("/api/studies/1/summary").accept("application/ld+json")).hasStatusOk()
                .hasContentType("application/ld+json")
                .bodyJson().extractingPath("$.about.name").isEqualTo("How ketamine helps depression");
    }

    @Test
    void jsonIsTheDefaultAndASummaryRevalidates() {
        given(summaries.summarize("1")).willReturn(SUMMARY);
        MvcTestResult json = mvc.get().uri("/api/studies/1/summary").accept("*/*").exchange();
        assertThat(json).hasStatusOk().hasContentType(MediaType.APPLICATION_JSON);
        String etag = json.getResponse().getHeader(HttpHeaders.ETAG);
        assertThat(etag).startsWith("\"h");
        assertThat(mvc.get().uri("/api/studies/1/summary").header(HttpHeaders.IF_NONE_MATCH, etag)).hasStatus(304);
        assertThat(mvc.get().uri("/api/studies/1/summary").accept("image/png")).hasStatus(406)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anUnknownStudyIsAProblemInEveryRepresentation() {
        given(summaries.summarize("nope")).willThrow(StudyNotFound.withIdOrSlug("nope"));
        for (String accept : List.of("application/json", "text/markdown", "application/ld+json")) {
            assertThat(mvc.get().uri("/api/studies/nope/summary").accept(accept)).as(accept).hasStatus(404)
                    .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }
}
