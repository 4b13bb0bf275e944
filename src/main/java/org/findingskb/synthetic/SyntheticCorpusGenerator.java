package org.findingskb.synthetic;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import org.findingskb.concept.Synonym;
import org.findingskb.finding.Origin;
import org.findingskb.finding.ReviewStatus;
import org.findingskb.source.SourceDocument;
import org.findingskb.synthetic.SyntheticStudy.Person;
import org.findingskb.synthetic.SyntheticStudy.Route;
import org.findingskb.synthetic.SyntheticStudy.Statement;
import org.findingskb.synthetic.Vocabulary.LexiconEntry;

/**
 * Adds a deterministic corpus of synthetic studies beside the seed, through batched JDBC inserts, to measure
 * the API at scale. It never mixes into real data: a database holding more than the seed is refused.
 */
@Service
public class SyntheticCorpusGenerator {

    /** Slug of the first synthetic study, by which a corpus made earlier is recognised. */
    static final String MARKER_SLUG = "synthetic-study-1";
    static final String PUBLISHER = "Findings KB synthetic corpus";

    private static final Logger log = LoggerFactory.getLogger(SyntheticCorpusGenerator.class);
    private static final int STUDIES_PER_TRANSACTION = 500;
    /** Ids left free below the corpus for blocks the running application may have taken from a sequence. */
    private static final long ID_MARGIN = 1_000;
    private static final List<String> SEQUENCES = List.of("source_document", "study", "concept", "finding", "mechanism");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final DataSource dataSource;

    SyntheticCorpusGenerator(JdbcTemplate jdbc, TransactionTemplate transactions, DataSource dataSource) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.dataSource = dataSource;
    }

    /** Whether the corpus was written now ({@code false}: an earlier run's corpus is already there). */
    public boolean generate(int studies, long seed) {
        if (studies <= 0) {
            return false;
        }
        long existing = count("study");
        if (existing > 1 || count("source_document") > 1) {
            if (count("study where slug = '" + MARKER_SLUG + "'") > 0) {
                log.info("Synthetic corpus: the database already holds one ({} studies); adding nothing", existing);
                return false;
            }
            throw new IllegalStateException("Refusing to add a synthetic corpus: the database holds " + existing
                    + " studies, more than the seed. Start with an empty data directory (kb.data-dir) instead.");
        }
        Vocabulary vocabulary = Vocabulary.load();
        boolean postgres = isPostgres();
        Map<String, Long> conceptIds = insertConcepts(vocabulary, postgres);
        Map<String, Long> nextIds = new HashMap<>();
        SEQUENCES.forEach(table -> nextIds.put(table, nextValue(table + "_seq", postgres) + ID_MARGIN));

        long started = System.nanoTime();
        long findings = 0;
        for (int from = 1; from <= studies; from += STUDIES_PER_TRANSACTION) {
            int to = Math.min(studies, from + STUDIES_PER_TRANSACTION - 1);
            List<SyntheticStudy> chunk = new ArrayList<>(to - from + 1);
            for (int n = from; n <= to; n++) {
                chunk.add(SyntheticStudy.generate(n, seed, vocabulary));
            }
            findings += chunk.stream().mapToLong(s -> s.findings().size()).sum();
            transactions.executeWithoutResult(status -> write(chunk, conceptIds, nextIds));
            logProgress(to, studies, findings, started);
        }
        for (String table : SEQUENCES) {
            jdbc.execute("ALTER SEQUENCE " + table + "_seq RESTART WITH " + (nextIds.get(table) + ID_MARGIN));
        }
        return true;
    }

    private void write(List<SyntheticStudy> chunk, Map<String, Long> conceptIds, Map<String, Long> nextIds) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<Object[]> sources = new ArrayList<>();
        List<Object[]> studies = new ArrayList<>();
        List<Object[]> researchers = new ArrayList<>();
        List<Object[]> interventions = new ArrayList<>();
        List<Object[]> conditions = new ArrayList<>();
        List<Object[]> findings = new ArrayList<>();
        List<Object[]> evidence = new ArrayList<>();
        List<Object[]> findingConcepts = new ArrayList<>();
        List<Object[]> mechanisms = new ArrayList<>();
        List<Object[]> support = new ArrayList<>();
        Map<String, List<Object[]>> mechanismConcepts = Map.of("mechanism_brain_region", new ArrayList<>(),
                "mechanism_pathway", new ArrayList<>(), "mechanism_cell_type", new ArrayList<>(),
                "mechanism_intervention", new ArrayList<>());

        for (SyntheticStudy study : chunk) {
            long sourceId = take(nextIds, "source_document");
            long studyId = take(nextIds, "study");
            String text = study.text();
            sources.add(new Object[] {sourceId, study.title(), PUBLISHER, null, now.getYear(),
                    SourceDocument.sha256Of(text), text, text.length(), now});
            studies.add(new Object[] {studyId, "synthetic-study-" + study.number(), study.title(), study.institution(),
                    study.journal(), null, null, study.population(), sourceId, now, now});
            for (int i = 0; i < study.researchers().size(); i++) {
                Person person = study.researchers().get(i);
                researchers.add(new Object[] {studyId, i, person.name(), person.role().name(), null});
            }
            interventions.add(new Object[] {studyId, conceptIds.get(study.intervention())});
            conditions.add(new Object[] {studyId, conceptIds.get(study.condition())});

            List<Long> findingIds = new ArrayList<>();
            for (int i = 0; i < study.findings().size(); i++) {
                Statement statement = study.findings().get(i);
                long findingId = take(nextIds, "finding");
                findingIds.add(findingId);
                findings.add(new Object[] {findingId, studyId, i, statement.text(), statement.kind().name(),
                        statement.timescale() == null ? null : statement.timescale().name(),
                        statement.certainty().name(), Origin.EXTRACTED.name(), statement.confidence(),
                        ReviewStatus.UNREVIEWED.name(), now, now});
                int start = statement.start();
                int end = statement.end();
                evidence.add(new Object[] {findingId, 0, sourceId, start, end, text.substring(start, end),
                        text.substring(Math.max(0, start - 32), start), text.substring(end, Math.min(text.length(), end + 32))});
                statement.concepts().forEach(name -> findingConcepts.add(new Object[] {findingId, conceptIds.get(name)}));
            }
            for (Route route : study.mechanisms()) {
                long mechanismId = take(nextIds, "mechanism");
                mechanisms.add(new Object[] {mechanismId, studyId, route.name(),
                        route.timescale() == null ? null : route.timescale().name(), route.onset(), route.description(),
                        now, now});
                route.findingIndexes().forEach(i -> support.add(new Object[] {findingIds.get(i), mechanismId}));
                mechanismConcepts.get("mechanism_brain_region").add(new Object[] {mechanismId, conceptIds.get(route.brainRegion())});
                mechanismConcepts.get("mechanism_pathway").add(new Object[] {mechanismId, conceptIds.get(route.pathway())});
                mechanismConcepts.get("mechanism_cell_type").add(new Object[] {mechanismId, conceptIds.get(route.cellType())});
                mechanismConcepts.get("mechanism_intervention").add(new Object[] {mechanismId, conceptIds.get(route.intervention())});
            }
        }
        jdbc.batchUpdate("insert into source_document (id, version, title, publisher, url, published_year, sha256, content,"
                + " length, created_at) values (?, 0, ?, ?, ?, ?, ?, ?, ?, ?)", sources);
        jdbc.batchUpdate("insert into study (id, version, slug, title, institution, journal, published_year, doi, population,"
                + " source_id, created_at, updated_at) values (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", studies);
        jdbc.batchUpdate("insert into study_researcher (study_id, position, name, role, description) values (?, ?, ?, ?, ?)",
                researchers);
        jdbc.batchUpdate("insert into study_intervention (study_id, concept_id) values (?, ?)", interventions);
        jdbc.batchUpdate("insert into study_condition (study_id, concept_id) values (?, ?)", conditions);
        jdbc.batchUpdate("insert into finding (id, version, study_id, position, statement, kind, timescale, certainty, origin,"
                + " confidence, review_status, created_at, updated_at) values (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", findings);
        jdbc.batchUpdate("insert into finding_evidence (finding_id, position, source_id, start_offset, end_offset, exact,"
                + " prefix, suffix) values (?, ?, ?, ?, ?, ?, ?, ?)", evidence);
        jdbc.batchUpdate("insert into finding_concept (finding_id, concept_id) values (?, ?)", findingConcepts);
        jdbc.batchUpdate("insert into mechanism (id, version, study_id, name, timescale, onset, description, created_at,"
                + " updated_at) values (?, 0, ?, ?, ?, ?, ?, ?, ?)", mechanisms);
        jdbc.batchUpdate("insert into finding_mechanism (finding_id, mechanism_id) values (?, ?)", support);
        mechanismConcepts.forEach((table, rows) ->
                jdbc.batchUpdate("insert into " + table + " (mechanism_id, concept_id) values (?, ?)", rows));
    }

    /** Every lexicon concept, as the knowledge base knows it or newly inserted; lexicon name to id. */
    private Map<String, Long> insertConcepts(Vocabulary vocabulary, boolean postgres) {
        Map<String, Long> known = new HashMap<>();
        jdbc.query("select id, name_key from concept", rs -> {
            known.put(rs.getString(2), rs.getLong(1));
        });
        Map<String, Long> ids = new HashMap<>();
        List<Object[]> concepts = new ArrayList<>();
        List<Object[]> synonyms = new ArrayList<>();
        long next = nextValue("concept_seq", postgres) + ID_MARGIN;
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (List<LexiconEntry> entries : vocabulary.concepts().values()) {
            for (LexiconEntry entry : entries) {
                String key = Synonym.keyOf(entry.name());
                Long id = known.get(key);
                if (id == null) {
                    id = next++;
                    known.put(key, id);
                    concepts.add(new Object[] {id, entry.name(), key, entry.type().name(), entry.meshId(), now});
                    Map<String, String> distinct = new HashMap<>();
                    entry.synonyms().forEach(s -> distinct.putIfAbsent(Synonym.keyOf(s), s.strip()));
                    distinct.remove(key);
                    for (Map.Entry<String, String> synonym : distinct.entrySet()) {
                        synonyms.add(new Object[] {id, synonym.getValue(), synonym.getKey()});
                    }
                }
                ids.put(entry.name(), id);
            }
        }
        final long highest = next;
        transactions.executeWithoutResult(status -> {
            jdbc.batchUpdate("insert into concept (id, version, name, name_key, type, mesh_id, created_at)"
                    + " values (?, 0, ?, ?, ?, ?, ?)", concepts);
            jdbc.batchUpdate("insert into concept_synonym (concept_id, synonym, synonym_key) values (?, ?, ?)", synonyms);
            jdbc.execute("ALTER SEQUENCE concept_seq RESTART WITH " + (highest + ID_MARGIN));
        });
        log.info("Synthetic corpus: {} lexicon concepts added ({} known already)", concepts.size(),
                ids.size() - concepts.size());
        return ids;
    }

    private static long take(Map<String, Long> nextIds, String table) {
        return nextIds.merge(table, 1L, Long::sum) - 1;
    }

    private long nextValue(String sequence, boolean postgres) {
        String sql = postgres ? "select nextval('" + sequence + "')" : "select next value for " + sequence;
        return jdbc.queryForObject(sql, Long.class);
    }

    private long count(String tableAndCondition) {
        return jdbc.queryForObject("select count(*) from " + tableAndCondition, Long.class);
    }

    private boolean isPostgres() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell which database this is", e);
        }
    }

    private static void logProgress(int done, int total, long findings, long startedNanos) {
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        double rate = done / Math.max(seconds, 1e-3);
        if (done == total || done % (STUDIES_PER_TRANSACTION * 10) == 0) {
            log.info("Synthetic corpus: {}/{} studies ({} findings) written, {} studies/s, ETA {} s",
                    done, total, findings, Math.round(rate), Math.round((total - done) / rate));
        }
    }
}
