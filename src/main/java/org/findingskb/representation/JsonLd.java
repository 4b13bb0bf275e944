package org.findingskb.representation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.findingskb.concept.ConceptRef;
import org.findingskb.finding.FindingResponse;
import org.findingskb.study.Researcher;
import org.findingskb.study.StudyResponse;
import org.findingskb.summary.SummaryResponse;

/**
 * Linked-data views of studies, findings and summaries: schema.org ({@code MedicalStudy}, {@code ScholarlyArticle},
 * {@code Claim}) with evidence as W3C Web Annotations ({@code TextQuoteSelector}, {@code TextPositionSelector}).
 * The context is written inline, so a JSON-LD processor needs no network to expand a document.
 */
final class JsonLd {

    private static final Map<String, Object> CONTEXT = Map.ofEntries(
            Map.entry("@vocab", "https://schema.org/"),
            Map.entry("oa", "http://www.w3.org/ns/oa#"),
            Map.entry("hasTarget", Map.of("@id", "oa:hasTarget")),
            Map.entry("hasSource", Map.of("@id", "oa:hasSource", "@type", "@id")),
            Map.entry("hasSelector", Map.of("@id", "oa:hasSelector")),
            Map.entry("hasBody", Map.of("@id", "oa:hasBody", "@type", "@id")),
            Map.entry("exact", Map.of("@id", "oa:exact")),
            Map.entry("prefix", Map.of("@id", "oa:prefix")),
            Map.entry("suffix", Map.of("@id", "oa:suffix")),
            Map.entry("start", Map.of("@id", "oa:start")),
            Map.entry("end", Map.of("@id", "oa:end")));

    private JsonLd() {
    }

    /**
     * {@code json} safe to embed in a page as {@code <script type="application/ld+json">}, the way schema.org
     * data is usually published: {@code <}, {@code >} and {@code &} (only ever inside strings in JSON) become
     * JSON unicode escapes, so no stored text can close the script element, and so do the line separators that
     * end a JavaScript string. The JSON means the same.
     */
    static String embeddable(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }

    static Map<String, Object> study(StudyResponse study, String base) {
        Map<String, Object> node = node(base + "/api/studies/" + study.id(), "MedicalStudy");
        put(node, "name", study.title());
        put(node, "identifier", study.slug());
        put(node, "population", study.population());
        if (study.institution() != null) {
            node.put("sponsor", Map.of("@type", "Organization", "name", study.institution()));
        }
        node.put("healthCondition", terms(study.conditions(), "MedicalCondition"));
        node.put("about", terms(study.interventions(), "MedicalEntity"));
        Map<String, Object> paper = new LinkedHashMap<>();
        paper.put("@type", "ScholarlyArticle");
        paper.put("author", study.researchers().stream().map(JsonLd::person).toList());
        if (study.journal() != null) {
            paper.put("isPartOf", Map.of("@type", "Periodical", "name", study.journal()));
        }
        put(paper, "datePublished", study.publishedYear() == null ? null : study.publishedYear().toString());
        if (study.doi() != null) {
            paper.put("sameAs", "https://doi.org/" + study.doi());
        }
        node.put("citation", paper);
        if (study.source() != null) {
            Map<String, Object> report = node(base + "/api/sources/" + study.source().id(), "NewsArticle");
            put(report, "headline", study.source().title());
            if (study.source().publisher() != null) {
                report.put("publisher", Map.of("@type", "Organization", "name", study.source().publisher()));
            }
            put(report, "datePublished", study.source().publishedYear() == null ? null
                    : study.source().publishedYear().toString());
            node.put("subjectOf", report);
        }
        return document(node);
    }

    static Map<String, Object> finding(FindingResponse finding, String base) {
        return document(claim(finding, base));
    }

    static Map<String, Object> summary(SummaryResponse summary, String base) {
        String studyId = base + "/api/studies/" + summary.study().id();
        Map<String, Object> node = node(studyId + "/summary", "CreativeWork");
        node.put("about", Map.of("@id", studyId, "@type", "MedicalStudy", "name", summary.study().title()));
        put(node, "headline", summary.headline());
        put(node, "abstract", summary.plainLanguage().stream().map(SummaryResponse.Sentence::text)
                .collect(Collectors.joining(" ")));
        List<Object> parts = new ArrayList<>();
        addEffect(parts, "Fast effect", summary.effects().rapid(), base);
        addEffect(parts, "Lasting effect", summary.effects().sustained(), base);
        summary.implications().forEach(i -> parts.add(statement("Implication", i.text(), null, i.findings(), base)));
        node.put("hasPart", parts);
        node.put("creativeWorkStatus", "Summary extracted from the study's findings");
        node.put("disambiguatingDescription", summary.caveats().stream().map(SummaryResponse.Caveat::text).toList());
        put(node, "citation", summary.citation());
        return document(node);
    }

    private static Map<String, Object> claim(FindingResponse finding, String base) {
        String id = base + "/api/findings/" + finding.id();
        Map<String, Object> node = node(id, "Claim");
        node.put("text", finding.statement());
        node.put("isPartOf", Map.of("@id", base + "/api/studies/" + finding.studyId()));
        node.put("about", terms(finding.concepts(), "DefinedTerm"));
        List<Object> properties = new ArrayList<>();
        properties.add(property("kind", finding.kind().name()));
        if (finding.timescale() != null) {
            properties.add(property("timescale", finding.timescale().name()));
        }
        properties.add(property("certainty", finding.certainty().name()));
        properties.add(property("reviewStatus", finding.reviewStatus().name()));
        properties.add(property("origin", finding.origin().name()));
        properties.add(property("confidence", finding.confidence()));
        node.put("additionalProperty", properties);
        List<Object> annotations = new ArrayList<>();
        for (FindingResponse.Evidence evidence : finding.evidence()) {
            Map<String, Object> quote = new LinkedHashMap<>();
            quote.put("@type", "oa:TextQuoteSelector");
            quote.put("exact", evidence.exact());
            quote.put("prefix", evidence.prefix());
            quote.put("suffix", evidence.suffix());
            Map<String, Object> position = new LinkedHashMap<>();
            position.put("@type", "oa:TextPositionSelector");
            position.put("start", evidence.start());
            position.put("end", evidence.end());
            Map<String, Object> annotation = new LinkedHashMap<>();
            annotation.put("@type", List.of("oa:Annotation", "CreativeWork"));
            annotation.put("oa:motivatedBy", Map.of("@id", "oa:describing"));
            annotation.put("hasBody", id);
            annotation.put("hasTarget", Map.of("hasSource", base + "/api/sources/" + evidence.sourceId(),
                    "hasSelector", List.of(quote, position)));
            annotations.add(annotation);
        }
        node.put("appearance", annotations);
        return node;
    }

    private static void addEffect(List<Object> parts, String name, SummaryResponse.Effect effect, String base) {
        if (effect != null) {
            parts.add(statement(name, effect.sentences().stream().map(SummaryResponse.Sentence::text)
                    .collect(Collectors.joining(" ")), effect.onset(),
                    effect.sentences().stream().flatMap(s -> s.findings().stream()).toList(), base));
        }
    }

    private static Map<String, Object> statement(String name, String text, String onset,
            List<SummaryResponse.FindingRef> findings, String base) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("@type", "Claim");
        node.put("name", name);
        node.put("text", text);
        if (onset != null) {
            node.put("temporalCoverage", onset);
        }
        node.put("isBasedOn", findings.stream().map(f -> Map.of("@id", base + "/api/findings/" + f.id())).toList());
        return node;
    }

    private static Map<String, Object> person(Researcher researcher) {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("@type", "Person");
        person.put("name", researcher.name());
        person.put("roleName", researcher.role().name());
        put(person, "description", researcher.description());
        return person;
    }

    private static List<Object> terms(List<ConceptRef> concepts, String type) {
        return concepts.stream().<Object>map(c -> {
            Map<String, Object> term = new LinkedHashMap<>();
            term.put("@type", type);
            term.put("name", c.name());
            if (c.type() != null) {
                term.put("additionalType", c.type().name());
            }
            return term;
        }).toList();
    }

    private static Map<String, Object> property(String name, Object value) {
        return Map.of("@type", "PropertyValue", "name", name, "value", value);
    }

    private static Map<String, Object> node(String id, String type) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("@id", id);
        node.put("@type", type);
        return node;
    }

    private static Map<String, Object> document(Map<String, Object> node) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("@context", CONTEXT);
        document.putAll(node);
        return document;
    }

    private static void put(Map<String, Object> node, String key, Object value) {
        if (value != null) {
            node.put(key, value);
        }
    }
}
