package org.findingskb.shared;

import java.util.EnumSet;
import java.util.Set;

import org.hibernate.search.engine.search.common.BooleanOperator;
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
        return stripped.chars().anyMatch(Character::isLetterOrDigit) ? new UserQuery(stripped) : null;
    }

    public SimpleQueryStringPredicateOptionsStep<?> on(TypedSearchPredicateFactory<?> f, String... fields) {
        return f.simpleQueryString().fields(fields).matching(text)
                .defaultOperator(BooleanOperator.AND).flags(FLAGS);
    }
}
