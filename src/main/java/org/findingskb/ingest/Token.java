package org.findingskb.ingest;

/** One token of the analysed text: absolute offsets, its universal POS tag and its matching key. */
record Token(String text, int start, int end, String tag, String key) {

    boolean isNoun() {
        return "NOUN".equals(tag) || "PROPN".equals(tag);
    }

    boolean isAdjective() {
        return "ADJ".equals(tag);
    }
}
