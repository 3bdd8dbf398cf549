package io.flightdeck.assets.domain;

import java.util.UUID;

import io.flightdeck.shared.jobs.JobKind;
import io.flightdeck.shared.jobs.WorkspaceTask;

/**
 * The derived-data job's kind: one per new content (instance id = content id), scheduled in the upload's transaction
 * so it exists exactly when the content does; {@code assets.jobs.AssetJobs} runs it.
 */
public final class DerivedDataJob {

    /** The task data: which content, in which workspace (field names as stored since the first release). */
    public record DerivedDataTask(UUID workspaceId, UUID contentId) implements WorkspaceTask {
    }

    public static final JobKind<DerivedDataTask> KIND = JobKind.of("asset-derived-data", DerivedDataTask.class,
            DerivedDataTask::new);

    private DerivedDataJob() {
    }
}
