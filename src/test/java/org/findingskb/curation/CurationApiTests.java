package org.findingskb.curation;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.findingskb.support.Http.Reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.findingskb.curation.CurationClient.adminJson;
import static org.findingskb.curation.CurationClient.curatorJson;
import static org.findingskb.curation.CurationClient.ifMatch;
import static org.findingskb.curation.CurationClient.json;
import static org.findingskb.curation.CurationClient.map;
import static org.findingskb.curation.CurationClient.problem;
import static org.findingskb.curation.CurationClient.problemNaming;
import static org.findingskb.curation.CurationClient.q;
import static org.findingskb.curation.CurationClient.uniqueWord;

/**
 * Curators create, replace, patch and delete studies, findings, mechanisms and concepts, review findings and link
 * them; bad input gets a problem naming what is wrong and changes nothing.
 */
class CurationApiTests extends CuratingOverHttp {

    private Reply patch(String path, long version, String body) {
        return api.send("PATCH", path, body, org.findingskb.support.TestKeys.curator("Content-Type", MERGE_PATCH,
                "If-Match", ifMatch(version)));
    }

    private Reply put(String path, long version, String body) {
        return api.asCurator("PUT", path, body, "If-Match", ifMatch(version));
    }

    private Reply delete(String path, long version) {
        return api.send("DELETE", path, null, org.findingskb.support.TestKeys.admin("If-Match", ifMatch(version)));
    }

    private Reply review(long findingId, long version, String body) {
        return api.asCurator("POST", "/api/findings/" + findingId + "/review", body, "If-Match", ifMatch(version));
    }

    /** How an ETag of this version begins: the version, then a digest of the representation. */
    private static String etagOfVersion(long version) {
        return "\"" + version + "-";
    }

    private static void assertCreated(Reply reply, String collection, JsonNode body) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        assertThat(reply.header("Location")).get().asString()
                .endsWith(collection + "/" + body.get("id").asLong());
        assertThat(reply.header("ETag")).get().asString().startsWith(etagOfVersion(body.get("version").asLong()));
    }

    // ---- create, replace, patch, delete ------------------------------------------------------------------

    @Test
    void aStudyIsCreatedReplacedPatchedAndDeletedWithLocationAndETags() {
        String title = "Curated study of " + uniqueWord("lumo");
        Reply created = api.asCurator("POST", "/api/studies", json("title", title, "institution", "Curation Institute",
                "journal", "Journal of Curated Results", "publishedYear", 2024, "doi", "10.1234/curated.1",
                "population", "adults", "researchers", List.of(map("name", "Ada Curator", "role", "LEAD",
                        "description", "led the study"))));
        JsonNode study = created.json();
        assertCreated(created, "/api/studies", study);
        assertThat(study.get("slug").asString()).isEqualTo(title.toLowerCase().replaceAll("[^a-z0-9]+", "-"));
        assertThat(study.get("title").asString()).isEqualTo(title);
        assertThat(study.get("researchers").get(0).get("role").asString()).isEqualTo("LEAD");
        assertThat(study.get("findingCount").asLong()).isZero();
        long id = study.get("id").asLong();
        assertThat(api.ok(created.header("Location").orElseThrow().replaceAll("^https?://[^/]+", ""))).isEqualTo(study);
        assertThat(api.ok("/api/studies/" + study.get("slug").asString())).isEqualTo(study);

        Reply replaced = put("/api/studies/" + id, study.get("version").asLong(), json("title", title + " revisited",
                "institution", "Other Institute", "publishedYear", 2025, "population", "mice"));
        assertThat(replaced.status()).as("%s", replaced).isEqualTo(200);
        JsonNode afterPut = replaced.json();
        assertThat(afterPut.get("title").asString()).isEqualTo(title + " revisited");
        assertThat(afterPut.get("slug").asString()).as("the slug stays, so links keep working").isEqualTo(study.get("slug").asString());
        assertThat(afterPut.get("journal").isNull()).as("PUT replaces: a field left out is cleared").isTrue();
        assertThat(afterPut.get("researchers")).isEmpty();
        assertThat(afterPut.get("version").asLong()).isEqualTo(study.get("version").asLong() + 1);
        assertThat(replaced.header("ETag")).get().asString().startsWith(etagOfVersion(afterPut.get("version").asLong()));
        assertThat(api.ok("/api/studies/" + id)).isEqualTo(afterPut);

        Reply patched = patch("/api/studies/" + id, afterPut.get("version").asLong(), json("population", null,
                "journal", "Patched Journal"));
        assertThat(patched.status()).as("%s", patched).isEqualTo(200);
        JsonNode afterPatch = patched.json();
        assertThat(afterPatch.get("population").isNull()).isTrue();
        assertThat(afterPatch.get("journal").asString()).isEqualTo("Patched Journal");
        assertThat(afterPatch.get("institution").asString()).as("PATCH keeps what it does not name").isEqualTo("Other Institute");
        assertThat(afterPatch.get("publishedYear").asInt()).isEqualTo(2025);
        assertThat(afterPatch.get("version").asLong()).isEqualTo(afterPut.get("version").asLong() + 1);

        Reply deleted = delete("/api/studies/" + id, afterPatch.get("version").asLong());
        assertThat(deleted.status()).as("%s", deleted).isEqualTo(204);
        problem(api.get("/api/studies/" + id), 404);
        problem(api.get("/api/studies/" + study.get("slug").asString()), 404);
        assertThat(api.ids("/api/studies?size=100")).doesNotContain(id);
    }

    @Test
    void studiesWithTheSameTitleGetDistinctSlugsThatNeverLookLikeIds() {
        String title = "Twice titled " + uniqueWord("twi");
        JsonNode first = api.createStudy(title);
        JsonNode second = api.createStudy(title);
        assertThat(second.get("slug").asString()).isNotEqualTo(first.get("slug").asString())
                .startsWith(first.get("slug").asString());
        assertThat(api.ok("/api/studies/" + second.get("slug").asString()).get("id")).isEqualTo(second.get("id"));
        JsonNode numeric = api.createStudy("2024");
        assertThat(numeric.get("slug").asString()).as("a slug of digits would read as an id").matches(".*[a-z].*");
        assertThat(api.ok("/api/studies/" + numeric.get("slug").asString()).get("id")).isEqualTo(numeric.get("id"));
    }

    @Test
    void aFindingIsCreatedReplacedPatchedAndDeletedAndIsCuratedFromTheStart() {
        long studyId = api.createStudy("Study for findings " + uniqueWord("fin")).get("id").asLong();
        String statement = "Curators found that " + uniqueWord("quor") + " lifts mood within hours.";
        Reply created = api.asCurator("POST", "/api/findings", api.findingBody(studyId, statement));
        JsonNode finding = created.json();
        assertCreated(created, "/api/findings", finding);
        assertThat(finding.get("origin").asString()).isEqualTo("CURATED");
        assertThat(finding.get("reviewStatus").asString()).isEqualTo("UNREVIEWED");
        assertThat(finding.get("statement").asString()).isEqualTo(statement);
        assertThat(finding.get("confidence").asDouble()).isEqualTo(1.0);
        assertThat(finding.get("links")).isEmpty();
        JsonNode span = finding.get("evidence").get(0);
        String text = api.seedSource().get("text").asString();
        assertThat(text.substring(span.get("start").asInt(), span.get("end").asInt())).isEqualTo(span.get("exact").asString());
        assertThat(text.substring(0, span.get("start").asInt())).endsWith(span.get("prefix").asString());
        assertThat(span.get("prefix").asString()).as("the server fills in the context").hasSize(32);
        assertThat(text.substring(span.get("end").asInt())).startsWith(span.get("suffix").asString());
        long id = finding.get("id").asLong();
        assertThat(api.ok("/api/findings/" + id)).isEqualTo(finding);
        assertThat(api.ok("/api/studies/" + studyId).get("findingCount").asLong()).isEqualTo(1);

        Reply replaced = put("/api/findings/" + id, finding.get("version").asLong(), api.findingBody(studyId,
                statement + " Revised.", "kind", "IMPLICATION", "certainty", "SUGGESTED", "confidence", 0.5));
        assertThat(replaced.status()).as("%s", replaced).isEqualTo(200);
        JsonNode afterPut = replaced.json();
        assertThat(afterPut.get("statement").asString()).isEqualTo(statement + " Revised.");
        assertThat(afterPut.get("kind").asString()).isEqualTo("IMPLICATION");
        assertThat(afterPut.get("certainty").asString()).isEqualTo("SUGGESTED");
        assertThat(afterPut.get("confidence").asDouble()).isEqualTo(0.5);
        assertThat(afterPut.get("version").asLong()).isEqualTo(finding.get("version").asLong() + 1);
        assertThat(replaced.header("ETag")).get().asString().startsWith(etagOfVersion(afterPut.get("version").asLong()));

        Reply cleared = patch("/api/findings/" + id, afterPut.get("version").asLong(), json("timescale", null));
        assertThat(cleared.status()).as("%s", cleared).isEqualTo(200);
        JsonNode afterClear = cleared.json();
        assertThat(afterClear.get("timescale").isNull()).as("a null in a merge patch clears the field").isTrue();
        assertThat(afterClear.get("statement").asString()).isEqualTo(statement + " Revised.");
        assertThat(afterClear.get("kind").asString()).isEqualTo("IMPLICATION");
        assertThat(afterClear.get("evidence")).isEqualTo(afterPut.get("evidence"));

        Reply set = patch("/api/findings/" + id, afterClear.get("version").asLong(), json("timescale", "SUSTAINED"));
        assertThat(set.status()).as("a field that is null can be patched again: %s", set).isEqualTo(200);
        assertThat(set.json().get("timescale").asString()).isEqualTo("SUSTAINED");

        Reply deleted = delete("/api/findings/" + id, set.json().get("version").asLong());
        assertThat(deleted.status()).as("%s", deleted).isEqualTo(204);
        problem(api.get("/api/findings/" + id), 404);
        assertThat(api.ids("/api/findings?size=100&studyId=" + studyId)).isEmpty();
        assertThat(api.ok("/api/studies/" + studyId).get("findingCount").asLong()).isZero();
    }

    @Test
    void aMechanismIsCreatedReplacedPatchedAndDeletedAndItsFindingsFollow() {
        long studyId = api.createStudy("Study for mechanisms " + uniqueWord("mec")).get("id").asLong();
        long findingId = api.createFinding(studyId, "A finding that supports a mechanism.").get("id").asLong();
        JsonNode region = api.createConcept("Region " + uniqueWord("reg"), "BRAIN_REGION");
        Reply created = api.asCurator("POST", "/api/mechanisms", json("studyId", studyId, "name", "Synaptic regrowth",
                "timescale", "SUSTAINED", "onset", "over days", "description", "Spines regrow.",
                "brainRegionIds", List.of(region.get("id").asLong()), "findingIds", List.of(findingId)));
        JsonNode mechanism = created.json();
        assertCreated(created, "/api/mechanisms", mechanism);
        long id = mechanism.get("id").asLong();
        assertThat(mechanism.get("findingIds").valueStream().map(JsonNode::asLong)).containsExactly(findingId);
        assertThat(mechanism.get("brainRegions").get(0).get("name").asString()).isEqualTo(region.get("name").asString());
        assertThat(api.ok("/api/findings/" + findingId).get("mechanismIds").valueStream().map(JsonNode::asLong))
                .containsExactly(id);
        assertThat(api.ok("/api/studies/" + studyId).get("mechanismCount").asLong()).isEqualTo(1);

        Reply replaced = put("/api/mechanisms/" + id, mechanism.get("version").asLong(), json("name", "Synaptic repair",
                "timescale", "RAPID", "onset", "within hours", "findingIds", List.of(findingId)));
        assertThat(replaced.status()).as("%s", replaced).isEqualTo(200);
        JsonNode afterPut = replaced.json();
        assertThat(afterPut.get("name").asString()).isEqualTo("Synaptic repair");
        assertThat(afterPut.get("timescale").asString()).isEqualTo("RAPID");
        assertThat(afterPut.get("description").isNull()).isTrue();
        assertThat(afterPut.get("brainRegions")).isEmpty();
        assertThat(afterPut.get("studyId").asLong()).isEqualTo(studyId);
        assertThat(afterPut.get("version").asLong()).isGreaterThan(mechanism.get("version").asLong());
        assertThat(replaced.header("ETag")).get().asString().startsWith(etagOfVersion(afterPut.get("version").asLong()));

        Reply patched = patch("/api/mechanisms/" + id, afterPut.get("version").asLong(), json("onset", null));
        assertThat(patched.status()).as("%s", patched).isEqualTo(200);
        assertThat(patched.json().get("onset").isNull()).isTrue();
        assertThat(patched.json().get("name").asString()).isEqualTo("Synaptic repair");
        assertThat(patched.json().get("findingIds").valueStream().map(JsonNode::asLong)).containsExactly(findingId);

        Reply deleted = delete("/api/mechanisms/" + id, patched.json().get("version").asLong());
        assertThat(deleted.status()).as("%s", deleted).isEqualTo(204);
        problem(api.get("/api/mechanisms/" + id), 404);
        assertThat(api.ok("/api/findings/" + findingId).get("mechanismIds")).isEmpty();
        assertThat(api.ok("/api/studies/" + studyId + "/mechanisms")).isEmpty();
    }

    @Test
    void aConceptIsCreatedReplacedPatchedAndDeleted() {
        String name = "Concept " + uniqueWord("con");
        Reply created = api.asCurator("POST", "/api/concepts", json("name", name, "type", "DRUG",
                "synonyms", List.of(name + " hydrochloride")));
        JsonNode concept = created.json();
        assertCreated(created, "/api/concepts", concept);
        assertThat(concept.get("type").asString()).isEqualTo("DRUG");
        assertThat(concept.get("synonyms").get(0).asString()).isEqualTo(name + " hydrochloride");
        assertThat(concept.get("findingCount").asLong()).isZero();
        long id = concept.get("id").asLong();

        Reply replaced = put("/api/concepts/" + id, concept.get("version").asLong(), json("name", name + " renamed",
                "type", "DRUG_CLASS", "meshId", "D000123"));
        assertThat(replaced.status()).as("%s", replaced).isEqualTo(200);
        assertThat(replaced.json().get("name").asString()).isEqualTo(name + " renamed");
        assertThat(replaced.json().get("type").asString()).isEqualTo("DRUG_CLASS");
        assertThat(replaced.json().get("synonyms")).isEmpty();
        assertThat(replaced.header("ETag")).get().asString().startsWith(etagOfVersion(replaced.json().get("version").asLong()));

        Reply patched = patch("/api/concepts/" + id, replaced.json().get("version").asLong(), json("meshId", null,
                "synonyms", List.of("also known as " + name)));
        assertThat(patched.status()).as("%s", patched).isEqualTo(200);
        assertThat(patched.json().get("meshId").isNull()).isTrue();
        assertThat(patched.json().get("name").asString()).isEqualTo(name + " renamed");
        assertThat(patched.json().get("synonyms").valueStream().map(JsonNode::asString)).containsExactly("also known as " + name);

        Reply deleted = delete("/api/concepts/" + id, patched.json().get("version").asLong());
        assertThat(deleted.status()).as("%s", deleted).isEqualTo(204);
        problem(api.get("/api/concepts/" + id), 404);
    }

    @Test
    void editingAnExtractedFindingMakesItCurated() {
        List<JsonNode> extracted = api.seedFindings().stream()
                .filter(f -> f.get("origin").asString().equals("EXTRACTED")).toList();
        assertThat(extracted).hasSizeGreaterThan(3);

        JsonNode first = extracted.get(0);
        Reply reworded = patch("/api/findings/" + first.get("id").asLong(), first.get("version").asLong(),
                json("statement", first.get("statement").asString() + " (as a curator put it)"));
        assertThat(reworded.status()).as("%s", reworded).isEqualTo(200);
        assertThat(reworded.json().get("origin").asString()).isEqualTo("CURATED");
        assertThat(reworded.json().get("kind")).isEqualTo(first.get("kind"));
        assertThat(reworded.json().get("evidence")).isEqualTo(first.get("evidence"));
        assertThat(reworded.json().get("concepts")).isEqualTo(first.get("concepts"));

        JsonNode second = extracted.get(1);
        Reply retagged = patch("/api/findings/" + second.get("id").asLong(), second.get("version").asLong(),
                json("conceptIds", List.of()));
        assertThat(retagged.status()).as("%s", retagged).isEqualTo(200);
        assertThat(retagged.json().get("concepts")).isEmpty();
        assertThat(retagged.json().get("origin").asString()).as("changing its concepts is an edit too").isEqualTo("CURATED");
        assertThat(retagged.json().get("statement")).isEqualTo(second.get("statement"));

        JsonNode third = extracted.get(2);
        ObjectNode body = (ObjectNode) CurationClient.parse(api.findingBody(third.get("studyId").asLong(),
                third.get("statement").asString()));
        body.set("kind", third.get("kind"));
        body.set("timescale", third.get("timescale"));
        body.set("certainty", third.get("certainty"));
        body.put("confidence", third.get("confidence").asDouble());
        body.set("conceptIds", CurationClient.parse(third.get("concepts").valueStream()
                .map(c -> c.get("id").asString()).toList().toString()));
        Reply replaced = put("/api/findings/" + third.get("id").asLong(), third.get("version").asLong(), body.toString());
        assertThat(replaced.status()).as("%s", replaced).isEqualTo(200);
        assertThat(replaced.json().get("origin").asString()).as("new evidence is an edit").isEqualTo("CURATED");
    }

    // ---- refused writes change nothing --------------------------------------------------------------------

    @Test
    void evidenceThatDoesNotQuoteTheSourceExactlyIs422NamingTheSpanAndStoresNothing() {
        long studyId = api.createStudy("Study for evidence " + uniqueWord("evi")).get("id").asLong();
        Map<String, Object> good = api.evidence(200, 40);
        Map<String, Object> misquoted = api.evidence(300, 40);
        misquoted.put("exact", ((String) misquoted.get("exact")).toUpperCase() + "!");
        String body = api.findingBody(studyId, "Quoted badly.", "evidence", List.of(good, misquoted));
        JsonNode problem = problemNaming(api.asCurator("POST", "/api/findings", body), 422, "evidence[1]");
        assertThat(problem.get("detail").asString()).contains("evidence[1]");
        assertThat(api.total("/api/findings?studyId=" + studyId)).isZero();

        int length = api.seedSource().get("text").asString().length();
        Map<String, Object> pastTheEnd = map("sourceId", good.get("sourceId"), "start", length - 5, "end", length + 10,
                "exact", "whatever is past the end");
        problemNaming(api.asCurator("POST", "/api/findings", api.findingBody(studyId, "Past the end.",
                "evidence", List.of(pastTheEnd))), 422, "evidence[0]");

        Map<String, Object> backwards = map("sourceId", good.get("sourceId"), "start", 240, "end", 200, "exact", "");
        problemNaming(api.asCurator("POST", "/api/findings", api.findingBody(studyId, "Backwards.",
                "evidence", List.of(backwards))), 422, "evidence[0]");

        Map<String, Object> noSource = api.evidence(200, 40);
        noSource.put("sourceId", 987654);
        problemNaming(api.asCurator("POST", "/api/findings", api.findingBody(studyId, "From nowhere.",
                "evidence", List.of(good, noSource))), 422, "evidence[1].sourceId");
        assertThat(api.total("/api/findings?studyId=" + studyId)).isZero();

        JsonNode existing = api.createFinding(studyId, "Quoted well.");
        problemNaming(put("/api/findings/" + existing.get("id").asLong(), existing.get("version").asLong(),
                api.findingBody(studyId, "Now quoted badly.", "evidence", List.of(misquoted))), 422, "evidence[0]");
        assertThat(api.ok("/api/findings/" + existing.get("id").asLong())).isEqualTo(existing);
    }

    @Test
    void referencesToUnknownStudiesConceptsMechanismsAndFindingsAre422NamingTheField() {
        long studyId = api.createStudy("Study for references " + uniqueWord("ref")).get("id").asLong();
        long otherStudyId = api.createStudy("Another study " + uniqueWord("oth")).get("id").asLong();
        long foreignMechanism = api.createMechanism(otherStudyId, "Foreign mechanism").get("id").asLong();
        long foreignFinding = api.createFinding(otherStudyId, "A foreign finding.").get("id").asLong();
        JsonNode counts = api.counts();

        problemNaming(api.asCurator("POST", "/api/findings", api.findingBody(987654, "No such study.")), 422, "studyId");
        problemNaming(api.asCurator("POST", "/api/findings", api.findingBody(studyId, "No such concept.",
                "conceptIds", List.of(987654))), 422, "conceptIds");
        problemNaming(api.asCurator("POST", "/api/findings", api.findingBody(studyId, "No such mechanism.",
                "mechanismIds", List.of(987654))), 422, "mechanismIds");
        problemNaming(api.asCurator("POST", "/api/findings", api.findingBody(studyId, "Another study's mechanism.",
                "mechanismIds", List.of(foreignMechanism))), 422, "mechanismIds");

        problemNaming(api.asCurator("POST", "/api/mechanisms", json("studyId", 987654, "name", "Orphan")), 422, "studyId");
        problemNaming(api.asCurator("POST", "/api/mechanisms", json("studyId", studyId, "name", "Unsupported",
                "findingIds", List.of(987654))), 422, "findingIds");
        problemNaming(api.asCurator("POST", "/api/mechanisms", json("studyId", studyId, "name", "Borrowed support",
                "findingIds", List.of(foreignFinding))), 422, "findingIds");
        problemNaming(api.asCurator("POST", "/api/mechanisms", json("studyId", studyId, "name", "Nowhere",
                "brainRegionIds", List.of(987654))), 422, "brainRegionIds");

        problemNaming(api.asCurator("POST", "/api/studies", json("title", "Unknown drug " + uniqueWord("unk"),
                "interventionIds", List.of(987654))), 422, "interventionIds");
        problemNaming(api.asCurator("POST", "/api/studies", json("title", "Unknown source " + uniqueWord("unk"),
                "sourceId", 987654)), 422, "sourceId");

        assertThat(api.counts()).as("nothing was stored").isEqualTo(counts);
        assertThat(api.total("/api/findings?studyId=" + studyId)).isZero();
        assertThat(api.ok("/api/studies/" + studyId + "/mechanisms")).isEmpty();

        JsonNode finding = api.createFinding(studyId, "Stays with its study.");
        problemNaming(put("/api/findings/" + finding.get("id").asLong(), finding.get("version").asLong(),
                api.findingBody(otherStudyId, "Moved away.")), 422, "studyId");
        assertThat(api.ok("/api/findings/" + finding.get("id").asLong())).isEqualTo(finding);
    }

    static Stream<Arguments> bodiesWithFieldsTheApiDoesNotTake() {
        return Stream.of(
                Arguments.of("/api/studies", "{\"title\":\"A study\",\"id\":77}", "id"),
                Arguments.of("/api/studies", "{\"title\":\"A study\",\"version\":3}", "version"),
                Arguments.of("/api/studies", "{\"title\":\"A study\",\"slug\":\"my-own-slug\"}", "slug"),
                Arguments.of("/api/studies", "{\"title\":\"A study\",\"createdAt\":\"2020-01-01T00:00:00Z\"}", "createdAt"),
                Arguments.of("/api/studies", "{\"title\":\"A study\",\"findingCount\":4}", "findingCount"),
                Arguments.of("/api/studies", "{\"title\":\"A study\",\"colour\":\"blue\"}", "colour"),
                Arguments.of("/api/mechanisms", "{\"studyId\":1,\"name\":\"M\",\"id\":77}", "id"),
                Arguments.of("/api/mechanisms", "{\"studyId\":1,\"name\":\"M\",\"updatedAt\":\"2020-01-01T00:00:00Z\"}", "updatedAt"),
                Arguments.of("/api/concepts", "{\"name\":\"A concept\",\"type\":\"DRUG\",\"version\":0}", "version"),
                Arguments.of("/api/concepts", "{\"name\":\"A concept\",\"type\":\"DRUG\",\"findingCount\":9}", "findingCount"));
    }

    @ParameterizedTest(name = "POST {0} with {2}")
    @MethodSource("bodiesWithFieldsTheApiDoesNotTake")
    void unknownAndServerOwnedFieldsAre400NamingTheFieldAndCreateNothing(String path, String body, String field) {
        JsonNode counts = api.counts();
        problemNaming(api.asCurator("POST", path, body), 400, field);
        assertThat(api.counts()).isEqualTo(counts);
    }

    @ParameterizedTest(name = "finding with {0}")
    @ValueSource(strings = {"id", "version", "origin", "reviewStatus", "createdAt", "updatedAt", "links", "prefix"})
    void aFindingWithAFieldTheServerOwnsIsRefusedOnCreateReplaceAndPatch(String field) {
        long studyId = api.createStudy("Study for owned fields " + uniqueWord("own")).get("id").asLong();
        JsonNode finding = api.createFinding(studyId, "A finding with fields the server owns.");
        long id = finding.get("id").asLong();
        ObjectNode body = (ObjectNode) CurationClient.parse(api.findingBody(studyId, "Changed."));
        Object value = switch (field) {
            case "origin" -> "EXTRACTED";
            case "reviewStatus" -> "ACCEPTED";
            case "createdAt", "updatedAt" -> "2020-01-01T00:00:00Z";
            case "links" -> List.of();
            case "prefix" -> "some context";
            default -> 99;
        };
        if (field.equals("prefix")) {
            ((ObjectNode) body.get("evidence").get(0)).set(field, CurationClient.JSON.valueToTree(value));
        } else {
            body.set(field, CurationClient.JSON.valueToTree(value));
        }
        JsonNode post = problem(api.asCurator("POST", "/api/findings", body.toString()), 400);
        assertThat(String.join(" ", CurationClient.errorFields(post))).contains(field);
        JsonNode putProblem = problem(put("/api/findings/" + id, finding.get("version").asLong(), body.toString()), 400);
        assertThat(String.join(" ", CurationClient.errorFields(putProblem))).contains(field);
        if (!field.equals("prefix")) {
            problemNaming(patch("/api/findings/" + id, finding.get("version").asLong(),
                    json(field, CurationClient.JSON.valueToTree(value))), 400, field);
        }
        assertThat(api.ok("/api/findings/" + id)).as("nothing changed").isEqualTo(finding);
        assertThat(api.total("/api/findings?studyId=" + studyId)).isEqualTo(1);
    }

    @Test
    void invalidValuesAre400NamingTheFieldAndChangeNothing() {
        long studyId = api.createStudy("Study for invalid values " + uniqueWord("inv")).get("id").asLong();
        JsonNode counts = api.counts();
        problemNaming(api.asCurator("POST", "/api/findings", api.findingBody(studyId, "  ")), 400, "statement");
        problemNaming(api.asCurator("POST", "/api/findings", api.findingBody(studyId, "No kind.", "kind", null)), 400, "kind");
        problemNaming(api.asCurator("POST", "/api/findings", api.findingBody(studyId, "Odd kind.", "kind", "GUESS")), 400, "kind");
        problemNaming(api.asCurator("POST", "/api/findings", api.findingBody(studyId, "Too sure.", "confidence", 1.5)), 400, "confidence");
        problemNaming(api.asCurator("POST", "/api/findings", api.findingBody(studyId, "No evidence.", "evidence", List.of())), 400, "evidence");
        Map<String, Object> negative = api.evidence(200, 40);
        negative.put("start", -1);
        problemNaming(api.asCurator("POST", "/api/findings", api.findingBody(studyId, "Negative.",
                "evidence", List.of(negative))), 400, "evidence[0].start");
        problemNaming(api.asCurator("POST", "/api/findings", json("statement", "No study.", "kind", "RESULT",
                "certainty", "REPORTED", "evidence", List.of(api.evidence(200, 40)))), 400, "studyId");
        problemNaming(api.asCurator("POST", "/api/studies", json("title", "")), 400, "title");
        problemNaming(api.asCurator("POST", "/api/studies", json("title", "Bad DOI", "doi", "doi:nope")), 400, "doi");
        problemNaming(api.asCurator("POST", "/api/studies", json("title", "Too old", "publishedYear", 1200)), 400, "publishedYear");
        problemNaming(api.asCurator("POST", "/api/studies", json("title", "Nameless researcher",
                "researchers", List.of(map("name", "", "role", "LEAD")))), 400, "researchers[0].name");
        problemNaming(api.asCurator("POST", "/api/mechanisms", json("studyId", studyId, "name", " ")), 400, "name");
        problemNaming(api.asCurator("POST", "/api/mechanisms", json("studyId", studyId, "name", "M",
                "timescale", "EVENTUALLY")), 400, "timescale");
        problemNaming(api.asCurator("POST", "/api/concepts", json("name", "Bad MeSH", "meshId", "X1")), 400, "meshId");
        problemNaming(api.asCurator("POST", "/api/concepts", json("name", "Odd type", "type", "GADGET")), 400, "type");
        problem(api.asCurator("POST", "/api/studies", "{\"title\": \"not closed\""), 400);
        problem(api.asCurator("POST", "/api/studies", ""), 400);
        assertThat(api.counts()).as("nothing was stored").isEqualTo(counts);
    }

    @Test
    void aMergePatchIsCheckedLikeAReplacementAndRefusesWhatItCannotApply() {
        long studyId = api.createStudy("Study for patches " + uniqueWord("pat")).get("id").asLong();
        JsonNode finding = api.createFinding(studyId, "A finding to patch.");
        String path = "/api/findings/" + finding.get("id").asLong();
        long version = finding.get("version").asLong();
        problemNaming(patch(path, version, json("colour", "blue")), 400, "colour");
        problemNaming(patch(path, version, json("statement", null)), 400, "statement");
        problemNaming(patch(path, version, json("confidence", "very")), 400, "confidence");
        problemNaming(patch(path, version, json("kind", "GUESS")), 400, "kind");
        problem(patch(path, version, "[1, 2]"), 400);
        problem(patch(path, version, "\"statement\""), 400);
        assertThat(api.ok(path)).isEqualTo(finding);

        Reply nothing = patch(path, version, "{}");
        assertThat(nothing.status()).as("an empty patch changes nothing: %s", nothing).isEqualTo(200);
        assertThat(nothing.json().get("statement")).isEqualTo(finding.get("statement"));

        Reply asJson = api.asCurator("PATCH", path, json("certainty", "SUGGESTED"), "If-Match", ifMatch(nothing.json().get("version").asLong()));
        assertThat(asJson.status()).as("application/json is taken as a merge patch too: %s", asJson).isEqualTo(200);
        assertThat(asJson.json().get("certainty").asString()).isEqualTo("SUGGESTED");
        assertThat(asJson.json().get("timescale")).isEqualTo(finding.get("timescale"));
    }

    @Test
    void writesToResourcesThatDoNotExistAre404() {
        problem(put("/api/findings/987654", 0, api.findingBody(1, "Nothing here.")), 404);
        problem(patch("/api/findings/987654", 0, json("statement", "Nothing here.")), 404);
        problem(delete("/api/findings/987654", 0), 404);
        problem(review(987654, 0, json("status", "ACCEPTED")), 404);
        problem(api.asCurator("POST", "/api/findings/987654/links", json("type", "SUPPORTS", "findingId", 1)), 404);
        problem(put("/api/studies/987654", 0, json("title", "Nothing here")), 404);
        problem(patch("/api/studies/no-such-study-slug", 0, json("title", "Nothing here")), 404);
        problem(delete("/api/mechanisms/987654", 0), 404);
        problem(put("/api/concepts/987654", 0, json("name", "Nothing here")), 404);
        problem(delete("/api/concepts/987654", 0), 404);
    }

    // ---- review -------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"REJECTED", "RETRACTED"})
    void rejectingOrRetractingNeedsANoteAndHidesTheFindingFromDefaultListsSearchAndCounts(String verdict) {
        String word = uniqueWord("rev");
        long studyId = api.createStudy("Study for reviews " + word).get("id").asLong();
        JsonNode concept = api.createConcept("Concept " + uniqueWord("rvc"), "DRUG");
        long conceptId = concept.get("id").asLong();
        JsonNode finding = api.createFinding(studyId, "Curators observed " + word + " in every sample.",
                "conceptIds", List.of(conceptId));
        JsonNode kept = api.createFinding(studyId, "Curators also observed " + word + " in control samples.",
                "conceptIds", List.of(conceptId));
        long id = finding.get("id").asLong();
        long version = finding.get("version").asLong();
        long visibleFindings = api.counts().get("findings").asLong();
        assertThat(api.searchHits(word, "finding")).contains(id, kept.get("id").asLong());

        problemNaming(review(id, version, json("status", verdict)), 400, "note");
        problemNaming(review(id, version, json("status", verdict, "note", "   ")), 400, "note");
        assertThat(api.ok("/api/findings/" + id)).as("a refused review changes nothing").isEqualTo(finding);

        Reply reviewed = review(id, version, json("status", verdict, "note", "  The source does not say this. "));
        assertThat(reviewed.status()).as("%s", reviewed).isEqualTo(200);
        assertThat(reviewed.json().get("reviewStatus").asString()).isEqualTo(verdict);
        assertThat(reviewed.json().get("reviewNote").asString()).isEqualTo("The source does not say this.");
        assertThat(reviewed.json().get("version").asLong()).isEqualTo(version + 1);
        assertThat(reviewed.header("ETag")).get().asString().startsWith(etagOfVersion(version + 1));
        assertThat(api.ok("/api/findings/" + id).get("reviewStatus").asString()).as("still readable by id").isEqualTo(verdict);

        assertThat(api.ids("/api/findings?size=100&studyId=" + studyId)).containsExactly(kept.get("id").asLong());
        assertThat(api.ids("/api/studies/" + studyId + "/findings?size=100")).containsExactly(kept.get("id").asLong());
        assertThat(api.ids("/api/findings?size=100&q=" + word)).containsExactly(kept.get("id").asLong());
        assertThat(api.ids("/api/concepts/" + conceptId + "/findings?size=100")).containsExactly(kept.get("id").asLong());
        assertThat(api.ids("/api/findings?size=100&studyId=" + studyId + "&reviewStatus=" + verdict.toLowerCase()))
                .containsExactly(id);
        assertThat(api.ok("/api/findings?size=100&studyId=" + studyId + "&reviewStatus=" + verdict).get("content").get(0)
                .get("reviewStatus").asString()).isEqualTo(verdict);

        assertThat(api.counts().get("findings").asLong()).isEqualTo(visibleFindings - 1);
        assertThat(api.ok("/api/studies/" + studyId).get("findingCount").asLong()).isEqualTo(1);
        assertThat(api.ok("/api/concepts/" + conceptId).get("findingCount").asLong()).isEqualTo(1);
        assertThat(api.searchHits(word, "finding")).as("/api/search leaves %s findings out", verdict)
                .containsExactly(kept.get("id").asLong());
        JsonNode facets = api.ok("/api/search?q=" + q(word)).get("facets");
        assertThat(facets.get("type").get("finding").asLong()).as("search facets count visible findings only").isEqualTo(1);
    }

    @Test
    void acceptingAFindingNeedsNoNoteAndKeepsItListed() {
        long studyId = api.createStudy("Study for acceptance " + uniqueWord("acc")).get("id").asLong();
        JsonNode finding = api.createFinding(studyId, "A finding a curator accepts.");
        long id = finding.get("id").asLong();
        Reply accepted = review(id, finding.get("version").asLong(), json("status", "ACCEPTED"));
        assertThat(accepted.status()).as("%s", accepted).isEqualTo(200);
        assertThat(accepted.json().get("reviewStatus").asString()).isEqualTo("ACCEPTED");
        assertThat(accepted.json().get("statement")).isEqualTo(finding.get("statement"));
        assertThat(api.ids("/api/findings?size=100&studyId=" + studyId)).containsExactly(id);
        assertThat(api.ok("/api/studies/" + studyId).get("findingCount").asLong()).isEqualTo(1);
    }

    @Test
    void aReviewMustGiveAKnownVerdict() {
        long studyId = api.createStudy("Study for verdicts " + uniqueWord("ver")).get("id").asLong();
        JsonNode finding = api.createFinding(studyId, "A finding awaiting a verdict.");
        long id = finding.get("id").asLong();
        long version = finding.get("version").asLong();
        problemNaming(review(id, version, json("status", "UNREVIEWED")), 400, "status");
        problemNaming(review(id, version, json("status", "MAYBE")), 400, "status");
        problemNaming(review(id, version, json("note", "No verdict at all.")), 400, "status");
        problemNaming(review(id, version, json("status", "ACCEPTED", "reviewer", "me")), 400, "reviewer");
        assertThat(api.ok("/api/findings/" + id)).isEqualTo(finding);
    }

    // ---- links --------------------------------------------------------------------------------------------

    @Test
    void linksAcrossStudiesAreReadableFromBothEndsAndRemovableByAnAdmin() {
        JsonNode seedFinding = api.seedFindings().get(0);
        long seedId = seedFinding.get("id").asLong();
        long otherStudyId = api.createStudy("A replication " + uniqueWord("lnk")).get("id").asLong();
        long otherId = api.createFinding(otherStudyId, "The replication found the same rapid effect.").get("id").asLong();

        Reply linked = api.asCurator("POST", "/api/findings/" + otherId + "/links",
                json("type", "SUPPORTS", "findingId", seedId));
        assertThat(linked.status()).as("%s", linked).isEqualTo(201);
        JsonNode from = linked.json();
        JsonNode outgoing = from.get("links").valueStream().filter(l -> l.get("findingId").asLong() == seedId)
                .findFirst().orElseThrow();
        long linkId = outgoing.get("id").asLong();
        assertThat(outgoing.get("type").asString()).isEqualTo("SUPPORTS");
        assertThat(outgoing.get("direction").asString()).isEqualTo("OUTGOING");
        assertThat(linked.header("Location")).get().asString().endsWith("/api/findings/" + otherId + "/links/" + linkId);
        assertThat(api.ok("/api/findings/" + otherId).get("links")).isEqualTo(from.get("links"));

        JsonNode incoming = api.ok("/api/findings/" + seedId).get("links").valueStream()
                .filter(l -> l.get("id").asLong() == linkId).findFirst().orElseThrow();
        assertThat(incoming.get("type").asString()).isEqualTo("SUPPORTS");
        assertThat(incoming.get("findingId").asLong()).isEqualTo(otherId);
        assertThat(incoming.get("direction").asString()).isEqualTo("INCOMING");

        Reply contradicts = api.asCurator("POST", "/api/findings/" + seedId + "/links",
                json("type", "CONTRADICTS", "findingId", otherId));
        assertThat(contradicts.status()).as("a different type between the same findings: %s", contradicts).isEqualTo(201);

        problem(api.asCurator("POST", "/api/findings/" + otherId + "/links", json("type", "SUPPORTS", "findingId", seedId)), 422);
        problemNaming(api.asCurator("POST", "/api/findings/" + otherId + "/links",
                json("type", "EXTENDS", "findingId", otherId)), 422, "findingId");
        problemNaming(api.asCurator("POST", "/api/findings/" + otherId + "/links",
                json("type", "EXTENDS", "findingId", 987654)), 422, "findingId");
        problemNaming(api.asCurator("POST", "/api/findings/" + otherId + "/links",
                json("type", "REFUTES", "findingId", seedId)), 400, "type");
        problemNaming(api.asCurator("POST", "/api/findings/" + otherId + "/links", json("type", "EXTENDS")), 400, "findingId");
        assertThat(api.ok("/api/findings/" + otherId).get("links")).hasSize(2);

        problem(api.send("DELETE", "/api/findings/" + seedId + "/links/" + linkId, null,
                org.findingskb.support.TestKeys.curator()), 403);
        assertThat(api.ok("/api/findings/" + otherId).get("links")).hasSize(2);
        problem(api.send("DELETE", "/api/findings/" + (otherId + 1000) + "/links/" + linkId, null,
                org.findingskb.support.TestKeys.admin()), 404);

        Reply removed = api.send("DELETE", "/api/findings/" + seedId + "/links/" + linkId, null,
                org.findingskb.support.TestKeys.admin());
        assertThat(removed.status()).as("removed from the other end: %s", removed).isEqualTo(204);
        assertThat(api.ok("/api/findings/" + otherId).get("links").valueStream().map(l -> l.get("id").asLong()))
                .doesNotContain(linkId).hasSize(1);
        assertThat(api.ok("/api/findings/" + seedId).get("links").valueStream().map(l -> l.get("id").asLong()))
                .doesNotContain(linkId);
        problem(api.send("DELETE", "/api/findings/" + seedId + "/links/" + linkId, null,
                org.findingskb.support.TestKeys.admin()), 404);
    }

    // ---- deletion and concepts ----------------------------------------------------------------------------

    @Test
    void deletingAStudyRemovesItsFindingsAndMechanismsFromListsSearchAndCounts() {
        String word = uniqueWord("del");
        JsonNode before = api.counts();
        JsonNode study = api.createStudy("Study to delete " + word);
        long studyId = study.get("id").asLong();
        long f1 = api.createFinding(studyId, "The first finding about " + word + ".").get("id").asLong();
        long f2 = api.createFinding(studyId, "The second finding about " + word + ".", "kind", "MECHANISM").get("id").asLong();
        long m = api.createMechanism(studyId, "Mechanism of " + word, "findingIds", List.of(f1, f2)).get("id").asLong();
        long seedId = api.seedFindings().get(1).get("id").asLong();
        assertThat(api.asCurator("POST", "/api/findings/" + seedId + "/links", json("type", "EXTENDS", "findingId", f1))
                .status()).isEqualTo(201);
        assertThat(api.searchHits(word, "finding")).containsExactlyInAnyOrder(f1, f2);
        assertThat(api.searchHits(word, "mechanism")).containsExactly(m);
        assertThat(api.searchHits(word, "study")).containsExactly(studyId);
        assertThat(api.counts().get("findings").asLong()).isEqualTo(before.get("findings").asLong() + 2);

        long version = api.version("/api/studies/" + studyId);
        assertThat(delete("/api/studies/" + studyId, version).status()).isEqualTo(204);

        problem(api.get("/api/studies/" + studyId), 404);
        problem(api.get("/api/findings/" + f1), 404);
        problem(api.get("/api/findings/" + f2), 404);
        problem(api.get("/api/mechanisms/" + m), 404);
        assertThat(api.total("/api/findings?studyId=" + studyId)).isZero();
        assertThat(api.total("/api/mechanisms?studyId=" + studyId)).isZero();
        assertThat(api.ids("/api/findings?size=100&reviewStatus=UNREVIEWED,ACCEPTED,REJECTED,RETRACTED&q=" + word)).isEmpty();
        assertThat(api.ok("/api/search?mode=keyword&q=" + q(word)).get("content")).as("nothing of the study is found")
                .isEmpty();
        // By meaning, a search may offer other studies' neighbours, never the deleted ones.
        assertThat(api.ok("/api/search?size=100&q=" + q(word)).get("content").valueStream()
                .map(hit -> hit.get("type").asString() + " " + hit.get("id").asLong()))
                .doesNotContain("study " + studyId, "finding " + f1, "finding " + f2, "mechanism " + m);
        assertThat(api.counts()).isEqualTo(before);
        assertThat(api.ok("/api/findings/" + seedId).get("links").valueStream().map(l -> l.get("findingId").asLong()))
                .as("links to the deleted findings are gone").doesNotContain(f1);
    }

    @Test
    void aRenamedConceptFindsTheFindingsThatMentionItByItsNewNameAtOnce() {
        String oldName = "Concept " + uniqueWord("old");
        String newName = uniqueWord("renamedcon");
        JsonNode concept = api.createConcept(oldName, "DRUG");
        long conceptId = concept.get("id").asLong();
        long studyId = api.createStudy("Study for renames " + uniqueWord("ren")).get("id").asLong();
        long findingId = api.createFinding(studyId, "A statement that never names the drug.",
                "conceptIds", List.of(conceptId)).get("id").asLong();
        assertThat(api.ids("/api/findings?size=100&q=" + q(newName))).doesNotContain(findingId);

        Reply renamed = patch("/api/concepts/" + conceptId, concept.get("version").asLong(), json("name", newName,
                "synonyms", List.of(oldName)));
        assertThat(renamed.status()).as("%s", renamed).isEqualTo(200);

        assertThat(api.ids("/api/findings?size=100&q=" + q(newName))).containsExactly(findingId);
        assertThat(api.searchHits(newName, "finding")).containsExactly(findingId);
        assertThat(api.ids("/api/findings?size=100&concept=" + q(newName))).containsExactly(findingId);
        assertThat(api.ids("/api/findings?size=100&concept=" + q(oldName))).as("the old name is now a synonym")
                .containsExactly(findingId);
        assertThat(api.ok("/api/findings/" + findingId).get("concepts").get(0).get("name").asString()).isEqualTo(newName);
        assertThat(api.ids("/api/concepts?q=" + q(newName))).contains(conceptId);
    }

    @Test
    void aConceptInUseCannotBeDeletedUntilNothingRefersToIt() {
        JsonNode concept = api.createConcept("Concept " + uniqueWord("use"), "CONDITION");
        long conceptId = concept.get("id").asLong();
        JsonNode study = api.createStudy("Study for concepts in use " + uniqueWord("cus"));
        long studyId = study.get("id").asLong();
        JsonNode finding = api.createFinding(studyId, "A finding that mentions the concept.", "conceptIds", List.of(conceptId));

        JsonNode conflict = problem(delete("/api/concepts/" + conceptId, concept.get("version").asLong()), 409);
        assertThat(conflict.get("detail").asString()).contains(String.valueOf(conceptId));
        assertThat(api.ok("/api/concepts/" + conceptId).get("name")).isEqualTo(concept.get("name"));

        Reply untagged = patch("/api/findings/" + finding.get("id").asLong(), finding.get("version").asLong(),
                json("conceptIds", List.of()));
        assertThat(untagged.status()).isEqualTo(200);
        Reply asCondition = patch("/api/studies/" + studyId, study.get("version").asLong(),
                json("conditionIds", List.of(conceptId)));
        assertThat(asCondition.status()).as("%s", asCondition).isEqualTo(200);
        problem(delete("/api/concepts/" + conceptId, concept.get("version").asLong()), 409);

        Reply unreferenced = patch("/api/studies/" + studyId, asCondition.json().get("version").asLong(),
                json("conditionIds", List.of()));
        assertThat(unreferenced.status()).isEqualTo(200);
        assertThat(delete("/api/concepts/" + conceptId, concept.get("version").asLong()).status()).isEqualTo(204);
        problem(api.get("/api/concepts/" + conceptId), 404);
    }

    @Test
    void aConceptsNameAndSynonymsMustNameNoOtherConcept() {
        String name = "Concept " + uniqueWord("uni");
        JsonNode concept = api.createConcept(name, "DRUG", name + " salt");
        JsonNode counts = api.counts();
        problemNaming(api.asCurator("POST", "/api/concepts", json("name", name.toUpperCase(), "type", "DRUG")), 422, "name");
        problemNaming(api.asCurator("POST", "/api/concepts", json("name", name + " salt", "type", "DRUG")), 422, "name");
        problemNaming(api.asCurator("POST", "/api/concepts", json("name", "Other " + uniqueWord("oth"), "type", "DRUG",
                "synonyms", List.of(name))), 422, "synonyms");
        assertThat(api.counts()).isEqualTo(counts);

        JsonNode other = api.createConcept("Concept " + uniqueWord("two"), "DRUG");
        problemNaming(put("/api/concepts/" + other.get("id").asLong(), other.get("version").asLong(),
                json("name", name, "type", "DRUG")), 422, "name");
        assertThat(api.ok("/api/concepts/" + other.get("id").asLong())).isEqualTo(other);
        assertThat(api.ok("/api/concepts/" + concept.get("id").asLong())).isEqualTo(concept);
    }

    // ---- text that shows other than it reads, duplicate keys, ids in other bases -------------------------

    @Test
    void bidiControlsAndZeroWidthCharactersAreDroppedFromAnEditedName() {
        String word = uniqueWord("inv");
        Reply created = api.asCurator("POST", "/api/concepts", json("name",
                "Keta\u200Bmine \u202Egnp.exe\u202C " + word + "\u2066\u200D", "type", "DRUG",
                "synonyms", java.util.List.of("\u200Fsyn " + word)));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        JsonNode concept = created.json();
        assertThat(concept.get("name").asString()).isEqualTo("Ketamine gnp.exe " + word);
        assertThat(concept.get("synonyms").get(0).asString()).isEqualTo("syn " + word);
        // a joiner between letters of a script that needs it stays (Persian "mi-khaham")
        Reply persian = api.asCurator("POST", "/api/concepts", json("name", "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645 "
                + word, "type", "DRUG"));
        assertThat(persian.json().get("name").asString()).contains("\u06CC\u200C\u062E");
    }

    @Test
    void aLoneSurrogateIsRefusedNamingTheField() {
        String body = "{\"name\":\"x\\ud800y " + uniqueWord("sur") + "\",\"type\":\"DRUG\"}";
        JsonNode refused = problem(api.asCurator("POST", "/api/concepts", body), 400);
        assertThat(CurationClient.errorFields(refused)).containsExactly("name");
        assertThat(refused.get("detail").asString()).contains("surrogate");
        // a whole pair is a character like any other
        Reply emoji = api.asCurator("POST", "/api/concepts", "{\"name\":\"x\\ud83e\\uddea " + uniqueWord("sur")
                + "\",\"type\":\"DRUG\"}");
        assertThat(emoji.status()).as("%s", emoji).isEqualTo(201);
    }

    @Test
    void aBodyNamingAFieldTwiceIsRefused() {
        String word = uniqueWord("dup");
        JsonNode refused = problem(api.asCurator("POST", "/api/concepts",
                "{\"name\":\"One " + word + "\",\"type\":\"DRUG\",\"name\":\"Other " + word + "\"}"), 400);
        assertThat(refused.get("detail").asString()).contains("twice").contains("name");
        assertThat(api.ok("/api/concepts?q=" + word).get("content")).isEmpty();
    }

    @Test
    void idsAreDecimalOnly() {
        long id = api.ok("/api/findings?size=1").get("content").get(0).get("id").asLong();
        assertThat(api.get("/api/findings/" + id).status()).isEqualTo(200);
        for (String other : new String[] {"0x" + Long.toHexString(id), "%23" + Long.toHexString(id), "+" + id, "0X" + id}) {
            Reply reply = api.get("/api/findings/" + other);
            assertThat(reply.status()).as("/api/findings/%s: %s", other, reply).isEqualTo(400);
        }
        assertThat(api.get("/api/findings?studyId=0x1").status()).isEqualTo(400);
    }
}
