package org.findingskb.ingest;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/** What every retrained model's manifest records first: its version, date and corpus, and how it was validated. */
final class ModelManifests {

    private ModelManifests() {
    }

    /** Version, date and article count. */
    static Map<String, Object> header(int articles) {
        Map<String, Object> manifest = new LinkedHashMap<>();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        manifest.put("version", today + "-" + articles);
        manifest.put("date", today.toString());
        manifest.put("articles", articles);
        return manifest;
    }

    /** The folds and seed of the cross-validation whose scores follow. */
    static Map<String, Object> crossValidation() {
        Map<String, Object> crossValidated = new LinkedHashMap<>();
        crossValidated.put("folds", CrossValidation.FOLDS);
        crossValidated.put("seed", CrossValidation.SEED);
        return crossValidated;
    }
}
