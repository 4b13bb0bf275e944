package org.findingskb.finding;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import org.findingskb.concept.ConceptRef;
import org.findingskb.concept.ConceptType;
import org.findingskb.history.HistoryService;
import org.findingskb.mechanism.Timescale;
import org.findingskb.shared.IfMatch;
import org.findingskb.shared.KbProperties;
import org.findingskb.shared.PageQuery;
import org.findingskb.shared.RequestBodies;
import org.findingskb.shared.ResultPage;
import org.findingskb.study.StudyService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * The HTTP contract of /api/findings in a web slice: status codes, problem details, conditional requests and
 * representations, with the services below stubbed. What the services do is tested end to end elsewhere.
 */
@WebMvcTest(FindingController.class)
@AutoConfigureMockMvc(addFilters = false)
@Import(RequestBodies.class)
class FindingControllerTests {

    private static final FindingResponse FINDING = new FindingResponse(5L, 1L,
            "Ketamine makes young neurons more active.", FindingKind.RESULT, Timescale.RAPID, Certainty.REPORTED,
            List.of(new FindingResponse.Evidence(1L, 10, 52, "Ketamine makes young neurons more active", "", ".")),
            List.of(new ConceptRef(3L, "ketamine", ConceptType.DRUG)), List.of(2L), Origin.EXTRACTED, 0.9, false,
            ReviewStatus.UNREVIEWED, null, List.of(), 4, ReportedBy.STUDY,
            List.of(new FindingResponse.Effect(new ConceptRef(3L, "ketamine", ConceptType.DRUG), EffectDirection.INCREASES,
                    new ConceptRef(4L, "young neurons", ConceptType.CELL_TYPE),
                    new FindingResponse.Evidence(1L, 10, 52, "Ketamine makes young neurons more active", "", "."))));

    /** The typed settings the web filters read; the application class registers them, a slice does not. */
    @TestConfiguration
    @EnableConfigurationProperties(KbProperties.class)
    static class Settings {
    }

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    FindingService findings;
    @MockitoBean
    FindingCurationService curation;
    @MockitoBean
    HistoryService history;
    @MockitoBean
    StudyService studies;

    @Test
    void returnsProblemDetailForUnknownFinding() {
        given(findings.get(99)).willThrow(FindingNotFound.withId(99));
        assertThat(mvc.get().uri("/api/findings/99")).hasStatus(404)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.type").isEqualTo("/problems/not-found");
    }

    @Test
    void aFindingCarriesAVersionETagAndIfNoneMatchAnswers304() {
        given(findings.get(5)).willReturn(FINDING);
        MvcTestResult first = mvc.get().uri("/api/findings/5").exchange();
        assertThat(first).hasStatusOk().bodyJson().extractingPath("$.statement").isEqualTo(FINDING.statement());
        String etag = first.getResponse().getHeader(HttpHeaders.ETAG);
        assertThat(etag).startsWith("\"4-");
        assertThat(mvc.get().uri("/api/findings/5").header(HttpHeaders.IF_NONE_MATCH, etag)).hasStatus(304);
        assertThat(mvc.get().uri("/api/findings/5").header(HttpHeaders.IF_NONE_MATCH, "\"1-0\", " + etag)).hasStatus(304);
        assertThat(mvc.get().uri("/api/findings/5").header(HttpHeaders.IF_NONE_MATCH, "*")).hasStatus(304);
        assertThat(mvc.get().uri("/api/findings/5").header(HttpHeaders.IF_NONE_MATCH, "\"3-0\"")).hasStatusOk();
    }

    @Test
    void eachRepresentationHasItsOwnETag() {
        given(findings.get(5)).willReturn(FINDING);
        String json = mvc.get().uri("/api/findings/5").exchange().getResponse().getHeader(HttpHeaders.ETAG);
        MvcTestResult linkedData = mvc.get().uri("/api/findings/5").accept("application/ld+json").exchange();
        assertThat(linkedData).hasStatusOk().hasContentType("application/ld+json")
                .bodyJson().extractingPath("$['@type']").isEqualTo("Claim");
        assertThat(linkedData.getResponse().getHeader(HttpHeaders.ETAG)).startsWith("\"4-").isNotEqualTo(json);
    }

    @Test
    void aPageOfFindingsIsCsvForThoseWhoAskWithTheTotalInAHeader() {
        given(findings.find(any(), any(PageQuery.class), any()))
                .willReturn(new ResultPage<>(List.of(FINDING), ResultPage.Metadata.of(20, 0, 41), "next-page"));
        MvcTestResult csv = mvc.get().uri("/api/findings?studyId=1").accept("text/csv").exchange();
        assertThat(csv).hasStatusOk().hasContentType("text/csv;charset=UTF-8");
        assertThat(csv.getResponse().getHeader("X-Total-Count")).isEqualTo("41");
        assertThat(csv.getResponse().getHeader(HttpHeaders.LINK)).contains("cursor=next-page").contains("rel=\"next\"");
        assertThat(csv).bodyText().startsWith("id,studyId,kind").contains("Ketamine makes young neurons more active.");
        assertThat(mvc.get().uri("/api/findings").accept("*/*")).hasStatusOk().hasContentType(MediaType.APPLICATION_JSON);
        assertThat(mvc.get().uri("/api/findings").accept("image/png")).hasStatus(406);
    }

    @Test
    void anUnknownEnumValueIsA400NamingTheParameterAndTheAllowedValues() {
        assertThat(mvc.get().uri("/api/findings?kind=x")).hasStatus(400)
                .bodyJson().extractingPath("$.detail").asString().contains("kind").contains("RESULT, MECHANISM");
    }

    @Test
    void aWriteWithoutIfMatchIs428AndReachesNoService() {
        assertThat(mvc.patch().uri("/api/findings/5").contentType("application/merge-patch+json")
                .content("{\"statement\": \"Changed.\"}")).hasStatus(428)
                .bodyJson().extractingPath("$.type").isEqualTo("/problems/precondition-required");
        verify(curation, never()).replace(anyLong(), any(), any());
    }

    @Test
    void ifMatchIsParsedOnceAndHandedToTheService() {
        given(curation.review(eq(5L), any(IfMatch.class), any())).willReturn(FINDING);
        assertThat(mvc.post().uri("/api/findings/5/review").contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.IF_MATCH, "*").content("{\"status\": \"ACCEPTED\"}")).hasStatusOk();
        verify(curation).review(eq(5L), eq(IfMatch.parse("*")), any());
        assertThat(mvc.post().uri("/api/findings/5/review").contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.IF_MATCH, "not a tag").content("{\"status\": \"ACCEPTED\"}")).hasStatus(412);
    }
}
