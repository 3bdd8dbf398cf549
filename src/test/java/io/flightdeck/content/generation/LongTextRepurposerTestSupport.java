package io.flightdeck.content.generation;

/** The 2,012-word fixture for tests outside this package. */
public final class LongTextRepurposerTestSupport {

    private LongTextRepurposerTestSupport() {
    }

    public static String longPost() {
        return LongTextRepurposerTests.longPost();
    }
}
