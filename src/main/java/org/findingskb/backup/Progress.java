package org.findingskb.backup;

import java.util.Map;

import org.slf4j.Logger;

/** Logs how far an export or a restore has come, at most every few seconds, with counts and rate. */
final class Progress {

    private static final long EVERY_NANOS = 5_000_000_000L;

    private final Logger log;
    private final String what;
    private final long total;
    private final long started = System.nanoTime();
    private long lastLog = started;
    private long done;

    Progress(Logger log, String what, Map<String, Long> counts) {
        this.log = log;
        this.what = what;
        this.total = counts.values().stream().mapToLong(Long::longValue).sum();
    }

    void row(String type) {
        done++;
        if ((done & 1023) == 0) {
            long now = System.nanoTime();
            if (now - lastLog >= EVERY_NANOS) {
                lastLog = now;
                double rate = done / ((now - started) / 1e9);
                log.info("{}: {}/{} rows (now {}), {} rows/s, ETA {} s", what, done, total, type, Math.round(rate),
                        Math.round((total - done) / Math.max(rate, 1)));
            }
        }
    }

    void finished(Map<String, Long> counts) {
        double seconds = (System.nanoTime() - started) / 1e9;
        log.info("{}: {} rows in {} s ({} rows/s): {}", what, done, String.format("%.1f", seconds),
                Math.round(done / Math.max(seconds, 1e-3)), counts);
    }
}
