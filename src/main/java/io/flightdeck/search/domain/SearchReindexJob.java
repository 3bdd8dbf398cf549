package io.flightdeck.search.domain;

import java.util.UUID;

import io.flightdeck.shared.jobs.JobKind;
import io.flightdeck.shared.jobs.WorkspaceTask;

/**
 * The full reindex's kind: one per reindex (instance id = reindex id), scheduled in the transaction that records the
 * reindex, so the row and the job exist together; {@code search.jobs.SearchJobs} runs it.
 */
public final class SearchReindexJob {

    /** The task data: which reindex, in which workspace. Stored in scheduled_tasks: never rename. */
    public record SearchReindexTask(UUID workspaceId, UUID reindexId) implements WorkspaceTask {
    }

    public static final JobKind<SearchReindexTask> KIND = JobKind.of("search-reindex",
            SearchReindexTask.class, SearchReindexTask::new);

    private SearchReindexJob() {
    }
}
