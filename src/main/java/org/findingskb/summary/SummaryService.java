package org.findingskb.summary;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.core.io.ClassPathResource;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.findingskb.finding.Certainty;
import org.findingskb.finding.Finding;
import org.findingskb.finding.FindingKind;
import org.findingskb.finding.FindingRepository;
import org.findingskb.finding.Origin;
import org.findingskb.finding.ReviewStatus;
import org.findingskb.mechanism.Timescale;
import org.findingskb.mechanism.Mechanism;
import org.findingskb.mechanism.MechanismRepository;
import org.findingskb.source.SourceDocument;
import org.findingskb.study.Researcher;
import org.findingskb.study.Study;
import org.findingskb.study.StudyService;
import org.findingskb.summary.SummaryResponse.Effect;
import org.findingskb.summary.SummaryResponse.MechanismRef;
import org.findingskb.summary.SummaryResponse.Statement;
import org.findingskb.shared.ReadCaching;

/** Builds a study's summary from its findings only, so every sentence can name the findings it rests on. */
@Service
@Transactional(readOnly = true)
public class SummaryService {

    private static final int MAX_EFFECT_SENTENCES = 4;

    /** A sentence opening with a pronoun leans on the one before it and reads badly alone. */
    private static final Pattern LEANS_ON_CONTEXT = Pattern.compile(
            "^(this|these|that|those|it|they|she|he|such|both)\\b", Pattern.CASE_INSENSITIVE);

    private final StudyService studies;
    private final FindingRepository findings;
    private final MechanismRepository mechanisms;
    private final Pattern harm;

    SummaryService(StudyService studies, FindingRepository findings, MechanismRepository mechanisms) {
        this.studies = studies;
        this.findings = findings;
        this.mechanisms = mechanisms;
        this.harm = harmPattern(new ClassPathResource("summary/harm-terms.txt"));
    }

    @Cacheable(cacheNames = ReadCaching.CACHE, keyGenerator = ReadCaching.KEYS)
    public SummaryResponse summarize(String idOrSlug) {
        Study study = studies.load(idOrSlug);
        // Findings the pipeline was unsure of wait for a curator before a summary may rest on them.
        List<Finding> visible = findings.findByStudy(study.getId(), ReviewStatus.VISIBLE).stream()
                .filter(f -> !f.isNeedsReview()).toList();
        List<Mechanism> studyMechanisms = mechanisms.findByStudy(study.getId());

        Effect rapid = effect(visible, studyMechanisms, Timescale.RAPID);
        Effect sustained = effect(visible, studyMechanisms, Timescale.SUSTAINED);
        List<Statement> plain = plainLanguage(visible);
        return new SummaryResponse(study.getId(), study.getTitle(),
                plain.stream().map(Statement::text).collect(Collectors.joining(" ")), plain, rapid, sustained,
                studyMechanisms.stream().map(m -> new MechanismRef(m.getId(), m.getName(), m.getTimescale())).toList(),
                visible.stream().filter(f -> f.getKind() == FindingKind.IMPLICATION)
                        .map(f -> new Statement(f.getStatement(), List.of(f.getId()))).toList(),
                caveats(study, visible), citation(study));
    }

    /**
     * Two to four sentences: the study's main result, then how its fast and its lasting effects come about.
     * Each is a finding's own statement, so nothing is said that the source did not.
     */
    private List<Statement> plainLanguage(List<Finding> visible) {
        Set<Finding> chosen = new LinkedHashSet<>();
        best(visible, f -> f.getKind() == FindingKind.RESULT && f.getTimescale() == null).ifPresent(chosen::add);
        for (Timescale timescale : Timescale.values()) {
            best(visible, f -> f.getTimescale() == timescale && isOwnResult(f)).ifPresent(chosen::add);
        }
        if (chosen.size() < 2) {
            visible.stream().filter(this::isOwnResult).sorted(byStrength()).limit(4L - chosen.size())
                    .forEach(chosen::add);
        }
        if (chosen.size() < 2) {
            best(visible, f -> f.getKind() == FindingKind.IMPLICATION).ifPresent(chosen::add);
        }
        return chosen.stream().limit(4).sorted(Comparator.comparingInt(Finding::getPosition))
                .map(f -> new Statement(f.getStatement(), List.of(f.getId()))).toList();
    }

    private Effect effect(List<Finding> visible, List<Mechanism> studyMechanisms, Timescale timescale) {
        List<Finding> rest = visible.stream().filter(f -> f.getTimescale() == timescale && isOwnResult(f))
                .limit(MAX_EFFECT_SENTENCES).toList();
        if (rest.isEmpty()) {
            return null;
        }
        String onset = studyMechanisms.stream().filter(m -> m.getTimescale() == timescale)
                .map(Mechanism::getOnset).filter(Objects::nonNull).findFirst().orElse(null);
        return new Effect(rest.stream().map(Finding::getStatement).collect(Collectors.joining(" ")), onset,
                rest.stream().map(Finding::getId).toList());
    }

    /** What a careful reader should know that the findings alone do not say. */
    private List<String> caveats(Study study, List<Finding> visible) {
        List<String> caveats = new ArrayList<>();
        SourceDocument source = study.getSource();
        if (source != null) {
            caveats.add("This is drawn from a news report" + (source.getPublisher() == null ? ""
                    : " by " + source.getPublisher()) + ", not from the research paper itself; check details against the paper.");
        }
        if (study.getPopulation() == null) {
            caveats.add("The source does not state who or what was studied (people or animals, or how many).");
        }
        if (study.getDoi() == null) {
            caveats.add("The source gives no DOI or link to the paper.");
        }
        if (study.getJournal() == null) {
            caveats.add("The source does not name the journal the study was published in.");
        }
        visible.stream().filter(f -> f.getKind() == FindingKind.CONTEXT && harm.matcher(f.getStatement()).find())
                .forEach(f -> caveats.add("Stated harm: " + f.getStatement()));
        long hedged = visible.stream().filter(f -> f.getCertainty() == Certainty.SUGGESTED).count();
        if (hedged > 0) {
            caveats.add(hedged + " of " + visible.size()
                    + " findings are hedged (could, may, might, suggests): possibilities, not results.");
        }
        long unreviewed = visible.stream()
                .filter(f -> f.getOrigin() == Origin.EXTRACTED && f.getReviewStatus() == ReviewStatus.UNREVIEWED).count();
        if (unreviewed > 0) {
            caveats.add(unreviewed + " of " + visible.size()
                    + " findings were extracted from the text automatically and have not been reviewed by a curator.");
        }
        return caveats;
    }

    private static String citation(Study study) {
        SourceDocument source = study.getSource();
        List<String> parts = new ArrayList<>();
        if (source != null) {
            String by = Stream.of(source.getPublisher(), source.getPublishedYear() == null ? null
                    : "(" + source.getPublishedYear() + ")").filter(Objects::nonNull).collect(Collectors.joining(" "));
            parts.add((by.isEmpty() ? "" : by + ". ") + quoted(source.getTitle() == null ? study.getTitle() : source.getTitle()) + ".");
        } else {
            parts.add(quoted(study.getTitle()) + ".");
        }
        String researchers = study.getResearchers().stream().map(Researcher::name).collect(Collectors.joining(", "));
        StringBuilder reported = new StringBuilder();
        if (!researchers.isEmpty()) {
            reported.append("Study by ").append(researchers);
        }
        if (study.getInstitution() != null) {
            reported.append(reported.isEmpty() ? "Study at " : " at ").append(study.getInstitution());
        }
        if (study.getJournal() != null) {
            reported.append(reported.isEmpty() ? "Published in " : ", published in ").append(study.getJournal());
        }
        if (!reported.isEmpty()) {
            parts.add(reported + ".");
        }
        if (study.getDoi() != null) {
            parts.add("doi:" + study.getDoi());
        }
        return String.join(" ", parts);
    }

    private static String quoted(String title) {
        return "\u201c" + title + "\u201d";
    }

    private boolean isOwnResult(Finding f) {
        return (f.getKind() == FindingKind.RESULT || f.getKind() == FindingKind.MECHANISM)
                && f.getCertainty() == Certainty.REPORTED;
    }

    private static java.util.Optional<Finding> best(List<Finding> visible, Predicate<Finding> which) {
        return visible.stream().filter(which).min(byStrength());
    }

    /** Self-contained sentences first, then the more confident, then the earlier. */
    private static Comparator<Finding> byStrength() {
        return Comparator.<Finding, Boolean>comparing(f -> LEANS_ON_CONTEXT.matcher(f.getStatement()).find())
                .thenComparing(Finding::getConfidence, Comparator.reverseOrder())
                .thenComparingInt(Finding::getPosition);
    }

    private static Pattern harmPattern(ClassPathResource resource) {
        try (InputStream in = resource.getInputStream()) {
            String alternatives = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> Pattern.quote(l.toLowerCase(Locale.ROOT))).collect(Collectors.joining("|"));
            return Pattern.compile("\\b(" + alternatives + ")", Pattern.CASE_INSENSITIVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource.getPath(), e);
        }
    }
}
