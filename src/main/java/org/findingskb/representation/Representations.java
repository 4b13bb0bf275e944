package org.findingskb.representation;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.AbstractSmartHttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

import org.findingskb.compare.ComparisonResponse;
import org.findingskb.finding.FindingResponse;
import org.findingskb.shared.MediaTypes;
import org.findingskb.shared.ResultPage;
import org.findingskb.study.StudyResponse;
import org.findingskb.summary.SummaryResponse;

/**
 * The representations besides JSON, as message converters: handlers return their response records and declare
 * what they produce; content negotiation picks the converter by {@code Accept}.
 */
@Configuration(proxyBeanMethods = false)
class Representations implements WebMvcConfigurer {

    private final JsonMapper json;

    Representations(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        builder.addCustomConverter(new JsonLdConverter(json))
                .addCustomConverter(new FindingsCsvConverter())
                .addCustomConverter(new SummaryMarkdownConverter())
                .addCustomConverter(new ComparisonConverter(MediaTypes.CSV))
                .addCustomConverter(new ComparisonConverter(MediaTypes.MARKDOWN));
    }

    /** The base of the links a representation carries: where this request reached the API. */
    static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    }

    /** Writes only: no request body of this API is in these formats. */
    private abstract static class WriteOnly<T> extends AbstractHttpMessageConverter<T> {

        WriteOnly(MediaType mediaType) {
            super(mediaType);
        }

        @Override
        public boolean canRead(Class<?> clazz, MediaType mediaType) {
            return false;
        }

        /** Offered only by handlers that name the media type in {@code produces}: JSON stays the default. */
        @Override
        public List<MediaType> getSupportedMediaTypes(Class<?> clazz) {
            return List.of();
        }

        @Override
        protected T readInternal(Class<? extends T> clazz, HttpInputMessage input) {
            throw new HttpMessageNotReadableException("Not a request format of this API", input);
        }

        void writeText(String text, HttpOutputMessage output) throws IOException {
            try (Writer writer = new OutputStreamWriter(output.getBody(), StandardCharsets.UTF_8)) {
                writer.write(text);
            }
        }
    }

    /** A study (schema.org MedicalStudy), a finding (Claim) or a summary (CreativeWork) as JSON-LD. */
    static final class JsonLdConverter extends WriteOnly<Object> {

        private final JsonMapper json;

        JsonLdConverter(JsonMapper json) {
            super(MediaType.parseMediaType(MediaTypes.JSON_LD));
            this.json = json;
        }

        @Override
        protected boolean supports(Class<?> clazz) {
            return clazz == StudyResponse.class || clazz == FindingResponse.class || clazz == SummaryResponse.class;
        }

        @Override
        protected void writeInternal(Object body, HttpOutputMessage output) throws IOException {
            Map<String, Object> document;
            if (body instanceof StudyResponse study) {
                document = JsonLd.study(study, base());
            } else if (body instanceof FindingResponse finding) {
                document = JsonLd.finding(finding, base());
            } else {
                SummaryResponse summary = (SummaryResponse) body;
                document = JsonLd.summary(summary, base());
            }
            writeText(JsonLd.embeddable(json.writeValueAsString(document)), output);
        }
    }

    /** A comparison of studies as CSV or Markdown. */
    static final class ComparisonConverter extends WriteOnly<ComparisonResponse> {

        private final boolean csv;

        ComparisonConverter(String mediaType) {
            super(MediaType.parseMediaType(mediaType));
            setDefaultCharset(StandardCharsets.UTF_8);
            this.csv = MediaTypes.CSV.equals(mediaType);
        }

        @Override
        protected boolean supports(Class<?> clazz) {
            return clazz == ComparisonResponse.class;
        }

        @Override
        protected void writeInternal(ComparisonResponse comparison, HttpOutputMessage output) throws IOException {
            writeText(csv ? ComparisonText.csv(comparison) : ComparisonText.markdown(comparison), output);
        }
    }

    /** A study's summary as Markdown, with its citation. */
    static final class SummaryMarkdownConverter extends WriteOnly<SummaryResponse> {

        SummaryMarkdownConverter() {
            super(MediaType.parseMediaType(MediaTypes.MARKDOWN));
            setDefaultCharset(StandardCharsets.UTF_8);
        }

        @Override
        protected boolean supports(Class<?> clazz) {
            return clazz == SummaryResponse.class;
        }

        @Override
        protected void writeInternal(SummaryResponse summary, HttpOutputMessage output) throws IOException {
            writeText(SummaryMarkdown.of(summary), output);
        }
    }

    /**
     * A page of findings as CSV. CSV has no room for paging, so the total and the next page travel in headers
     * ({@code X-Total-Count}, {@code Link}).
     */
    static final class FindingsCsvConverter extends AbstractSmartHttpMessageConverter<ResultPage<?>> {

        FindingsCsvConverter() {
            super(MediaType.parseMediaType(MediaTypes.CSV));
            setDefaultCharset(StandardCharsets.UTF_8);
        }

        @Override
        public boolean canRead(ResolvableType type, MediaType mediaType) {
            return false;
        }

        /** Offered only by handlers that name the media type in {@code produces}: JSON stays the default. */
        @Override
        public List<MediaType> getSupportedMediaTypes(Class<?> clazz) {
            return List.of();
        }

        @Override
        public boolean canWrite(ResolvableType type, Class<?> valueClass, MediaType mediaType) {
            return ResultPage.class.isAssignableFrom(valueClass)
                    && type.as(ResultPage.class).getGeneric(0).resolve() == FindingResponse.class && canWrite(mediaType);
        }

        @Override
        public ResultPage<?> read(ResolvableType type, HttpInputMessage input, Map<String, Object> hints) {
            throw new HttpMessageNotReadableException("Not a request format of this API", input);
        }

        @Override
        protected void writeInternal(ResultPage<?> page, ResolvableType type, HttpOutputMessage output,
                Map<String, Object> hints) throws IOException {
            // The next page travels in the Link header every page gets (PageLinksAdvice).
            output.getHeaders().set("X-Total-Count", Long.toString(page.page().totalElements()));
            @SuppressWarnings("unchecked")
            List<FindingResponse> findings = (List<FindingResponse>) page.content();
            try (Writer writer = new OutputStreamWriter(output.getBody(), StandardCharsets.UTF_8)) {
                writer.write(FindingsCsv.of(findings));
            }
        }
    }
}
