package org.findingskb.curation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.findingskb.support.Http.Reply;
import org.findingskb.support.TestKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.findingskb.curation.CurationClient.ifMatch;
import static org.findingskb.curation.CurationClient.json;
import static org.findingskb.curation.CurationClient.problem;
import static org.findingskb.curation.CurationClient.uniqueWord;

/**
 * Versions as HTTP validators: reads carry an ETag and answer If-None-Match with 304; every update and delete
 * must name the version it is based on in If-Match, so that of concurrent writers exactly one wins.
 */
class ConcurrencyTests extends CuratingOverHttp {

    private static final int WRITERS = 50;

    // ---- reads ----------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/studies/1", "study-by-slug", "/api/findings/first", "/api/mechanisms/first",
            "/api/concepts/first"})
    void aSingleResourceCarriesItsVersionAsETagAndAnswersAMatchingIfNoneMatchWith304(String which) {
        String path = switch (which) {
            case "study-by-slug" -> "/api/studies/" + api.seedStudy().get("slug").asString();
            case "/api/findings/first" -> "/api/findings/" + api.seedFindings().get(0).get("id").asLong();
            case "/api/mechanisms/first" -> "/api/mechanisms/" + api.ok("/api/studies/1/mechanisms").get(0).get("id").asLong();
            case "/api/concepts/first" -> "/api/concepts/" + api.ok("/api/concepts").get("content").get(0).get("id").asLong();
            default -> which;
        };
        Reply first = api.get(path);
        assertThat(first.status()).isEqualTo(200);
        String etag = first.header("ETag").orElseThrow();
        // the version, then a digest of the representation
        assertThat(etag).startsWith("\"" + first.json().get("version").asLong() + "-").endsWith("\"");
        String cacheControl = first.header("Cache-Control").orElseThrow();
        assertThat(cacheControl).as("public data that caches may keep but must revalidate")
                .contains("public").contains("no-cache").doesNotContain("private").doesNotContain("no-store");

        Reply notModified = api.get(path, "If-None-Match", etag);
        assertThat(notModified.status()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();
        assertThat(notModified.header("ETag")).contains(etag);
        assertThat(notModified.header("Cache-Control")).contains(cacheControl);
        assertThat(api.get(path, "If-None-Match", "W/" + etag).status()).as("weak comparison").isEqualTo(304);
        assertThat(api.get(path, "If-None-Match", "\"h0\", " + etag).status()).as("one of a list").isEqualTo(304);
        Reply other = api.get(path, "If-None-Match", "\"987654\"");
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.json()).isEqualTo(first.json());
    }

    @Test
    void aChangeMakesTheOldETagStaleForReaders() {
        long studyId = api.createStudy("Study for ETags " + uniqueWord("etg")).get("id").asLong();
        JsonNode finding = api.createFinding(studyId, "A finding to revalidate.");
        String path = "/api/findings/" + finding.get("id").asLong();
        String etag = api.get(path).header("ETag").orElseThrow();
        Reply patched = api.asCurator("PATCH", path, json("statement", "A finding revalidated."), "If-Match", etag);
        assertThat(patched.status()).isEqualTo(200);
        Reply reread = api.get(path, "If-None-Match", etag);
        assertThat(reread.status()).isEqualTo(200);
        assertThat(reread.json().get("statement").asString()).isEqualTo("A finding revalidated.");
        assertThat(reread.header("ETag")).contains(patched.header("ETag").orElseThrow()).isNotEqualTo(etag);
    }

    @Test
    void aLinkAddedToAFindingChangesTheETagOfBothEnds() {
        long studyId = api.createStudy("Study for link ETags " + uniqueWord("lte")).get("id").asLong();
        long from = api.createFinding(studyId, "A finding that will support another.").get("id").asLong();
        long to = api.createFinding(studyId, "A finding that will be supported.").get("id").asLong();
        String fromTag = api.get("/api/findings/" + from).header("ETag").orElseThrow();
        String toTag = api.get("/api/findings/" + to).header("ETag").orElseThrow();
        assertThat(api.asCurator("POST", "/api/findings/" + from + "/links", json("type", "SUPPORTS", "findingId", to))
                .status()).isEqualTo(201);

        Reply fromAgain = api.get("/api/findings/" + from, "If-None-Match", fromTag);
        assertThat(fromAgain.status()).as("a cached copy without the link must not be confirmed as current").isEqualTo(200);
        assertThat(fromAgain.json().get("links")).hasSize(1);
        Reply toAgain = api.get("/api/findings/" + to, "If-None-Match", toTag);
        assertThat(toAgain.status()).as("the linked finding's representation changed too").isEqualTo(200);
        assertThat(toAgain.json().get("links")).hasSize(1);
    }

    // ---- preconditions on writes ----------------------------------------------------------------------------

    /** An update or delete of each kind of resource, given the If-Match headers to send. */
    private Map<String, IntFunction<Reply>> writesTo(JsonNode study, JsonNode finding, JsonNode mechanism, JsonNode concept,
            String... ifMatch) {
        long studyId = study.get("id").asLong();
        String s = "/api/studies/" + studyId;
        String f = "/api/findings/" + finding.get("id").asLong();
        String m = "/api/mechanisms/" + mechanism.get("id").asLong();
        String c = "/api/concepts/" + concept.get("id").asLong();
        return Map.ofEntries(
                Map.entry("PUT study", i -> api.asCurator("PUT", s, json("title", "Replaced"), ifMatch)),
                Map.entry("PATCH study", i -> api.asCurator("PATCH", s, json("population", "rats"), ifMatch)),
                Map.entry("DELETE study", i -> api.send("DELETE", s, null, TestKeys.admin(ifMatch))),
                Map.entry("PUT finding", i -> api.asCurator("PUT", f, api.findingBody(studyId, "Replaced."), ifMatch)),
                Map.entry("PATCH finding", i -> api.asCurator("PATCH", f, json("statement", "Patched."), ifMatch)),
                Map.entry("review finding", i -> api.asCurator("POST", f + "/review", json("status", "ACCEPTED"), ifMatch)),
                Map.entry("DELETE finding", i -> api.send("DELETE", f, null, TestKeys.admin(ifMatch))),
                Map.entry("PUT mechanism", i -> api.asCurator("PUT", m, json("name", "Replaced"), ifMatch)),
                Map.entry("PATCH mechanism", i -> api.asCurator("PATCH", m, json("onset", null), ifMatch)),
                Map.entry("DELETE mechanism", i -> api.send("DELETE", m, null, TestKeys.admin(ifMatch))),
                Map.entry("PUT concept", i -> api.asCurator("PUT", c, json("name", "Replaced " + uniqueWord("rc")), ifMatch)),
                Map.entry("PATCH concept", i -> api.asCurator("PATCH", c, json("meshId", "D000001"), ifMatch)),
                Map.entry("DELETE concept", i -> api.send("DELETE", c, null, TestKeys.admin(ifMatch))));
    }

    private record Resources(JsonNode study, JsonNode finding, JsonNode mechanism, JsonNode concept) {
    }

    private Resources resources() {
        JsonNode study = api.createStudy("Study for preconditions " + uniqueWord("pre"));
        long studyId = study.get("id").asLong();
        JsonNode finding = api.createFinding(studyId, "A finding for preconditions.");
        JsonNode mechanism = api.createMechanism(studyId, "A mechanism for preconditions");
        JsonNode concept = api.createConcept("Concept " + uniqueWord("prc"), "PROCESS");
        // Read again: creating the mechanism changed nothing else, but the study must be read as it stands.
        return new Resources(api.ok("/api/studies/" + studyId), api.ok("/api/findings/" + finding.get("id").asLong()),
                mechanism, concept);
    }

    private void assertUnchanged(Resources r) {
        assertThat(api.ok("/api/studies/" + r.study().get("id").asLong())).isEqualTo(r.study());
        assertThat(api.ok("/api/findings/" + r.finding().get("id").asLong())).isEqualTo(r.finding());
        assertThat(api.ok("/api/mechanisms/" + r.mechanism().get("id").asLong())).isEqualTo(r.mechanism());
        assertThat(api.ok("/api/concepts/" + r.concept().get("id").asLong())).isEqualTo(r.concept());
    }

    @Test
    void everyUpdateAndDeleteWithoutIfMatchIsA428AndChangesNothing() {
        Resources r = resources();
        writesTo(r.study(), r.finding(), r.mechanism(), r.concept()).forEach((write, send) -> {
            JsonNode problem = problem(send.apply(0), 428);
            assertThat(problem.get("type").asString()).as(write).isEqualTo("/problems/precondition-required");
            assertThat(problem.get("detail").asString()).as(write).contains("If-Match");
        });
        assertUnchanged(r);
    }

    @Test
    void everyUpdateAndDeleteWithAStaleIfMatchIsA412NamingTheCurrentVersionAndChangesNothing() {
        Resources r = resources();
        for (Map.Entry<String, IntFunction<Reply>> write : writesTo(r.study(), r.finding(), r.mechanism(), r.concept(),
                "If-Match", "\"987\"").entrySet()) {
            JsonNode problem = problem(write.getValue().apply(0), 412);
            assertThat(problem.get("type").asString()).as(write.getKey()).isEqualTo("/problems/precondition-failed");
            assertThat(problem.has("currentVersion")).as(write.getKey()).isTrue();
        }
        for (String garbage : List.of("\"not-a-version\"", "yesterday", "\"\"")) {
            for (Map.Entry<String, IntFunction<Reply>> write : writesTo(r.study(), r.finding(), r.mechanism(), r.concept(),
                    "If-Match", garbage).entrySet()) {
                problem(write.getValue().apply(0), 412);
            }
        }
        assertUnchanged(r);
    }

    /** RFC 9110 13.1.1: If-Match compares strongly, so a weak tag never matches. */
    @Test
    void aWeakETagInIfMatchNeverMatches() {
        Resources r = resources();
        String path = "/api/findings/" + r.finding().get("id").asLong();
        Reply patched = api.asCurator("PATCH", path, json("statement", "Patched with a weak validator."),
                "If-Match", "W/" + ifMatch(r.finding().get("version").asLong()));
        problem(patched, 412);
        assertUnchanged(r);
    }

    @Test
    void ifMatchStarMatchesAnyCurrentVersion() {
        Resources r = resources();
        String path = "/api/studies/" + r.study().get("id").asLong();
        Reply patched = api.asCurator("PATCH", path, json("population", "rats"), "If-Match", "*");
        assertThat(patched.status()).as("%s", patched).isEqualTo(200);
        assertThat(patched.json().get("version").asLong()).isGreaterThan(r.study().get("version").asLong());
    }

    @Test
    void ifMatchWithAListMatchesWhenAnyTagNamesTheCurrentVersion() {
        Resources r = resources();
        String path = "/api/mechanisms/" + r.mechanism().get("id").asLong();
        String current = api.get(path).header("ETag").orElseThrow();
        Reply stale = api.asCurator("PATCH", path, json("name", "Renamed by a stale list"), "If-Match", "\"987654\", W/" + current);
        problem(stale, 412);
        Reply patched = api.asCurator("PATCH", path, json("name", "Renamed by a list"), "If-Match", "\"987654\", " + current);
        assertThat(patched.status()).as("%s", patched).isEqualTo(200);
    }

    @Test
    void theETagOfAWriteIsTheOneToSendWithTheNextWrite() {
        Resources r = resources();
        String path = "/api/mechanisms/" + r.mechanism().get("id").asLong();
        String etag = api.get(path).header("ETag").orElseThrow();
        for (int i = 0; i < 3; i++) {
            Reply patched = api.asCurator("PATCH", path, json("name", "Renamed " + i), "If-Match", etag);
            assertThat(patched.status()).as("%s", patched).isEqualTo(200);
            assertThat(patched.header("ETag")).isPresent().isNotEqualTo(java.util.Optional.of(etag));
            assertThat(api.get(path).header("ETag")).isEqualTo(patched.header("ETag"));
            etag = patched.header("ETag").orElseThrow();
        }
    }

    // ---- racing writers -------------------------------------------------------------------------------------

    /** Sends {@code writers} writes at once and returns their answers. */
    private static List<Reply> all(int writers, IntFunction<Reply> write) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            CountDownLatch ready = new CountDownLatch(writers);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                int n = i;
                replies.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return write.apply(n);
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<Reply> answered = new ArrayList<>();
            for (Future<Reply> reply : replies) {
                answered.add(reply.get(120, TimeUnit.SECONDS));
            }
            return answered;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Map<Integer, Long> statuses(List<Reply> replies) {
        return replies.stream().collect(Collectors.groupingBy(Reply::status, Collectors.counting()));
    }

    private static List<String> unexpected(List<Reply> replies, int... expected) {
        return replies.stream().filter(r -> java.util.Arrays.stream(expected).noneMatch(s -> s == r.status()))
                .map(Reply::toString).distinct().limit(3).toList();
    }

    /** Sends {@code WRITERS} writes based on the same version at once: exactly one may win, the rest get 412. */
    private static Map<Integer, Long> race(IntFunction<Reply> write) throws Exception {
        List<Reply> answered = all(WRITERS, write);
        Map<Integer, Long> statuses = statuses(answered);
        assertThat(statuses).as("statuses of %d racing writes; the unexpected ones: %s", WRITERS,
                unexpected(answered, 200, 412)).isEqualTo(Map.of(200, 1L, 412, (long) WRITERS - 1));
        answered.stream().filter(r -> r.status() == 412).forEach(r -> problem(r, 412));
        return statuses;
    }

    @Test
    void studiesCreatedAtOnceWithTheSameTitleAllGetDistinctSlugs() throws Exception {
        String title = "Study created twice at once " + uniqueWord("dup");
        List<Reply> created = all(10, n -> api.asCurator("POST", "/api/studies", json("title", title)));
        assertThat(statuses(created)).as("the unexpected answers: %s", unexpected(created, 201))
                .isEqualTo(Map.of(201, 10L));
        assertThat(created.stream().map(r -> r.json().get("slug").asString()).distinct()).hasSize(10);
    }

    @Test
    void conceptsCreatedAtOnceWithTheSameNameMakeOneConceptAndClearRefusals() throws Exception {
        String name = "Concept created twice at once " + uniqueWord("dpc");
        List<Reply> created = all(10, n -> api.asCurator("POST", "/api/concepts", json("name", name, "type", "DRUG")));
        Map<Integer, Long> statuses = statuses(created);
        assertThat(statuses.get(201)).as("statuses %s; unexpected: %s", statuses, unexpected(created, 201, 409, 422))
                .isEqualTo(1L);
        assertThat(unexpected(created, 201, 409, 422)).as("never a server error").isEmpty();
        created.stream().filter(r -> r.status() != 201).forEach(r -> problem(r, r.status()));
        assertThat(api.ok("/api/concepts?size=100&q=" + CurationClient.q(name)).get("content").valueStream()
                .filter(c -> c.get("name").asString().equals(name))).hasSize(1);
    }

    @Test
    void theSameLinkCreatedAtOnceIsStoredOnceAndTheRestAreRefusedClearly() throws Exception {
        long studyId = api.createStudy("Study for racing links " + uniqueWord("rlk")).get("id").asLong();
        long from = api.createFinding(studyId, "A finding linked many times at once.").get("id").asLong();
        long to = api.createFinding(studyId, "The finding it supports.").get("id").asLong();
        List<Reply> linked = all(10, n -> api.asCurator("POST", "/api/findings/" + from + "/links",
                json("type", "SUPPORTS", "findingId", to)));
        Map<Integer, Long> statuses = statuses(linked);
        assertThat(statuses.get(201)).as("statuses %s; unexpected: %s", statuses, unexpected(linked, 201, 409, 422))
                .isEqualTo(1L);
        assertThat(unexpected(linked, 201, 409, 422)).as("never a server error").isEmpty();
        assertThat(api.ok("/api/findings/" + from).get("links")).hasSize(1);
    }

    @Test
    void ofFiftyConcurrentReplacementsOfAFindingWithTheSameETagExactlyOneWins() throws Exception {
        long studyId = api.createStudy("Study for racing writers " + uniqueWord("rac")).get("id").asLong();
        JsonNode finding = api.createFinding(studyId, "A finding fifty curators edit at once.");
        String path = "/api/findings/" + finding.get("id").asLong();
        long version = finding.get("version").asLong();
        Map<Integer, Long> statuses = race(n -> api.asCurator("PUT", path,
                api.findingBody(studyId, "Edit number " + n + ".", "kind", n % 2 == 0 ? "IMPLICATION" : "CONTEXT"),
                "If-Match", ifMatch(version)));
        assertThat(statuses).isEqualTo(Map.of(200, 1L, 412, (long) WRITERS - 1));
        JsonNode after = api.ok(path);
        assertThat(after.get("version").asLong()).isEqualTo(version + 1);
        assertThat(after.get("statement").asString()).matches("Edit number \\d+\\.");
        assertThat(api.ok(path + "/revisions")).hasSize(2);
    }

    @Test
    void ofFiftyConcurrentPatchesOfAStudyWithTheSameETagExactlyOneWins() throws Exception {
        JsonNode study = api.createStudy("Study fifty curators patch " + uniqueWord("pst"));
        String path = "/api/studies/" + study.get("id").asLong();
        long version = study.get("version").asLong();
        Map<Integer, Long> statuses = race(n -> api.asCurator("PATCH", path, json("population", "cohort " + n),
                "If-Match", ifMatch(version)));
        assertThat(statuses).isEqualTo(Map.of(200, 1L, 412, (long) WRITERS - 1));
        JsonNode after = api.ok(path);
        assertThat(after.get("version").asLong()).isEqualTo(version + 1);
        assertThat(after.get("population").asString()).matches("cohort \\d+");
    }

    @Test
    void ofFiftyConcurrentPatchesOfAMechanismWithTheSameETagExactlyOneWins() throws Exception {
        long studyId = api.createStudy("Study for racing mechanisms " + uniqueWord("rme")).get("id").asLong();
        JsonNode mechanism = api.createMechanism(studyId, "A mechanism fifty curators rename");
        String path = "/api/mechanisms/" + mechanism.get("id").asLong();
        long version = mechanism.get("version").asLong();
        Map<Integer, Long> statuses = race(n -> api.asCurator("PATCH", path, json("name", "Name " + n),
                "If-Match", ifMatch(version)));
        assertThat(statuses).isEqualTo(Map.of(200, 1L, 412, (long) WRITERS - 1));
        assertThat(api.ok(path).get("version").asLong()).isEqualTo(version + 1);
    }

    @Test
    void ofFiftyConcurrentReviewsOfAFindingWithTheSameETagExactlyOneWins() throws Exception {
        long studyId = api.createStudy("Study for racing reviews " + uniqueWord("rrv")).get("id").asLong();
        JsonNode finding = api.createFinding(studyId, "A finding fifty curators review at once.");
        String path = "/api/findings/" + finding.get("id").asLong();
        long version = finding.get("version").asLong();
        Map<Integer, Long> statuses = race(n -> api.asCurator("POST", path + "/review",
                n % 2 == 0 ? json("status", "ACCEPTED") : json("status", "REJECTED", "note", "Reviewer " + n + " disagrees."),
                "If-Match", ifMatch(version)));
        assertThat(statuses).isEqualTo(Map.of(200, 1L, 412, (long) WRITERS - 1));
        assertThat(api.ok(path).get("version").asLong()).isEqualTo(version + 1);
    }
}
