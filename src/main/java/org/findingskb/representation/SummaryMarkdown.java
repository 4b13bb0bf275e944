package org.findingskb.representation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.findingskb.study.DesignResponse;
import org.findingskb.summary.SummaryResponse;
import org.findingskb.summary.SummaryResponse.FindingRef;
import org.findingskb.summary.SummaryResponse.Sentence;

/** A study's summary as Markdown: readable in a terminal, renderable anywhere, with its citation. */
final class SummaryMarkdown {

    private SummaryMarkdown() {
    }

    static String of(SummaryResponse summary) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(escape(summary.headline())).append("\n\n");
        if (!summary.plainLanguage().isEmpty()) {
            md.append(summary.plainLanguage().stream().map(SummaryMarkdown::sentence).collect(Collectors.joining(" ")))
                    .append("\n\n");
        }
        design(md, summary.design());
        effect(md, "Fast effect", summary.effects().rapid());
        effect(md, "Lasting effect", summary.effects().sustained());
        if (!summary.mechanisms().isEmpty()) {
            md.append("## Mechanisms\n\n");
            summary.mechanisms().forEach(m -> md.append("- ").append(escape(m.name()))
                    .append(m.timescale() == null ? "" : " (" + m.timescale().name().toLowerCase() + ")").append('\n'));
            md.append('\n');
        }
        if (!summary.implications().isEmpty()) {
            md.append("## What it could mean\n\n");
            summary.implications().forEach(i -> md.append("- ").append(sentence(i)).append('\n'));
            md.append('\n');
        }
        if (!summary.caveats().isEmpty()) {
            md.append("## Caveats\n\n");
            summary.caveats().forEach(c -> md.append("- ").append(escape(c.text()))
                    .append(c.findings().isEmpty() ? "" : " " + refs(c.findings())).append('\n'));
            md.append('\n');
        }
        md.append("---\n\n").append("**Citation:** ").append(escape(summary.citation())).append("\n\n")
                .append("Findings are numbered as in the API: ").append(summary.study().links().findings()).append('\n');
        return md.toString();
    }

    /** The parts of the design the article states, on one line; nothing when it states none. */
    private static void design(StringBuilder md, DesignResponse design) {
        List<String> parts = new ArrayList<>();
        if (design.type() != null) {
            parts.add(design.type().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " study");
        }
        if (design.sampleSize() != null) {
            parts.add(String.format(Locale.ROOT, "%,d studied", design.sampleSize()));
        }
        if (design.intervention() != null) {
            parts.add("intervention: " + design.intervention());
        }
        if (design.comparator() != null) {
            parts.add("compared with " + design.comparator());
        }
        if (design.duration() != null) {
            parts.add("duration: " + design.duration());
        }
        if (!parts.isEmpty()) {
            md.append("**Design:** ").append(escape(String.join("; ", parts))).append("\n\n");
        }
    }

    private static void effect(StringBuilder md, String title, SummaryResponse.Effect effect) {
        md.append("## ").append(title).append("\n\n");
        if (effect == null) {
            md.append("_The source describes none._\n\n");
            return;
        }
        md.append(effect.sentences().stream().map(SummaryMarkdown::sentence).collect(Collectors.joining(" ")))
                .append("\n\n").append("Onset: ").append(effect.onset() == null ? "not stated" : escape(effect.onset()))
                .append("\n\n");
    }

    private static String sentence(Sentence sentence) {
        return escape(sentence.text()) + (sentence.findings().isEmpty() ? "" : " " + refs(sentence.findings()));
    }

    private static String refs(List<FindingRef> findings) {
        return findings.stream().map(f -> "#" + f.id()).collect(Collectors.joining(", ", "[findings ", "]"));
    }

    /** Text that Markdown would read as markup is escaped, so that the source's words stay words. */
    static String escape(String text) {
        return text.replaceAll("([\\\\`*_{}\\[\\]<>#|])", "\\\\$1");
    }
}
