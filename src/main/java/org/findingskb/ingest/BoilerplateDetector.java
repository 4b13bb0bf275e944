package org.findingskb.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Marks the title, credit lines, link paragraphs, the publication line, copyright lines and other page
 * furniture. A link paragraph is recognised by its first sentence and excluded whole.
 */
final class BoilerplateDetector {

    /** A publication line is short; a longer sentence that names the journal is still read for findings. */
    private static final int MAX_PUBLICATION_LINE_WORDS = 25;

    private final Cues cues;

    BoilerplateDetector(Cues cues) {
        this.cues = cues;
    }

    List<SentenceRole> classify(List<Sentence> sentences) {
        List<SentenceRole> roles = new ArrayList<>(sentences.size());
        int linkBlock = -1;
        for (Sentence sentence : sentences) {
            String line = sentence.folded().strip();
            SentenceRole role;
            if (sentence.block() == 0) {
                role = SentenceRole.TITLE;
            } else if (sentence.block() == linkBlock) {
                role = SentenceRole.LINK;
            } else if (sentence.firstInBlock() && findsAny(cues.link, line)) {
                role = SentenceRole.LINK;
                linkBlock = sentence.block();
            } else if (findsAny(cues.credit, line)) {
                role = SentenceRole.CREDIT;
            } else if (findsAny(cues.copyright, line)) {
                role = SentenceRole.COPYRIGHT;
            } else if (findsAny(cues.publication, line) && sentence.wordCount() <= MAX_PUBLICATION_LINE_WORDS) {
                role = SentenceRole.PUBLICATION;
            } else if (findsAny(cues.otherBoilerplate, line)) {
                role = SentenceRole.OTHER_BOILERPLATE;
            } else {
                role = SentenceRole.BODY;
            }
            roles.add(role);
        }
        return roles;
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
