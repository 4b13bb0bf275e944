package org.findingskb.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The metadata fields of an article, each right (exactly the gold value) or wrong, and their accuracy per field
 * pooled over articles. {@link GoldScorer} counts the same fields for the metadata column.
 */
final class MetadataFields {

    static final List<String> NAMES = List.of("title", "publisher", "year", "institution", "journal", "population",
            "researchers");

    private MetadataFields() {
    }

    /** One field of one article: what the gold annotation holds, what was read, and whether they agree. */
    record Field(String name, Object gold, Object read, boolean right) {
    }

    static List<Field> compare(GoldAnnotation gold, ArticleMetadata meta) {
        List<Field> fields = new ArrayList<>();
        fields.add(exact("title", gold.title(), meta.title()));
        fields.add(exact("publisher", gold.publisher(), meta.publisher()));
        fields.add(exact("year", gold.publishedYear(), meta.publishedYear()));
        fields.add(exact("institution", gold.institution(), meta.institution()));
        fields.add(exact("journal", gold.journal(), meta.journal()));
        fields.add(exact("population", gold.population(), meta.population()));
        fields.add(new Field("researchers", gold.researchers(), meta.researchers(),
                GoldScorer.researchersMatch(gold.researchers(), meta.researchers())));
        return fields;
    }

    private static Field exact(String name, Object gold, Object read) {
        return new Field(name, gold, read, Objects.equals(gold, read));
    }

    /** Right and total counts per field, in the order of {@link #NAMES}, pooled over articles. */
    record Tally(String name, int[] right, int[] total) {

        static Tally of(String name, List<Field> fields) {
            int[] right = new int[NAMES.size()];
            int[] total = new int[NAMES.size()];
            for (Field f : fields) {
                int i = NAMES.indexOf(f.name());
                total[i]++;
                right[i] += f.right() ? 1 : 0;
            }
            return new Tally(name, right, total);
        }

        Tally plus(Tally o) {
            int[] r = right.clone();
            int[] t = total.clone();
            for (int i = 0; i < r.length; i++) {
                r[i] += o.right[i];
                t[i] += o.total[i];
            }
            return new Tally(name, r, t);
        }

        Tally named(String newName) {
            return new Tally(newName, right, total);
        }

        double accuracy(String field) {
            int i = NAMES.indexOf(field);
            return total[i] == 0 ? 1.0 : (double) right[i] / total[i];
        }

        double overall() {
            int r = java.util.Arrays.stream(right).sum();
            int t = java.util.Arrays.stream(total).sum();
            return t == 0 ? 1.0 : (double) r / t;
        }
    }

    /**
     * Metadata accuracy per field: one row per group (a set, or an article) in the order first met, then one over
     * everything. {@code groups.get(i)} names the group of {@code fields.get(i)}.
     */
    static String byGroup(String first, List<String> groups, List<List<Field>> fields, String allName) {
        java.util.Map<String, Tally> tallies = new java.util.LinkedHashMap<>();
        Tally all = Tally.of(allName, List.of());
        for (int i = 0; i < groups.size(); i++) {
            Tally t = Tally.of(groups.get(i), fields.get(i));
            tallies.merge(groups.get(i), t, Tally::plus);
            all = all.plus(t);
        }
        List<Tally> rows = new ArrayList<>(tallies.values());
        rows.add(all);
        return table(first, rows);
    }

    /** A table of metadata accuracy per field, one row per tally. */
    static String table(String first, List<Tally> rows) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%n%-44s", first));
        NAMES.forEach(n -> out.append(String.format(Locale.ROOT, " %11s", n)));
        out.append(String.format(Locale.ROOT, " %11s%n", "metadata"));
        for (Tally t : rows) {
            out.append(String.format(Locale.ROOT, "%-44s", t.name()));
            NAMES.forEach(n -> out.append(String.format(Locale.ROOT, " %11.2f", t.accuracy(n))));
            out.append(String.format(Locale.ROOT, " %11.2f%n", t.overall()));
        }
        return out.toString();
    }
}
