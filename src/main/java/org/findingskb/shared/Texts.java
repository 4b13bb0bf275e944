package org.findingskb.shared;

/** Small rules for text that requests carry. */
public final class Texts {

    private Texts() {
    }

    /** {@code value} stripped, or {@code null} when it is missing or blank: an empty field states nothing. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * {@code value} without the characters that make text show other than it is: bidirectional controls (an
     * override makes "gpj.exe" display as "exe.jpg"), zero-width spaces and joiners, word joiners and byte-order
     * marks. A zero-width (non-)joiner stays between two letters outside ASCII, where scripts such as Persian,
     * the Indic ones and emoji sequences need it; between ASCII letters it only hides a look-alike.
     */
    public static String withoutInvisibles(String value) {
        if (value == null || value.chars().noneMatch(Texts::isInvisible)) {
            return value;
        }
        StringBuilder kept = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!isInvisible(c) || isJoiner(c) && joins(value, i)) {
                kept.append(c);
            }
        }
        return kept.toString();
    }

    /** Whether {@code value} holds half of a surrogate pair without the other half: no character at all. */
    public static boolean hasLoneSurrogate(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    static boolean isInvisible(int c) {
        return c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF // zero-width
                || c == 0x200E || c == 0x200F || c == 0x061C // directional marks
                || c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069; // embeddings, overrides, isolates
    }

    private static boolean isJoiner(char c) {
        return c == 0x200C || c == 0x200D;
    }

    private static boolean joins(String value, int at) {
        return at > 0 && at + 1 < value.length() && joinable(value.codePointBefore(at))
                && joinable(value.codePointAt(at + 1));
    }

    private static boolean joinable(int c) {
        int type = Character.getType(c);
        return c > 0x7F && (Character.isLetter(c) || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK || type == Character.OTHER_SYMBOL);
    }
}
