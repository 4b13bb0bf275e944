package org.findingskb.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

import org.findingskb.finding.Certainty;
import org.findingskb.finding.Finding;
import org.findingskb.finding.FindingKind;
import org.findingskb.finding.Origin;
import org.findingskb.finding.ReportedBy;
import org.findingskb.finding.ReviewStatus;
import org.findingskb.source.SourceDocument;
import org.findingskb.study.Study;
import org.findingskb.summary.SummaryResponse.Caveat;
import org.findingskb.summary.SummaryResponse.FindingRef;

/**
 * What a careful reader should know that the findings alone do not say. A caveat about the study's kind, size or
 * limits rests on the findings that say so; one saying the source leaves something out only appears when the study
 * has no such value and no word of the source text states it, so it never claims an omission that is not one.
 */
final class Caveats {

    private final CaveatCues cues;

    Caveats(CaveatCues cues) {
        this.cues = cues;
    }

    List<Caveat> of(Study study, List<Finding> visible, Function<Finding, FindingRef> ref) {
        List<Caveat> caveats = new ArrayList<>();
        SourceDocument source = study.getSource();
        String text = source == null ? "" : source.getContent();
        if (source != null) {
            caveats.add(new Caveat(CaveatCode.NEWS_REPORT, cues.text(CaveatCode.NEWS_REPORT)
                    .replace("{by}", source.getPublisher() == null ? "" : " by " + source.getPublisher()), List.of()));
        }
        // The study's own findings tell what kind of study it was; a prior study in mice does not make this one so.
        List<Finding> own = visible.stream().filter(f -> f.getReportedBy() == ReportedBy.STUDY).toList();
        String population = study.getPopulation() == null ? "" : study.getPopulation();
        for (CaveatCode code : List.of(CaveatCode.ANIMAL_STUDY, CaveatCode.CELL_STUDY)) {
            List<Finding> saying = matching(own, f -> f.getKind() != FindingKind.PRIOR_WORK
                    && cues.says(code, f.getStatement()));
            if (!saying.isEmpty() || cues.says(code, population)) {
                caveats.add(caveat(code, saying, ref));
            }
        }
        add(caveats, CaveatCode.OBSERVATIONAL,
                matching(own, f -> f.getKind() == FindingKind.RESULT && cues.says(CaveatCode.OBSERVATIONAL, f.getStatement())), ref);
        add(caveats, CaveatCode.SMALL_SAMPLE, matching(own, f -> cues.saysSmallSample(f.getStatement())), ref);
        // Limits and harms count whoever states them: an outside expert's warning is a caveat too.
        add(caveats, CaveatCode.STATED_LIMITATION,
                matching(visible, f -> cues.says(CaveatCode.STATED_LIMITATION, f.getStatement())), ref);
        add(caveats, CaveatCode.STATED_HARM, matching(visible, f -> (f.getKind() == FindingKind.CONTEXT
                || f.getKind() == FindingKind.RESULT) && cues.statesHarm(f.getStatement())), ref);

        notStated(caveats, CaveatCode.NOT_STATED_POPULATION, study.getPopulation(), cues.statesPopulation(text));
        notStated(caveats, CaveatCode.NOT_STATED_JOURNAL, study.getJournal(), cues.states(CaveatCode.NOT_STATED_JOURNAL, text));
        notStated(caveats, CaveatCode.NOT_STATED_DOI, study.getDoi(), cues.states(CaveatCode.NOT_STATED_DOI, text));

        counted(caveats, CaveatCode.HEDGED, visible, matching(visible, f -> f.getCertainty() == Certainty.SUGGESTED), ref);
        counted(caveats, CaveatCode.UNREVIEWED, visible, matching(visible,
                f -> f.getOrigin() == Origin.EXTRACTED && f.getReviewStatus() == ReviewStatus.UNREVIEWED), ref);
        return caveats;
    }

    private void notStated(List<Caveat> caveats, CaveatCode code, String value, boolean statedInText) {
        if (value == null && !statedInText) {
            caveats.add(new Caveat(code, cues.text(code), List.of()));
        }
    }

    private void add(List<Caveat> caveats, CaveatCode code, List<Finding> saying, Function<Finding, FindingRef> ref) {
        if (!saying.isEmpty()) {
            caveats.add(caveat(code, saying, ref));
        }
    }

    private void counted(List<Caveat> caveats, CaveatCode code, List<Finding> visible, List<Finding> counted,
            Function<Finding, FindingRef> ref) {
        if (!counted.isEmpty()) {
            caveats.add(new Caveat(code, cues.text(code).replace("{count}", String.valueOf(counted.size()))
                    .replace("{total}", String.valueOf(visible.size())), counted.stream().map(ref).toList()));
        }
    }

    private Caveat caveat(CaveatCode code, List<Finding> saying, Function<Finding, FindingRef> ref) {
        return new Caveat(code, cues.text(code), saying.stream().map(ref).toList());
    }

    private static List<Finding> matching(List<Finding> findings, Predicate<Finding> which) {
        return findings.stream().filter(which).toList();
    }
}
