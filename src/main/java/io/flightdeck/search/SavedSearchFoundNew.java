package io.flightdeck.search;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jmolecules.event.annotation.DomainEvent;

/**
 * A watched saved search found hits its last check had not: its owner asked to be told. Raised once per check that
 * finds any, in the workspace's scope.
 *
 * @param found    how many new hits
 * @param examples the titles of a few of them, newest first
 * @param link     the search's results page
 */
@DomainEvent
public record SavedSearchFoundNew(UUID workspaceId, UUID savedSearchId, UUID ownerId, String name, int found,
        List<String> examples, String link, Instant at) {
}
