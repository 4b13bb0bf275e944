package org.findingskb.web;

/** Escaping of user text placed in a SQL LIKE pattern (escape character: backslash). */
public final class LikePatterns {

    private LikePatterns() {
    }

    public static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    public static String contains(String text) {
        return "%" + escape(text) + "%";
    }
}
