package io.flightdeck.campaigns.jobs;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import io.flightdeck.campaigns.domain.CampaignLifecycle;
import io.flightdeck.campaigns.domain.LaunchJob;
import io.flightdeck.campaigns.domain.LaunchJob.ScheduledLaunchData;
import io.flightdeck.identity.MemberDirectory;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.flightdeck.shared.jobs.JobTasks;
import io.flightdeck.shared.jobs.JobTasks.Failures;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The scheduled launch: at the start date, in the campaign's workspace (from the task data), as the member who
 * scheduled it. {@link Campaigns#runScheduledLaunch} checks the gate again and records why when it does not launch.
 */
@Configuration(proxyBeanMethods = false)
class LaunchJobs {

    private static final Logger log = LoggerFactory.getLogger(LaunchJobs.class);

    @Bean
    OneTimeTask<ScheduledLaunchData> scheduledLaunch(CampaignLifecycle campaigns, MemberDirectory members) {
        // a run that throws (the database away) is retried until it can decide; a launch that is refused is not a
        // failure: the run records in the activity why it did not happen
        return JobTasks.once(LaunchJob.KIND, Failures.retryForever(Duration.ofMinutes(1)), data ->
                campaigns.launchScheduledBy(data.campaignId()).ifPresent(by -> {
                    Actor actor = members.find(by)
                            .map(m -> new Actor(m.userId(), data.workspaceId(), m.role(), m.email(), m.displayName(),
                                    ZoneOffset.UTC, null))
                            .orElseGet(() -> formerMember(by, data.workspaceId()));
                    boolean launched = CurrentActor.runAs(actor, () -> campaigns.runScheduledLaunch(data.campaignId()));
                    log.info("Scheduled launch of campaign {} in workspace {}: {}", data.campaignId(), data.workspaceId(),
                            launched ? "launched" : "not launched, see its activity");
                }));
    }

    /** Someone who has left the workspace: the run records that the launch did not happen, and why. */
    private static Actor formerMember(UUID userId, UUID workspaceId) {
        return new Actor(userId, workspaceId, Role.VIEWER, null, "A former member", ZoneOffset.UTC, null);
    }
}
