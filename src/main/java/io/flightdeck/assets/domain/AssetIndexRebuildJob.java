package io.flightdeck.assets.domain;

import java.util.UUID;

import io.flightdeck.shared.jobs.JobKind;
import io.flightdeck.shared.jobs.WorkspaceTask;

/**
 * The search index rebuild's kind: one per rebuild (instance id = rebuild id), scheduled in the transaction that
 * records the rebuild, so the row and the job exist together; {@code assets.jobs.AssetIndexJobs} runs it.
 */
public final class AssetIndexRebuildJob {

    /** The task data: which rebuild, in which workspace (field names as stored since the first release). */
    public record AssetIndexRebuildTask(UUID workspaceId, UUID rebuildId) implements WorkspaceTask {
    }

    public static final JobKind<AssetIndexRebuildTask> KIND = JobKind.of("asset-search-rebuild",
            AssetIndexRebuildTask.class, AssetIndexRebuildTask::new);

    private AssetIndexRebuildJob() {
    }
}
