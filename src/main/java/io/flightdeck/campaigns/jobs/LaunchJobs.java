package io.flightdeck.campaigns.jobs;

import java.time.ZoneOffset;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.flightdeck.campaigns.domain.Campaigns;
import io.flightdeck.campaigns.domain.LaunchSchedule;
import io.flightdeck.campaigns.domain.LaunchSchedule.ScheduledLaunchData;
import io.flightdeck.identity.MemberDirectory;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.tenancy.TenantScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
    OneTimeTask<ScheduledLaunchData> scheduledLaunch(Campaigns campaigns, MemberDirectory members) {
        return Tasks.oneTime(LaunchSchedule.TASK).execute((instance, context) -> {
            ScheduledLaunchData data = instance.getData();
            // the scope opens outside any transaction; the service opens its own inside it
            TenantScope.run(data.workspaceId(), () -> campaigns.launchScheduledBy(data.campaignId()).ifPresent(by -> {
                Actor actor = members.find(by)
                        .map(m -> new Actor(m.userId(), data.workspaceId(), m.role(), m.email(), m.displayName(),
                                ZoneOffset.UTC, null))
                        .orElseGet(() -> formerMember(by, data.workspaceId()));
                boolean launched = CurrentActor.runAs(actor, () -> campaigns.runScheduledLaunch(data.campaignId()));
                log.info("Scheduled launch of campaign {} in workspace {}: {}", data.campaignId(), data.workspaceId(),
                        launched ? "launched" : "not launched, see its activity");
            }));
        });
    }

    /** Someone who has left the workspace: the run records that the launch did not happen, and why. */
    private static Actor formerMember(UUID userId, UUID workspaceId) {
        return new Actor(userId, workspaceId, Role.VIEWER, null, "A former member", ZoneOffset.UTC, null);
    }
}
