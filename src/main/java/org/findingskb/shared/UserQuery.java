package org.findingskb.shared;

import java.util.EnumSet;
import java.util.Set;

import org.hibernate.search.engine.search.common.BooleanOperator;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SimpleQueryStringPredicateOptionsStep;
import org.hibernate.search.engine.search.predicate.dsl.SimpleQueryFlag;
import org.hibernate.search.engine.search.predicate.dsl.TypedSearchPredicateFactory;

/**
 * What a user types into {@code q}, read with a simple syntax: words (all must match), {@code "quoted phrases"},
 * {@code -excluded} words, {@code prefix*} and {@code a | b} alternatives. Never raw Lucene syntax, so no input
 * can make a query fail: unbalanced quotes or stray operators just match less.
 */
public record UserQuery(String text) {

    public static final int MAX_LENGTH = 500;
    /**
     * The most words (and exclusions, alternatives, phrase words) a query may hold. Each word becomes a clause in
     * every text field of every searched type, and Lucene refuses a query of more than 1,024 clauses: about 60
     * words failed; 32 stay well below, and no one types more to find a finding.
     */
    public static final int MAX_WORDS = 32;
    /** The deepest nesting of parentheses: {@code (a|(a|(...)))} costs a query per level and finds nothing more. */
    public static final int MAX_DEPTH = 4;

    private static final Set<SimpleQueryFlag> FLAGS = EnumSet.of(SimpleQueryFlag.AND, SimpleQueryFlag.OR,
            SimpleQueryFlag.NOT, SimpleQueryFlag.PHRASE, SimpleQueryFlag.PREFIX, SimpleQueryFlag.WHITESPACE,
            SimpleQueryFlag.PRECEDENCE);

    /** The query in {@code q}, or {@code null} when there is nothing to search for. */
    public static UserQuery of(String q) {
        if (q == null) {
            return null;
        }
        if (q.length() > MAX_LENGTH) {
            throw InvalidParameter.of("q", "must be at most " + MAX_LENGTH + " characters long, not " + q.length());
        }
        // A query of operators alone (e.g. "*" or "-") would match everything or nothing at random.
        String stripped = q.strip();
        checkSize(stripped);
        return stripped.chars().anyMatch(Character::isLetterOrDigit) ? new UserQuery(stripped) : null;
    }

    /** Refuses a query of more words or deeper parentheses than a search may cost, in one pass. */
    private static void checkSize(String q) {
        int words = 0;
        int depth = 0;
        int deepest = 0;
        boolean inWord = false;
        boolean inPhrase = false;
        for (int i = 0; i < q.length(); i++) {
            char c = q.charAt(i);
            boolean wordChar = Character.isLetterOrDigit(c) || Character.isSurrogate(c);
            if (wordChar && !inWord) {
                words++;
            }
            inWord = wordChar;
            if (c == '"') {
                inPhrase = !inPhrase;
            } else if (c == '(' && !inPhrase) {
                deepest = Math.max(deepest, ++depth);
            } else if (c == ')' && !inPhrase && depth > 0) {
                depth--;
            }
        }
        if (words > MAX_WORDS) {
            throw InvalidParameter.of("q", "may hold at most " + MAX_WORDS + " words, not " + words
                    + ": search for the few that matter");
        }
        if (deepest > MAX_DEPTH) {
            throw InvalidParameter.of("q", "may nest parentheses at most " + MAX_DEPTH + " deep, not " + deepest);
        }
    }

    /** What {@code query} matches on {@code fields}; without a query (browsing), every document. */
    public static PredicateFinalStep matching(UserQuery query, TypedSearchPredicateFactory<?> f, String... fields) {
        return query == null ? f.matchAll() : query.on(f, fields);
    }

    public SimpleQueryStringPredicateOptionsStep<?> on(TypedSearchPredicateFactory<?> f, String... fields) {
        return f.simpleQueryString().fields(fields).matching(text)
                .defaultOperator(BooleanOperator.AND).flags(FLAGS);
    }
}
