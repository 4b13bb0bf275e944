package org.findingskb.search;

import java.util.function.Function;

import org.findingskb.finding.Finding;
import org.findingskb.mechanism.Mechanism;
import org.findingskb.shared.StoredEntity;
import org.findingskb.study.Study;

/** The entities that carry a meaning: what text of theirs is embedded, and the table their vector is kept in. */
enum MeaningKind {

    FINDING(Finding.class, "finding", MeaningKind::findingText, "statement", "evidence"),
    MECHANISM(Mechanism.class, "mechanism", m -> joined(((Mechanism) m).getName(), ((Mechanism) m).getDescription()),
            "name", "description"),
    STUDY(Study.class, "study", s -> joined(((Study) s).getTitle(), ((Study) s).getPopulation()), "title", "population");

    private final Class<? extends StoredEntity> type;
    private final String table;
    private final String vectorTable;
    private final Function<Object, String> text;
    private final String[] dependencies;

    MeaningKind(Class<? extends StoredEntity> type, String table, Function<Object, String> text, String... dependencies) {
        this.type = type;
        this.table = table;
        this.vectorTable = table + "_meaning";
        this.text = text;
        this.dependencies = dependencies;
    }

    Class<? extends StoredEntity> type() {
        return type;
    }

    /** The entity's own table. */
    String table() {
        return table;
    }

    /** Where its vectors are kept (migration V11). */
    String vectorTable() {
        return vectorTable;
    }

    /** The properties the text is read from: a change to one of them makes the entity mean something else. */
    String[] dependencies() {
        return dependencies;
    }

    String text(Object entity) {
        return text.apply(entity);
    }

    static MeaningKind of(Object entity) {
        for (MeaningKind kind : values()) {
            if (kind.type.isInstance(entity)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("No meaning for " + entity.getClass().getSimpleName());
    }

    /** A finding means what it states and what its sentence says (when the statement is not the sentence itself). */
    private static String findingText(Object entity) {
        Finding finding = (Finding) entity;
        StringBuilder text = new StringBuilder(finding.getStatement() == null ? "" : finding.getStatement());
        for (var span : finding.getEvidence()) {
            if (span.exact() != null && !text.toString().contains(span.exact())) {
                text.append(' ').append(span.exact());
            }
        }
        return text.toString();
    }

    private static String joined(String first, String second) {
        return second == null || second.isBlank() ? first : first + ". " + second;
    }
}
