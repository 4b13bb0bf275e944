package org.findingskb.study;

import java.text.Normalizer;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.stereotype.Component;

/** Readable, unique, URL-safe names for studies, made from their titles. */
@Component
public class StudySlugs {

    private static final int MAX_LENGTH = 80;

    private final StudyRepository studies;

    StudySlugs(StudyRepository studies) {
        this.studies = studies;
    }

    /** A slug for {@code title} that no study has yet. */
    public String uniqueFor(String title) {
        return uniqueFor(title, 1);
    }

    /**
     * As {@link #uniqueFor(String)}; from the second attempt on (a concurrent create took the slug first) a
     * random suffix makes another collision unlikely.
     */
    public String uniqueFor(String title, int attempt) {
        String base = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (base.length() > MAX_LENGTH) {
            int cut = base.lastIndexOf('-', MAX_LENGTH);
            base = base.substring(0, cut > 0 ? cut : MAX_LENGTH);
        }
        // A slug never looks like an id, so /api/studies/{idOrSlug} stays unambiguous.
        if (base.isEmpty() || base.chars().allMatch(Character::isDigit)) {
            base = "study-" + base;
        }
        if (attempt > 1) {
            base = base + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
        }
        if (!studies.existsBySlug(base)) {
            return base;
        }
        // A second study of the same title gets "-2"; any further one a random suffix, found in a query or two
        // however many namesakes there are (counting up would cost one query per namesake).
        String slug = base + "-2";
        while (studies.existsBySlug(slug)) {
            slug = base + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0x100000));
        }
        return slug;
    }
}
