package io.flightdeck.planning.web;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.planning.CampaignTasks;
import io.flightdeck.planning.TaskView;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.web.RecordKind;
import io.flightdeck.shared.web.RecordKind.RecordLink;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How the audit log names planning's records, their fields, and where they are read. */
@Configuration(proxyBeanMethods = false)
class PlanningRecordKinds {

    @Bean
    RecordKind taskKind(CampaignTasks tasks) {
        return RecordKind.of("Task", "Task", Map.of("assigneeId", "Assignee", "dueDate", "Due date",
                "startDate", "Start date", "pinnedStart", "Fixed start", "milestoneId", "Milestone", "campaignId", "Campaign"),
                ids -> {
                    // A page of the log holds a few tasks at most; one look-up each keeps planning's API as it is.
                    Map<UUID, RecordLink> links = new HashMap<>();
                    for (UUID id : ids) {
                        try {
                            TaskView task = tasks.get(id);
                            links.put(id, new RecordLink(task.title(), "/tasks/" + id));
                        } catch (NotFoundException gone) {
                            // deleted since: shown without a link
                        }
                    }
                    return links;
                });
    }

    @Bean
    RecordKind timelineKind() {
        return RecordKind.of("Timeline", "Timeline", Map.of("campaignId", "Campaign"), ids -> Map.of());
    }

    @Bean
    RecordKind teamProfileKind() {
        return RecordKind.of("TeamProfile", "Team profile", Map.of("userId", "Person", "weeklyHours", "Hours a week"),
                ids -> Map.of());
    }
}
