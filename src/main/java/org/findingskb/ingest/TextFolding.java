package org.findingskb.ingest;

/**
 * Folds typographic quotes, dashes and spaces to plain ASCII one character for one, so cue matching sees one
 * spelling while offsets found on the folded text still index the original.
 */
final class TextFolding {

    private TextFolding() {
    }

    static String fold(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = switch (chars[i]) {
                case '\u2018', '\u2019', '\u201B', '\u2032', '\u02BC' -> '\'';
                case '\u201C', '\u201D', '\u201E', '\u2033' -> '"';
                case '\u2014', '\u2015' -> ' ';
                case '\u2013', '\u2010', '\u2011', '\u2212' -> '-';
                case '\u00A0', '\u2009', '\u202F', '\u2002', '\u2003' -> ' ';
                default -> chars[i];
            };
        }
        return new String(chars);
    }
}
