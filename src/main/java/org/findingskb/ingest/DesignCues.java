package org.findingskb.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.findingskb.study.DesignType;

/** The vocabulary of study designs in {@code ingest/design.json}, compiled once into matchers. */
final class DesignCues {

    static final String RESOURCE = "ingest/design.json";

    @JsonIgnoreProperties(ignoreUnknown = true)
    record File(Map<String, List<String>> types, SampleCues sample, DurationCues duration,
            InterventionCues intervention, ComparatorCues comparator) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record InterventionCues(List<String> drugStems, int minimumMentions) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SampleCues(List<String> leadIns, List<String> units, List<String> weakUnits, List<String> notModifiers,
            Map<String, Long> numberWords,
            Map<String, Long> multipliers) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record DurationCues(List<String> units, List<String> numbers, List<String> qualifiers, List<String> leadIns,
            List<String> strongQualifiers, List<String> strongContext, List<String> notAfter, List<String> notBefore) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ComparatorCues(List<String> terms, List<String> leadIns, List<String> stops) {
    }

    /** Cue phrases of each design type: the features the design-type model starts from. */
    final Map<DesignType, PhraseMatcher> types;
    final File file;
    final PhraseMatcher sampleLeadIns;
    final PhraseMatcher durationLeadIns;
    final PhraseMatcher durationContext;
    final PhraseMatcher durationStrong;
    final PhraseMatcher durationNotAfter;
    final PhraseMatcher durationNotBefore;
    final PhraseMatcher comparatorTerms;
    final PhraseMatcher comparatorLeadIns;
    final Set<String> comparatorStops;

    private DesignCues(File f) {
        Map<DesignType, PhraseMatcher> byType = new EnumMap<>(DesignType.class);
        f.types().forEach((type, phrases) -> byType.put(DesignType.valueOf(type), new PhraseMatcher(phrases)));
        this.types = byType;
        this.file = f;
        this.sampleLeadIns = new PhraseMatcher(f.sample().leadIns());
        this.durationLeadIns = new PhraseMatcher(f.duration().leadIns());
        this.durationContext = new PhraseMatcher(f.duration().strongContext());
        this.durationStrong = new PhraseMatcher(f.duration().strongQualifiers());
        this.durationNotAfter = new PhraseMatcher(f.duration().notAfter());
        this.durationNotBefore = new PhraseMatcher(f.duration().notBefore());
        this.comparatorTerms = new PhraseMatcher(f.comparator().terms());
        this.comparatorLeadIns = new PhraseMatcher(f.comparator().leadIns());
        this.comparatorStops = f.comparator().stops().stream().map(String::toLowerCase).collect(Collectors.toSet());
    }

    static DesignCues fromClasspath() {
        try (InputStream in = DesignCues.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + RESOURCE);
            }
            return new DesignCues(Cues.mapper().readValue(in, File.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
