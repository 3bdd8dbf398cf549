package io.flightdeck.identity.security;

/**
 * Says, in words, who may do what a person was refused: the role the action asked for (when known) and the page's
 * path. Called while the person's workspace is still in scope, so it can name people; the error page shows the answer.
 */
public interface RefusalExplainer {

    /** The sentence for the error page, or null when there is nothing better than the page's own words. */
    String explain(String requiredRole, String path);
}
