package org.findingskb.web;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.findingskb.support.Http;
import org.findingskb.support.TestKeys;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read cache is bounded by bytes, not by entries: however many distinct pages are read, its estimated weight
 * stays within {@code kb.cache.max-size}, and both its weight and its entry count are metrics.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kb.test.context=cache-weight", "kb.cache.max-size=" + ReadCacheWeightTests.MAX_BYTES + "B"})
class ReadCacheWeightTests {

    static final long MAX_BYTES = 200_000;

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Test
    void manyDistinctPagesStayWithinTheCachesBytesAndItsSizeIsAMetric() {
        Http http = new Http(port);
        long bodies = 0;
        for (int size = 1; size <= 100; size++) {
            bodies += http.get("/api/findings?size=" + size).body().length();
            http.get("/api/findings/" + size);
        }
        assertThat(bodies).as("what was read is far more than the cache may hold").isGreaterThan(4 * MAX_BYTES);
        double weight = meters.get("kb.cache.weight").gauge().value();
        double entries = meters.get("cache.size").tag("cache", "reads").gauge().value();
        assertThat(weight).isPositive().isLessThanOrEqualTo(MAX_BYTES);
        assertThat(entries).isPositive().isLessThan(200);
        String scraped = http.get("/actuator/prometheus", TestKeys.admin()).body();
        assertThat(scraped).contains("kb_cache_weight_bytes{").contains("cache_size{");
    }
}
