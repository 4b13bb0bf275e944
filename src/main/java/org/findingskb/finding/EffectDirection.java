package org.findingskb.finding;

/** What a finding says one thing does to another. */
public enum EffectDirection {
    /** The subject raises, boosts or strengthens the object. */
    INCREASES,
    /** The subject lowers, reduces or blocks the object. */
    DECREASES,
    /** Tested, and no effect of the subject on the object was found. */
    NO_EFFECT,
    /** The two go together, without a direction or a cause being stated. */
    ASSOCIATED
}
