package org.findingskb.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.findingskb.finding.Finding;
import org.findingskb.finding.FindingRepository;
import org.findingskb.finding.FindingResponse;
import org.findingskb.finding.ReviewStatus;
import org.findingskb.mechanism.Mechanism;
import org.findingskb.mechanism.MechanismRepository;
import org.findingskb.mechanism.Timescale;
import org.findingskb.shared.ReadCaching;
import org.findingskb.source.SourceDocument;
import org.findingskb.study.DesignResponse;
import org.findingskb.study.Researcher;
import org.findingskb.study.ResearcherRole;
import org.findingskb.study.Study;
import org.findingskb.study.StudyService;
import org.findingskb.summary.SummaryResponse.Effect;
import org.findingskb.summary.SummaryResponse.Effects;
import org.findingskb.summary.SummaryResponse.FindingRef;
import org.findingskb.summary.SummaryResponse.Links;
import org.findingskb.summary.SummaryResponse.MechanismRef;
import org.findingskb.summary.SummaryResponse.Ref;
import org.findingskb.summary.SummaryResponse.Sentence;
import org.findingskb.summary.SummaryResponse.StudyRef;
import org.findingskb.summary.SummaryResponse.Whole;

/** Builds a study's summary from its findings only, so every sentence can name the findings it rests on. */
@Service
@Transactional(readOnly = true)
public class SummaryService {

    private static final int MAX_EFFECT_SENTENCES = 4;

    private final StudyService studies;
    private final FindingRepository findings;
    private final MechanismRepository mechanisms;
    private final Caveats caveats;
    private final Voices voices;

    SummaryService(StudyService studies, FindingRepository findings, MechanismRepository mechanisms) {
        this.studies = studies;
        this.findings = findings;
        this.mechanisms = mechanisms;
        this.caveats = new Caveats(CaveatCues.load());
        this.voices = Voices.load();
    }

    /**
     * The summary of a study; with {@code expandFindings} each sentence carries its whole findings instead of
     * references. Links are paths from the API's root: the controller makes them absolute.
     */
    @Cacheable(cacheNames = ReadCaching.CACHE, keyGenerator = ReadCaching.KEYS)
    public SummaryResponse summarize(String idOrSlug, boolean expandFindings) {
        Study study = studies.load(idOrSlug);
        // Findings the pipeline was unsure of wait for a curator before a summary may rest on them.
        List<Finding> visible = findings.findByStudy(study.getId(), ReviewStatus.VISIBLE).stream()
                .filter(f -> !f.isNeedsReview()).toList();
        List<Mechanism> studyMechanisms = mechanisms.findByStudy(study.getId());
        Function<Finding, FindingRef> ref = expandFindings ? f -> new Whole(FindingResponse.from(f))
                : f -> new Ref(f.getId(), f.getStatement(), f.getKind(), f.getTimescale(), f.getCertainty());

        // A sentence that reports other research or an outsider's view never speaks for the study, whatever the
        // model read.
        List<Finding> speaking = visible.stream().filter(voices.speakingFor(study)).toList();
        List<Sentence> plain = new PlainLanguage(study).choose(speaking).stream().map(f -> sentence(f, ref)).toList();
        Effects effects = new Effects(effect(speaking, studyMechanisms, Timescale.RAPID, ref),
                effect(speaking, studyMechanisms, Timescale.SUSTAINED, ref));
        DesignResponse design = DesignResponse.of(study.getDesign(),
                study.getSource() == null ? null : study.getSource().getId());
        return new SummaryResponse(studyRef(study), study.getTitle(), plain, design, effects,
                studyMechanisms.stream().map(m -> new MechanismRef(m.getId(), m.getName(), m.getTimescale())).toList(),
                speaking.stream().filter(PlainLanguage::isOwnImplication).map(f -> sentence(f, ref)).toList(),
                caveats.of(study, visible, ref), citation(study));
    }

    private static StudyRef studyRef(Study study) {
        String self = "/api/studies/" + study.getId();
        SourceDocument source = study.getSource();
        return new StudyRef(study.getId(), study.getSlug(), study.getTitle(),
                new Links(self, self + "/findings", source == null ? null : "/api/sources/" + source.getId()));
    }

    private static Sentence sentence(Finding f, Function<Finding, FindingRef> ref) {
        return new Sentence(PlainLanguage.plain(f.getStatement()), List.of(ref.apply(f)));
    }

    private static Effect effect(List<Finding> visible, List<Mechanism> studyMechanisms, Timescale timescale,
            Function<Finding, FindingRef> ref) {
        Predicate<Finding> ofTimescale = f -> f.getTimescale() == timescale && PlainLanguage.isOwnResult(f);
        List<Sentence> sentences = visible.stream().filter(ofTimescale).limit(MAX_EFFECT_SENTENCES)
                .map(f -> sentence(f, ref)).toList();
        if (sentences.isEmpty()) {
            return null;
        }
        String onset = studyMechanisms.stream().filter(m -> m.getTimescale() == timescale)
                .map(Mechanism::getOnset).filter(Objects::nonNull).findFirst().orElse(null);
        return new Effect(onset, sentences);
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
        // Only the study's authors: people quoted about it are not among them.
        String researchers = study.getResearchers().stream().filter(r -> r.role() != ResearcherRole.QUOTED)
                .map(Researcher::name).collect(Collectors.joining(", "));
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
}
