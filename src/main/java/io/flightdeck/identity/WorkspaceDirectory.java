package io.flightdeck.identity;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Workspaces as other modules need them: named by id, so a job working across workspaces may ask too. Other modules
 * read the workspace through this rather than its table.
 */
public interface WorkspaceDirectory {

    /** The workspace; empty when there is none by that id. */
    Optional<WorkspaceSummary> find(UUID workspaceId);

    /** The workspaces of the given ids that exist, in one query. */
    Map<UUID, WorkspaceSummary> find(Collection<UUID> workspaceIds);

    /**
     * Holds the workspace's row until the caller's transaction ends: writers that must see each other's work within
     * one workspace (two images measured at once) take turns on it. Needs a transaction.
     */
    void lock(UUID workspaceId);
}
