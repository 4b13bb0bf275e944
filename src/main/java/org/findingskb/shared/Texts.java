package org.findingskb.shared;

/** Small rules for text that requests carry. */
public final class Texts {

    private Texts() {
    }

    /** {@code value} stripped, or {@code null} when it is missing or blank: an empty field states nothing. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
