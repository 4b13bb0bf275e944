package org.findingskb.compare;

import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

import org.findingskb.finding.Certainty;
import org.findingskb.finding.Finding;
import org.findingskb.finding.FindingKind;
import org.findingskb.mechanism.Timescale;

/** A finding as a comparison cites it. */
@NullMarked
public record FindingRef(Long id, String statement, FindingKind kind, @Nullable Timescale timescale,
        Certainty certainty) {

    static FindingRef of(Finding finding) {
        return new FindingRef(finding.getId(), finding.getStatement(), finding.getKind(), finding.getTimescale(),
                finding.getCertainty());
    }
}
