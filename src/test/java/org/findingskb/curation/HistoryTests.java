package org.findingskb.curation;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.findingskb.support.Http.Reply;
import org.findingskb.support.TestKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.findingskb.curation.CurationClient.ifMatch;
import static org.findingskb.curation.CurationClient.json;
import static org.findingskb.curation.CurationClient.keyName;
import static org.findingskb.curation.CurationClient.problem;
import static org.findingskb.curation.CurationClient.uniqueWord;

/** Every change to a finding, study or mechanism is in its history: when, by which key (by name), and what changed. */
class HistoryTests extends CuratingOverHttp {

    private static final String CURATOR = keyName("curator", TestKeys.CURATOR);
    private static final String ADMIN = keyName("admin", TestKeys.ADMIN);

    private List<JsonNode> revisions(String path) {
        Reply reply = api.get(path);
        assertThat(reply.status()).as("GET %s: %s", path, reply).isEqualTo(200);
        assertThat(reply.body()).doesNotContain(TestKeys.CURATOR).doesNotContain(TestKeys.ADMIN);
        List<JsonNode> revisions = reply.json().valueStream().toList();
        long previous = Long.MIN_VALUE;
        Instant previousTime = Instant.MIN;
        for (JsonNode revision : revisions) {
            long number = revision.get("revision").asLong();
            Instant time = Instant.parse(revision.get("time").asString());
            assertThat(number).as("revisions come oldest first").isGreaterThan(previous);
            assertThat(time).isAfterOrEqualTo(previousTime).isBeforeOrEqualTo(Instant.now().plusSeconds(5));
            assertThat(revision.get("keyName").asString()).matches("(curator|admin)-[0-9a-f]{8}|system");
            previous = number;
            previousTime = time;
        }
        return revisions;
    }

    private static List<String> changed(JsonNode revision) {
        return revision.get("changedFields").valueStream().map(JsonNode::asString).toList();
    }

    private static String type(JsonNode revision) {
        return revision.get("changeType").asString();
    }

    @Test
    void aFindingsHistoryShowsItsCreationEditsReviewAndDeletionWithTheKeyNames() {
        long studyId = api.createStudy("Study with history " + uniqueWord("his")).get("id").asLong();
        JsonNode finding = api.createFinding(studyId, "A finding whose history is kept.");
        long id = finding.get("id").asLong();
        String path = "/api/findings/" + id;

        Reply edited = api.asCurator("PUT", path, api.findingBody(studyId, "A finding whose history is kept, reworded.",
                "kind", "IMPLICATION"), "If-Match", ifMatch(finding.get("version").asLong()));
        assertThat(edited.status()).as("%s", edited).isEqualTo(200);
        Reply reviewed = api.asAdmin("POST", path + "/review", json("status", "REJECTED", "note", "Not in the source."),
                "If-Match", ifMatch(edited.json().get("version").asLong()));
        assertThat(reviewed.status()).as("%s", reviewed).isEqualTo(200);
        Reply deleted = api.send("DELETE", path, null, TestKeys.admin("If-Match", ifMatch(reviewed.json().get("version").asLong())));
        assertThat(deleted.status()).as("%s", deleted).isEqualTo(204);

        List<JsonNode> history = revisions(path + "/revisions");
        assertThat(history).extracting(HistoryTests::type).containsExactly("CREATED", "UPDATED", "UPDATED", "DELETED");
        assertThat(history).extracting(r -> r.get("keyName").asString()).containsExactly(CURATOR, CURATOR, ADMIN, ADMIN);
        assertThat(changed(history.get(1))).contains("statement", "kind")
                .doesNotContain("reviewStatus", "evidence", "createdAt", "updatedAt", "version");
        assertThat(changed(history.get(2))).contains("reviewStatus", "reviewNote").doesNotContain("statement", "kind");
        assertThat(history.get(0).get("changedFields").isArray()).isTrue();
        // Each update says what the changed fields held before and after it; a creation has nothing before it.
        assertThat(history.get(0).get("changes")).isEmpty();
        assertThat(change(history.get(1), "statement")).containsExactly("A finding whose history is kept.",
                "A finding whose history is kept, reworded.");
        assertThat(change(history.get(2), "reviewStatus")).containsExactly("UNREVIEWED", "REJECTED");
        assertThat(change(history.get(2), "reviewNote")).containsExactly(null, "Not in the source.");
        assertThat(history.get(2).get("changes")).extracting(c -> c.get("field").asString())
                .containsExactlyInAnyOrderElementsOf(changed(history.get(2)));
    }

    /** The [before, after] of one field in a revision's changes. */
    private static List<String> change(JsonNode revision, String field) {
        JsonNode change = revision.get("changes").valueStream().filter(c -> c.get("field").asString().equals(field))
                .findFirst().orElseThrow(() -> new AssertionError("no change of " + field + " in " + revision));
        return java.util.Arrays.asList(change.get("before").isNull() ? null : change.get("before").asString(),
                change.get("after").isNull() ? null : change.get("after").asString());
    }

    @Test
    void aFindingsHistoryNamesCollectionChangesByTheirApiFields() {
        long studyId = api.createStudy("Study with collection history " + uniqueWord("col")).get("id").asLong();
        JsonNode finding = api.createFinding(studyId, "A finding whose concepts change.");
        JsonNode concept = api.createConcept("Concept " + uniqueWord("hc"), "DRUG");
        Reply tagged = api.send("PATCH", "/api/findings/" + finding.get("id").asLong(),
                json("conceptIds", List.of(concept.get("id").asLong())),
                TestKeys.curator("Content-Type", "application/merge-patch+json", "If-Match", ifMatch(finding.get("version").asLong())));
        assertThat(tagged.status()).as("%s", tagged).isEqualTo(200);
        List<JsonNode> history = revisions("/api/findings/" + finding.get("id").asLong() + "/revisions");
        assertThat(history).hasSize(2);
        assertThat(changed(history.get(1))).contains("conceptIds").doesNotContain("statement", "concepts");
        // A referenced resource is named by its id.
        assertThat(change(history.get(1), "conceptIds")).containsExactly("", concept.get("id").asString());
    }

    @Test
    void evidenceAndEffectEditsShowTheQuoteAndTheEffectInWords() {
        long studyId = api.createStudy("Study with quoted history " + uniqueWord("qh")).get("id").asLong();
        String text = api.get("/api/sources/1").json().get("text").asString();
        String first = text.substring(100, 140);
        String second = text.substring(200, 230);
        JsonNode finding = api.createFinding(studyId, "A finding whose evidence moves.", "evidence",
                List.of(java.util.Map.of("sourceId", 1, "start", 100, "end", 140, "exact", first)));
        JsonNode drug = api.createConcept("Drug " + uniqueWord("hd"), "DRUG");
        JsonNode pathway = api.createConcept("Pathway " + uniqueWord("hp"), "PATHWAY");
        Reply edited = api.send("PATCH", "/api/findings/" + finding.get("id").asLong(), json(
                "evidence", List.of(java.util.Map.of("sourceId", 1, "start", 200, "end", 230, "exact", second)),
                "effects", List.of(java.util.Map.of("subjectId", drug.get("id").asLong(), "direction", "DECREASES",
                        "objectId", pathway.get("id").asLong()))),
                TestKeys.curator("Content-Type", "application/merge-patch+json", "If-Match", ifMatch(finding.get("version").asLong())));
        assertThat(edited.status()).as("%s", edited).isEqualTo(200);

        List<JsonNode> history = revisions("/api/findings/" + finding.get("id").asLong() + "/revisions");
        assertThat(history).hasSize(2);
        assertThat(change(history.get(1), "evidence")).containsExactly(
                "\u201c" + first + "\u201d (source 1, characters 100-140)",
                "\u201c" + second + "\u201d (source 1, characters 200-230)");
        assertThat(change(history.get(1), "effects")).containsExactly("",
                drug.get("name").asString() + " DECREASES " + pathway.get("name").asString());
    }

    @Test
    void theSeedsFindingsWereCreatedByTheSystem() {
        long id = api.seedFindings().get(0).get("id").asLong();
        List<JsonNode> history = revisions("/api/findings/" + id + "/revisions");
        assertThat(history).isNotEmpty();
        assertThat(type(history.get(0))).isEqualTo("CREATED");
        assertThat(history.get(0).get("keyName").asString()).isEqualTo("system");
        List<JsonNode> study = revisions("/api/studies/1/revisions");
        assertThat(type(study.get(0))).isEqualTo("CREATED");
    }

    @Test
    void aStudysHistoryShowsItsCreationEditAndDeletion() {
        String title = "Study with a history " + uniqueWord("sth");
        JsonNode study = api.createStudy(title);
        long id = study.get("id").asLong();
        Reply edited = api.asCurator("PATCH", "/api/studies/" + id, json("title", title + " (corrected)", "population", "rats"),
                "If-Match", ifMatch(study.get("version").asLong()));
        assertThat(edited.status()).as("%s", edited).isEqualTo(200);

        List<JsonNode> beforeDeletion = revisions("/api/studies/" + study.get("slug").asString() + "/revisions");
        assertThat(beforeDeletion).extracting(HistoryTests::type).containsExactly("CREATED", "UPDATED");
        assertThat(changed(beforeDeletion.get(1))).contains("title", "population").doesNotContain("journal", "updatedAt");
        assertThat(beforeDeletion).extracting(r -> r.get("keyName").asString()).containsExactly(CURATOR, CURATOR);
        assertThat(revisions("/api/studies/" + id + "/revisions")).isEqualTo(beforeDeletion);

        Reply deleted = api.send("DELETE", "/api/studies/" + id, null,
                TestKeys.admin("If-Match", ifMatch(edited.json().get("version").asLong())));
        assertThat(deleted.status()).as("%s", deleted).isEqualTo(204);
        List<JsonNode> history = revisions("/api/studies/" + id + "/revisions");
        assertThat(history).extracting(HistoryTests::type).containsExactly("CREATED", "UPDATED", "DELETED");
        assertThat(history.get(2).get("keyName").asString()).isEqualTo(ADMIN);
    }

    @Test
    void aMechanismsHistoryShowsItsCreationEditAndDeletion() {
        long studyId = api.createStudy("Study with mechanism history " + uniqueWord("mhs")).get("id").asLong();
        JsonNode mechanism = api.createMechanism(studyId, "Mechanism with a history");
        long id = mechanism.get("id").asLong();
        Reply edited = api.asAdmin("PATCH", "/api/mechanisms/" + id, json("name", "Mechanism with a longer history",
                "timescale", "RAPID"), "If-Match", ifMatch(mechanism.get("version").asLong()));
        assertThat(edited.status()).as("%s", edited).isEqualTo(200);
        Reply deleted = api.send("DELETE", "/api/mechanisms/" + id, null,
                TestKeys.admin("If-Match", ifMatch(edited.json().get("version").asLong())));
        assertThat(deleted.status()).as("%s", deleted).isEqualTo(204);

        List<JsonNode> history = revisions("/api/mechanisms/" + id + "/revisions");
        assertThat(history).extracting(HistoryTests::type).containsExactly("CREATED", "UPDATED", "DELETED");
        assertThat(history).extracting(r -> r.get("keyName").asString()).containsExactly(CURATOR, ADMIN, ADMIN);
        assertThat(changed(history.get(1))).contains("name", "timescale").doesNotContain("onset", "description");
    }

    @Test
    void theHistoryOfSomethingThatNeverExistedIsA404() {
        problem(api.get("/api/findings/987654/revisions"), 404);
        problem(api.get("/api/studies/987654/revisions"), 404);
        problem(api.get("/api/studies/no-such-study/revisions"), 404);
        problem(api.get("/api/mechanisms/987654/revisions"), 404);
    }

    @Test
    void aRefusedWriteLeavesNoRevision() {
        long studyId = api.createStudy("Study for refused history " + uniqueWord("ref")).get("id").asLong();
        JsonNode finding = api.createFinding(studyId, "A finding whose history stays short.");
        String path = "/api/findings/" + finding.get("id").asLong();
        long version = finding.get("version").asLong();
        assertThat(api.asCurator("PUT", path, api.findingBody(studyId, "Stale edit."), "If-Match", ifMatch(version + 5))
                .status()).isEqualTo(412);
        assertThat(api.asCurator("PUT", path, api.findingBody(studyId, "Unknown concept.", "conceptIds", List.of(987654)),
                "If-Match", ifMatch(version)).status()).isEqualTo(422);
        assertThat(api.asCurator("POST", path + "/review", json("status", "REJECTED"), "If-Match", ifMatch(version))
                .status()).isEqualTo(400);
        assertThat(revisions(path + "/revisions")).extracting(HistoryTests::type).containsExactly("CREATED");
    }
}
