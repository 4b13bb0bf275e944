package org.findingskb.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import org.findingskb.support.Restarts;
import org.findingskb.finding.FindingFilter;
import org.findingskb.finding.FindingKind;
import org.findingskb.finding.FindingResponse;
import org.findingskb.finding.FindingService;
import org.findingskb.finding.ReviewStatus;
import org.findingskb.ingest.IngestService;
import org.findingskb.ingest.SourceOverrides;
import org.findingskb.web.KnowledgeBaseCounts;
import org.findingskb.shared.PageQuery;
import org.findingskb.shared.ResultPage;

import static org.assertj.core.api.Assertions.assertThat;

/** The index follows every write, survives restarts, and is rebuilt when it is lost. */
class SearchIndexLifecycleTests {


    private static long findingsMatching(ConfigurableApplicationContext context, String q) {
        return context.getBean(FindingService.class)
                .find(new FindingFilter(q, null, null, null, null, null, null, null), PageQuery.firstPage())
                .page().totalElements();
    }

    @Test
    void anIngestedArticleIsSearchableAtOnce() {
        try (ConfigurableApplicationContext context = Restarts.start("ingest-" + UUID.randomUUID())) {
            assertThat(findingsMatching(context, "zebrafish")).isZero();
            context.getBean(IngestService.class).ingest("Fish study\n\nThe researchers found that zebrafish given the"
                    + " drug swam more.\n\nThe study is published in Fish Letters.", SourceOverrides.none());
            assertThat(findingsMatching(context, "zebrafish")).isEqualTo(1);
            assertThat(context.getBean(KnowledgeBaseCounts.class).current().get("studies")).isEqualTo(2);
        }
    }

    /** A filter with enums and a set in it: what a cursor's fingerprint must identify the same way after a restart. */
    private static FindingFilter ofKind(FindingKind kind) {
        return new FindingFilter(null, null, kind, null, null, null, null,
                Set.of(ReviewStatus.UNREVIEWED, ReviewStatus.ACCEPTED));
    }

    private static ResultPage<FindingResponse> results(ConfigurableApplicationContext context, FindingKind kind,
            Integer page, String cursor) {
        return context.getBean(FindingService.class).find(ofKind(kind), new PageQuery(page, 2, List.of()), cursor);
    }

    /** A kind of which the seed holds more than one page of two, whichever kinds the bundled model reads. */
    private static FindingKind kindOfMoreThanTwo(ConfigurableApplicationContext context) {
        return java.util.Arrays.stream(FindingKind.values())
                .filter(kind -> results(context, kind, 0, null).page().totalElements() > 2)
                .findFirst().orElseThrow(() -> new AssertionError("the seed holds more than two findings of no kind"));
    }

    @Test
    void aRestartReusesTheIndexAndItsCursorsAndALostIndexIsRebuilt() throws IOException {
        String database = "restart-index-" + UUID.randomUUID();
        Map<String, Long> counts;
        long matches;
        Path indexDirectory;
        FindingKind kind;
        String cursor;
        List<Long> secondPage;
        try (ConfigurableApplicationContext context = Restarts.start(database)) {
            counts = context.getBean(KnowledgeBaseCounts.class).current();
            matches = findingsMatching(context, "neurons");
            indexDirectory = Path.of(context.getEnvironment().getProperty("kb.data-dir"), "index");
            kind = kindOfMoreThanTwo(context);
            cursor = results(context, kind, 0, null).cursor();
            secondPage = results(context, kind, 1, null).content().stream().map(FindingResponse::id).toList();
        }
        assertThat(matches).isPositive();
        assertThat(cursor).as("a cursor to a second page of %s findings", kind).isNotNull();
        assertThat(secondPage).isNotEmpty();

        assertThat(Files.readString(indexDirectory.resolve("mapping-version")).strip()).startsWith(SearchIndex.MAPPING_VERSION);
        try (ConfigurableApplicationContext context = Restarts.start(database)) {
            assertThat(context.getBean(SearchIndex.class).ensureComplete()).as("nothing to re-index").isEmpty();
            assertThat(findingsMatching(context, "neurons")).isEqualTo(matches);
            assertThat(results(context, kind, null, cursor).content()).as("paging on after a restart")
                    .extracting(FindingResponse::id).isEqualTo(secondPage);
        }

        try (Stream<Path> files = Files.walk(indexDirectory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        assertThat(indexDirectory).doesNotExist();
        // As an index written by an earlier version would stand: its documents lack what hits now read.
        Files.createDirectories(indexDirectory);
        Files.writeString(indexDirectory.resolve("mapping-version"), "1\n");
        try (ConfigurableApplicationContext context = Restarts.start(database)) {
            assertThat(Files.readString(indexDirectory.resolve("mapping-version")).strip())
                    .as("rebuilt for this mapping").startsWith(SearchIndex.MAPPING_VERSION);
            assertThat(context.getBean(KnowledgeBaseCounts.class).current()).isEqualTo(counts);
            assertThat(findingsMatching(context, "neurons")).isEqualTo(matches);
            assertThat(context.getBean(SearchIndex.class).ensureComplete()).isEqualTo(List.of());
        }
    }
}
