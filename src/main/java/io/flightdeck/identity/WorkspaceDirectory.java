package io.flightdeck.identity;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

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
     * Up to {@code limit} workspace ids after {@code after} (null for the first), in id order: a job that visits every
     * workspace (the alert rules' evaluation) pages through them by the last id it saw.
     */
    List<UUID> ids(@Nullable UUID after, int limit);

    /**
     * Holds the workspace's row until the caller's transaction ends: writers that must see each other's work within
     * one workspace (two images measured at once) take turns on it. Needs a transaction.
     */
    void lock(UUID workspaceId);
}
