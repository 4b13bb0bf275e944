package org.findingskb.mechanism;

/** How fast an effect appears; a finding or mechanism without a stated timescale holds {@code null}. */
public enum Timescale {
    /** Acts within hours to a day. */
    RAPID,
    /** Builds over days to weeks and lasts. */
    SUSTAINED
}
