package io.flightdeck.guidance.recommendations;

/**
 * What is at stake when a recommendation is ignored, most pressing first: the ranking orders by this before anything
 * else (see {@link RecommendationRanking}).
 */
public enum Consequence {
    /** Something that should have gone out did not, or may have gone out twice: a failed or in-doubt post, a send. */
    RECOVERY,
    /** Money is spent faster or slower than planned. */
    MONEY,
    /** The campaign earns less than the workspace usually does. */
    PERFORMANCE,
    /** It would do better, but nothing is wrong. */
    NICE_TO_HAVE
}
