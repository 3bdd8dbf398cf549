package io.flightdeck.campaigns.domain;

import java.util.UUID;

import io.flightdeck.shared.jobs.JobKind;
import io.flightdeck.shared.jobs.WorkspaceTask;

/**
 * The scheduled launch's kind: one per campaign (instance id = campaign id), at the start of its start date;
 * {@code campaigns.jobs.LaunchJobs} runs it as the member who scheduled it.
 */
public final class LaunchJob {

    /** The task data: which campaign, in which workspace (field names as stored since the first release). */
    public record ScheduledLaunchData(UUID workspaceId, UUID campaignId) implements WorkspaceTask {
    }

    public static final JobKind<ScheduledLaunchData> KIND = JobKind.of("scheduled-launch", ScheduledLaunchData.class,
            ScheduledLaunchData::new);

    private LaunchJob() {
    }
}
