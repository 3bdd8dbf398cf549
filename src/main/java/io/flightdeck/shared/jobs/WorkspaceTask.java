package io.flightdeck.shared.jobs;

import java.util.UUID;

/**
 * The data of a job that works inside one workspace: the kit opens that workspace's tenant scope around each run, on
 * whichever node picks it up. Records implementing it are stored as JSON in {@code scheduled_tasks}, so their field
 * names are part of the stored format: rename one only with a reader for the old name.
 */
public interface WorkspaceTask {

    UUID workspaceId();
}
