package org.findingskb.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import org.findingskb.search.SearchIndex;
import org.findingskb.source.SourceRepository;
import org.findingskb.synthetic.SyntheticCorpusGenerator;
import org.findingskb.shared.KnowledgeBaseChanges;

import org.findingskb.shared.KbProperties;

/**
 * Readies the knowledge base before the server takes requests. Builds it from the bundled articles when the database holds no source at all, before the
 * server takes requests. A knowledge base that holds anything is left as it is, so restarts never duplicate.
 * Asked for ({@code kb.synthetic.studies=N}), it then adds a synthetic corpus beside the seed.
 */
@Component
class StartupLoader implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(StartupLoader.class);

    private final IngestService ingest;
    private final SourceRepository sources;
    private final SyntheticCorpusGenerator synthetic;
    private final SearchIndex searchIndex;
    private final boolean seedEnabled;
    private final String location;
    private final int syntheticStudies;
    private final long syntheticSeed;
    private final boolean restoring;

    StartupLoader(IngestService ingest, SourceRepository sources, SyntheticCorpusGenerator synthetic, SearchIndex searchIndex,
            KbProperties properties) {
        this.ingest = ingest;
        this.sources = sources;
        this.synthetic = synthetic;
        this.searchIndex = searchIndex;
        this.seedEnabled = properties.seed().enabled();
        this.location = properties.seed().location();
        this.syntheticStudies = properties.synthetic().studies();
        this.syntheticSeed = properties.synthetic().seed();
        this.restoring = properties.restore() != null;
    }

    @Override
    public void afterSingletonsInstantiated() {
        // A restore (done before JPA started) brings its own knowledge base: nothing is added to it.
        if (!restoring) {
            seed();
            synthetic.generate(syntheticStudies, syntheticSeed);
        }
        // The synthetic corpus, or an index directory lost since the last run, leaves the index behind.
        searchIndex.ensureComplete();
        // Bulk writes went around JPA: nothing read before them may be served from a cache.
        KnowledgeBaseChanges.changed();
    }

    private void seed() {
        if (!seedEnabled) {
            return;
        }
        // An existence check, not a count: start-up must not scan a large knowledge base.
        if (sources.existsAny()) {
            log.info("Knowledge base holds sources already; seeding skipped");
            return;
        }
        Resource[] articles = articles();
        long started = System.nanoTime();
        int findings = 0;
        for (Resource article : articles) {
            IngestOutcome outcome = ingest.ingest(read(article), SourceOverrides.none());
            findings += outcome.findings();
            log.info("Seeded \"{}\": study {}, {} findings, {} mechanisms{}", outcome.title(), outcome.studyId(),
                    outcome.findings(), outcome.mechanisms(),
                    outcome.warnings().isEmpty() ? "" : "; warnings: " + String.join("; ", outcome.warnings()));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        log.info("Seeded {} articles ({} findings) from {} in {} ms", articles.length, findings, location,
                Math.round(seconds * 1000));
    }

    private Resource[] articles() {
        try {
            Resource[] found = new PathMatchingResourcePatternResolver().getResources(location);
            Arrays.sort(found, Comparator.comparing(r -> String.valueOf(r.getFilename())));
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list seed articles at " + location, e);
        }
    }

    private static String read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read seed article " + resource, e);
        }
    }
}
