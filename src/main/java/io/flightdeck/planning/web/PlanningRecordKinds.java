package io.flightdeck.planning.web;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.shared.web.RecordKind;
import io.flightdeck.shared.web.RecordKind.RecordLink;
import jakarta.persistence.EntityManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How the audit log names planning's records, their fields, and where they are read. */
@Configuration(proxyBeanMethods = false)
class PlanningRecordKinds {

    @Bean
    RecordKind taskKind(EntityManager entityManager) {
        return RecordKind.of("Task", "Task", Map.of("assigneeId", "Assignee", "dueDate", "Due date",
                "startDate", "Start date", "pinnedStart", "Fixed start", "milestoneId", "Milestone", "campaignId", "Campaign",
                "timelineId", "Timeline", "estimateHours", "Estimate (hours)", "durationDays", "Duration (days)"),
                ids -> {
                    // One query for the page's tasks; a deleted one (in the bin) shows without a link.
                    Map<UUID, RecordLink> links = new HashMap<>();
                    entityManager.createQuery("select t.id, t.title from Task t where t.id in :ids and t.deletedAt is null",
                            Object[].class).setParameter("ids", ids).getResultList()
                            .forEach(row -> links.put((UUID) row[0], new RecordLink((String) row[1], "/tasks/" + row[0])));
                    return links;
                })
                .withReferences(Map.of("campaignId", "Campaign", "milestoneId", "Task"));
    }

    @Bean
    RecordKind taskDependencyKind() {
        return RecordKind.of("TaskDependency", "Task dependency", Map.of("predecessorId", "Waits for",
                "successorId", "Task", "campaignId", "Campaign"), ids -> Map.of())
                .withReferences(Map.of("predecessorId", "Task", "successorId", "Task", "campaignId", "Campaign"));
    }

    @Bean
    RecordKind timelineKind() {
        return RecordKind.of("Timeline", "Timeline", Map.of("campaignId", "Campaign"), ids -> Map.of())
                .withReferences(Map.of("campaignId", "Campaign"));
    }

    @Bean
    RecordKind teamProfileKind() {
        return RecordKind.of("TeamProfile", "Team profile", Map.of("userId", "Person", "weeklyHours", "Hours a week"),
                ids -> Map.of());
    }
}
