package io.flightdeck.search.domain;

/** Who sees a saved search: everyone in the workspace, or only the member who saved it. */
public enum SavedSearchVisibility {
    WORKSPACE, PRIVATE
}
