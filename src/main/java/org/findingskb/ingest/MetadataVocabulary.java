package org.findingskb.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * General vocabulary for metadata ({@code ingest/metadata-vocabulary.json}): journal names, the words that mark a
 * news outlet or a body that is no person, degrees and name suffixes, universities with several campuses, and the
 * phrases that say a paper was published.
 */
final class MetadataVocabulary {

    static final String RESOURCE = "ingest/metadata-vocabulary.json";

    record File(List<String> journals, List<String> publicationCues, List<String> notJournalWords,
            List<String> outletWords, List<String> bylineRoleWords,
            List<String> notPersonWords, List<String> degrees, List<String> nameSuffixes,
            List<String> multiCampusUniversities) {
    }

    /** Any known journal as whole words, the longest first ("Nature Medicine" before "Nature"). */
    final Pattern journal;
    final List<Pattern> publicationCues;
    /** Words that begin no journal's name: months, weekdays, seasons, nationalities ("the American journal X"). */
    final Set<String> notJournalWords;
    /** Words in a publication's name ("Ledger", "Wire", "Magazine"). */
    final Set<String> outletWords;
    /** A reporter's job in a byline ("Staff Writer", "Health Correspondent"): no publication. */
    final Set<String> bylineRoleWords;
    final Set<String> notPersonWords;
    final Set<String> degrees;
    final Set<String> nameSuffixes;
    final List<String> multiCampusUniversities;

    private MetadataVocabulary(File f) {
        this.journal = Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + f.journals().stream()
                .sorted(Comparator.comparingInt(String::length).reversed()).map(Pattern::quote)
                .collect(Collectors.joining("|")) + ")(?![\\p{L}\\p{N}])");
        this.publicationCues = f.publicationCues().stream()
                .map(p -> Pattern.compile(p, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)).toList();
        this.notJournalWords = Set.copyOf(f.notJournalWords());
        this.outletWords = Set.copyOf(f.outletWords());
        this.bylineRoleWords = Set.copyOf(f.bylineRoleWords());
        this.notPersonWords = Set.copyOf(f.notPersonWords());
        this.degrees = Set.copyOf(f.degrees());
        this.nameSuffixes = Set.copyOf(f.nameSuffixes());
        this.multiCampusUniversities = List.copyOf(f.multiCampusUniversities());
    }

    static MetadataVocabulary fromClasspath() {
        try (InputStream in = MetadataVocabulary.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + RESOURCE);
            }
            return new MetadataVocabulary(Cues.mapper().readValue(in, File.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean mentionsPublication(String folded) {
        return BoilerplateDetector.findsAny(publicationCues, folded);
    }
}
