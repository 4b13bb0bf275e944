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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import org.findingskb.source.SourceRepository;

/**
 * Builds the knowledge base from the bundled articles when the database holds no source at all, before the
 * server takes requests. A knowledge base that holds anything is left as it is, so restarts never duplicate.
 */
@Component
@ConditionalOnProperty(name = "kb.seed.enabled", havingValue = "true", matchIfMissing = true)
class SeedLoader implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(SeedLoader.class);

    private final IngestService ingest;
    private final SourceRepository sources;
    private final String location;

    SeedLoader(IngestService ingest, SourceRepository sources,
            @Value("${kb.seed.location:classpath:seed/*.txt}") String location) {
        this.ingest = ingest;
        this.sources = sources;
        this.location = location;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (sources.count() > 0) {
            log.info("Knowledge base holds {} sources; seeding skipped", sources.count());
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
