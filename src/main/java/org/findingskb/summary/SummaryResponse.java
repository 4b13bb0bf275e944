package org.findingskb.summary;

import java.util.List;

import org.findingskb.mechanism.Timescale;

import org.findingskb.shared.Revalidated;

/**
 * A study in brief, for frontends. Every sentence of {@code plainLanguage}, the effects and the implications
 * rests on the findings whose ids it carries; {@code plainLanguageSentences} ties each sentence to them.
 */
public record SummaryResponse(
        Long studyId,
        String headline,
        String plainLanguage,
        List<Statement> plainLanguageSentences,
        Effect rapidEffect,
        Effect sustainedEffect,
        List<MechanismRef> mechanisms,
        List<Statement> implications,
        List<String> caveats,
        String citation) implements Revalidated {

    public record Effect(String text, String onset, List<Long> findingIds) {
    }

    public record Statement(String text, List<Long> findingIds) {
    }

    public record MechanismRef(Long id, String name, Timescale timescale) {
    }
}
