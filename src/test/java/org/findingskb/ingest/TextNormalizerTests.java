package org.findingskb.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTests {

    @Test
    void convertsWindowsAndOldMacLineEndingsToNewlines() {
        assertThat(TextNormalizer.normalize("Title\r\n\r\nFirst line.\rSecond line."))
                .isEqualTo("Title\n\nFirst line.\nSecond line.");
    }

    @Test
    void trimsTrailingSpacesOfEveryLine() {
        assertThat(TextNormalizer.normalize("Title  \t\nBody text. \u00A0\nMore.")).isEqualTo("Title\nBody text.\nMore.");
    }

    @Test
    void collapsesRunsOfBlankLinesToOneBlankLine() {
        assertThat(TextNormalizer.normalize("One.\n\n\n\nTwo.\n \n \n\nThree.")).isEqualTo("One.\n\nTwo.\n\nThree.");
    }

    @Test
    void composesCharactersToNfc() {
        assertThat(TextNormalizer.normalize("Cafe\u0301 study")).isEqualTo("Caf\u00E9 study");
    }

    @Test
    void stripsLeadingAndTrailingWhitespaceAndByteOrderMark() {
        assertThat(TextNormalizer.normalize("\uFEFF\n\n  Title\n\nBody.\n\n\n")).isEqualTo("Title\n\nBody.");
    }

    @Test
    void givesTheSameTextForTheSameArticlePastedDifferently() {
        String article = TestArticles.read("corpus/seed/knowridge-2025-ketamine-fast-and-lasting.txt");
        String messy = "\n  " + article.replace("\n", "  \r\n").replace("\r\n\r\n", "\r\n \r\n\r\n") + "\r\n\r\n";
        assertThat(TextNormalizer.normalize(messy)).isEqualTo(TextNormalizer.normalize(article));
    }

    @Test
    void treatsNullAsEmptyText() {
        assertThat(TextNormalizer.normalize(null)).isEmpty();
    }

    @Test
    void dropsControlCharactersButKeepsTabsAndLineBreaks() {
        assertThat(TextNormalizer.normalize("Ti\u0000tle\n\nA\tb\u0007c\u001b[1m\u007f d.\u0000"))
                .isEqualTo("Title\n\nA\tbc[1m d.");
    }

    @Test
    void dropsBidiControlsZeroWidthCharactersAndLoneSurrogates() {
        assertThat(TextNormalizer.normalize("Keta\u200Bmine \u202Egnp.exe\u202C\u2066 lifts\u200D mood\ud800.\udfff"))
                .isEqualTo("Ketamine gnp.exe lifts mood.");
        // a pair is a character; a joiner between letters of a script that needs it stays
        assertThat(TextNormalizer.normalize("Tube \ud83e\uddea \u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645"))
                .isEqualTo("Tube \ud83e\uddea \u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645");
    }
}
