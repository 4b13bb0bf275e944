package org.findingskb.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Marks the title, credit lines, link paragraphs, the publication line, copyright lines, date lines and other page
 * furniture. A link paragraph is recognised by its first sentence and excluded whole. A line standing alone that
 * does not end as a sentence ends ("Related", the headline of another story) is furniture, and a section
 * label such as "Story Source:", "Media contact" or "###" starts the article's closing furniture, which runs
 * until prose resumes.
 */
final class BoilerplateDetector {

    /** A publication line is short; a longer sentence that names the journal is still read for findings. */
    private static final int MAX_PUBLICATION_LINE_WORDS = 25;
    /** A date line is short: the date with perhaps a byline or a section name. */
    private static final int MAX_DATE_LINE_WORDS = 12;
    /** A lone line without a full stop longer than this is more likely a sentence missing its stop. */
    private static final int MAX_HEADING_WORDS = 20;
    /** A label line inside a paragraph ("Authors", "Media contact") is short; a hard-wrapped line is longer. */
    private static final int MAX_LABEL_LINE_WORDS = 6;
    /**
     * Prose resumes after closing furniture with a paragraph of two full sentences of ten words or more, or with
     * one full sentence of fifteen words or more that is not itself a labelled line or a reference.
     */
    private static final int PROSE_SENTENCES = 2;
    private static final int PROSE_SENTENCE_WORDS = 10;
    private static final int PROSE_LONE_SENTENCE_WORDS = 15;
    private static final Pattern LABELLED_LINE = Pattern.compile("^[\\p{L}][\\p{L}' ]{0,30}:\\s");
    private static final Pattern REFERENCE_MARK = Pattern.compile("\\bet al\\b|\\bdoi\\b|https?://|\\(\\d{4}\\)",
            Pattern.CASE_INSENSITIVE);

    /** A caption is a short line whose last sentence credits the image ("… at work. Photo by X"). */
    private static final int MAX_CAPTION_SENTENCES = 3;

    private static final Pattern SENTENCE_END = Pattern.compile("[.!?][\"')\\]]*$");
    private static final Pattern BULLET = Pattern.compile("^(?:[-*\\u2022\\u25CF\\u25AA]|\\d+[.)])\\s");

    private final Cues cues;

    BoilerplateDetector(Cues cues) {
        this.cues = cues;
    }

    List<SentenceRole> classify(List<Sentence> sentences) {
        Map<Integer, List<Sentence>> byParagraph = new HashMap<>();
        Map<Integer, Integer> perBlock = new HashMap<>();
        Map<Integer, Sentence> lastOfBlock = new HashMap<>();
        for (Sentence s : sentences) {
            byParagraph.computeIfAbsent(s.paragraph(), k -> new ArrayList<>()).add(s);
            perBlock.merge(s.block(), 1, Integer::sum);
            lastOfBlock.put(s.block(), s);
        }
        List<SentenceRole> roles = new ArrayList<>(sentences.size());
        int linkBlock = -1;
        boolean closingFurniture = false;
        int paragraph = -1;
        for (Sentence sentence : sentences) {
            String line = sentence.folded().strip();
            boolean alone = byParagraph.get(sentence.paragraph()).size() == 1;
            boolean labelLine = perBlock.get(sentence.block()) == 1 && sentence.wordCount() <= MAX_LABEL_LINE_WORDS;
            if (sentence.paragraph() != paragraph) {
                paragraph = sentence.paragraph();
                if (closingFurniture && isProse(byParagraph.get(paragraph), perBlock)) {
                    closingFurniture = false;
                }
            }
            boolean sectionLabel = (alone || labelLine) && findsAny(cues.sections, line);
            SentenceRole role;
            if (sentence.block() == 0) {
                role = SentenceRole.TITLE;
            } else if (sentence.block() == linkBlock) {
                role = SentenceRole.LINK;
            } else if (sentence.firstInBlock() && findsAny(cues.link, line)) {
                role = SentenceRole.LINK;
                linkBlock = sentence.block();
            } else if (findsAny(cues.credit, line) || isCaption(sentence, perBlock, lastOfBlock)) {
                role = SentenceRole.CREDIT;
            } else if (findsAny(cues.copyright, line)) {
                role = SentenceRole.COPYRIGHT;
            } else if (findsAny(cues.publication, line) && sentence.wordCount() <= MAX_PUBLICATION_LINE_WORDS) {
                role = SentenceRole.PUBLICATION;
            } else if (perBlock.get(sentence.block()) == 1 && isDateLine(sentence, line)) {
                role = SentenceRole.DATELINE;
            } else if (findsAny(cues.otherBoilerplate, line) || sectionLabel || closingFurniture
                    || ((alone || labelLine) && isHeading(sentence, line))) {
                role = SentenceRole.OTHER_BOILERPLATE;
            } else {
                role = SentenceRole.BODY;
            }
            if (sectionLabel) {
                closingFurniture = true;
            }
            roles.add(role);
        }
        return roles;
    }

    private boolean isCaption(Sentence sentence, Map<Integer, Integer> perBlock, Map<Integer, Sentence> lastOfBlock) {
        int count = perBlock.get(sentence.block());
        if (count < 2 || count > MAX_CAPTION_SENTENCES) {
            return false;
        }
        Sentence last = lastOfBlock.get(sentence.block());
        return last != sentence && findsAny(cues.credit, last.folded().strip());
    }

    /** A short line that carries a date and does not end as a sentence. */
    private boolean isDateLine(Sentence sentence, String line) {
        return sentence.wordCount() <= MAX_DATE_LINE_WORDS && !line.endsWith(".") && findsAny(cues.dates, line);
    }

    /** A line standing alone that does not end as a sentence: a heading, a label or another story's headline. */
    private static boolean isHeading(Sentence sentence, String line) {
        return !SENTENCE_END.matcher(line).find() && !BULLET.matcher(line).find()
                && sentence.wordCount() <= MAX_HEADING_WORDS;
    }

    private boolean isProse(List<Sentence> paragraph, Map<Integer, Integer> perBlock) {
        int full = 0;
        for (Sentence s : paragraph) {
            if (s.wordCount() >= PROSE_SENTENCE_WORDS && s.folded().strip().endsWith(".")) {
                full++;
            }
        }
        if (full >= PROSE_SENTENCES) {
            return true;
        }
        if (paragraph.size() != 1) {
            return false;
        }
        Sentence lone = paragraph.get(0);
        String line = lone.folded().strip();
        return lone.wordCount() >= PROSE_LONE_SENTENCE_WORDS && line.endsWith(".")
                && !LABELLED_LINE.matcher(line).find() && !REFERENCE_MARK.matcher(line).find()
                && !findsAny(cues.link, line) && !findsAny(cues.credit, line) && !findsAny(cues.copyright, line)
                && !findsAny(cues.otherBoilerplate, line) && !(perBlock.get(lone.block()) == 1 && isDateLine(lone, line));
    }

    static boolean findsAny(List<Pattern> patterns, String text) {
        for (Pattern p : patterns) {
            if (p.matcher(text).find()) {
                return true;
            }
        }
        return false;
    }
}
