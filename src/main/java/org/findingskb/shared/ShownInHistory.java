package org.findingskb.shared;

/**
 * A value that names itself in a revision's {@code before} and {@code after}: readers see a quote or an effect as
 * they would write it, not a record's fields or a row id.
 */
public interface ShownInHistory {

    String historyText();
}
