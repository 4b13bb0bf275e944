package org.findingskb.representation;

import java.util.List;
import java.util.stream.Collectors;

import org.findingskb.summary.SummaryResponse;

/** A study's summary as Markdown: readable in a terminal, renderable anywhere, with its citation. */
final class SummaryMarkdown {

    private SummaryMarkdown() {
    }

    static String of(SummaryResponse summary, String studyUrl) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(escape(summary.headline())).append("\n\n");
        if (!summary.plainLanguage().isBlank()) {
            md.append(escape(summary.plainLanguage())).append(' ').append(refs(summary.plainLanguageSentences().stream()
                    .flatMap(s -> s.findingIds().stream()).toList())).append("\n\n");
        }
        effect(md, "Fast effect", summary.rapidEffect());
        effect(md, "Lasting effect", summary.sustainedEffect());
        if (!summary.mechanisms().isEmpty()) {
            md.append("## Mechanisms\n\n");
            summary.mechanisms().forEach(m -> md.append("- ").append(escape(m.name()))
                    .append(m.timescale() == null ? "" : " (" + m.timescale().name().toLowerCase() + ")").append('\n'));
            md.append('\n');
        }
        if (!summary.implications().isEmpty()) {
            md.append("## What it could mean\n\n");
            summary.implications().forEach(i -> md.append("- ").append(escape(i.text())).append(' ')
                    .append(refs(i.findingIds())).append('\n'));
            md.append('\n');
        }
        if (!summary.caveats().isEmpty()) {
            md.append("## Caveats\n\n");
            summary.caveats().forEach(c -> md.append("- ").append(escape(c)).append('\n'));
            md.append('\n');
        }
        md.append("---\n\n").append("**Citation:** ").append(escape(summary.citation())).append("\n\n")
                .append("Findings are numbered as in the API: ").append(studyUrl).append("/findings\n");
        return md.toString();
    }

    private static void effect(StringBuilder md, String title, SummaryResponse.Effect effect) {
        md.append("## ").append(title).append("\n\n");
        if (effect == null) {
            md.append("_The source describes none._\n\n");
            return;
        }
        md.append(escape(effect.text())).append(' ').append(refs(effect.findingIds())).append("\n\n")
                .append("Onset: ").append(effect.onset() == null ? "not stated" : escape(effect.onset())).append("\n\n");
    }

    private static String refs(List<Long> findingIds) {
        return findingIds.isEmpty() ? "" : findingIds.stream().map(id -> "#" + id)
                .collect(Collectors.joining(", ", "[findings ", "]"));
    }

    /** Text that Markdown would read as markup is escaped, so that the source's words stay words. */
    private static String escape(String text) {
        return text.replaceAll("([\\\\`*_{}\\[\\]<>#|])", "\\\\$1");
    }
}
