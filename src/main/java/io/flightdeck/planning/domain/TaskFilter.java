package io.flightdeck.planning.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignPriority;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.CriteriaBuilder;
import org.springframework.data.jpa.domain.Specification;

/**
 * What a task list is narrowed by; every field is optional. {@code unassigned} keeps tasks nobody has;
 * {@code atRisk} is decided after the query (it needs the timeline and the calendar), so the query only narrows to
 * open critical tasks.
 */
public record TaskFilter(UUID campaignId, Set<TaskStatus> statuses, UUID assigneeId, boolean unassigned,
        CampaignPriority priority, UUID milestoneId, boolean overdue, boolean atRisk, String q) {

    public boolean narrowed() {
        return (statuses != null && !statuses.isEmpty()) || assigneeId != null || unassigned || priority != null
                || milestoneId != null || overdue || atRisk || (q != null && !q.isBlank());
    }

    Specification<Task> toSpecification(LocalDate today, TaskSort sort) {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            where.add(cb.isNull(root.get("deletedAt")));
            if (campaignId != null) {
                where.add(cb.equal(root.get("campaignId"), campaignId));
            }
            if (statuses != null && !statuses.isEmpty()) {
                where.add(root.get("status").in(statuses));
            }
            if (assigneeId != null) {
                where.add(cb.equal(root.get("assigneeId"), assigneeId));
            }
            if (unassigned) {
                where.add(cb.isNull(root.get("assigneeId")));
            }
            if (priority != null) {
                where.add(cb.equal(root.get("priority"), priority));
            }
            if (milestoneId != null) {
                where.add(cb.equal(root.get("milestoneId"), milestoneId));
            }
            if (overdue || atRisk) {
                where.add(cb.not(root.get("status").in(TaskStatus.DONE, TaskStatus.CANCELLED)));
            }
            if (overdue) {
                where.add(cb.lessThan(root.get("dueDate"), today));
            }
            if (atRisk) {
                where.add(cb.isTrue(root.get("critical")));
                where.add(cb.equal(root.get("kind"), TaskKind.TASK));
            }
            if (q != null && !q.isBlank()) {
                String pattern = "%" + escape(q.trim().toLowerCase(Locale.ROOT)) + "%";
                where.add(cb.like(cb.lower(root.get("title")), pattern, '\\'));
            }
            if (query != null && !Long.class.equals(query.getResultType())) {
                query.orderBy(order(root, cb, sort));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    /** Priority sorts by urgency, not by name; every order ends with the plan's own (campaign, position, id). */
    private static List<Order> order(Root<Task> root, CriteriaBuilder cb, TaskSort sort) {
        List<Order> orders = new ArrayList<>();
        switch (sort) {
            case DUE_DATE -> orders.add(cb.asc(root.get("dueDate")));
            case PRIORITY -> {
                Expression<Integer> rank = cb.<Integer>selectCase()
                        .when(cb.equal(root.get("priority"), CampaignPriority.URGENT), 0)
                        .when(cb.equal(root.get("priority"), CampaignPriority.HIGH), 1)
                        .when(cb.equal(root.get("priority"), CampaignPriority.MEDIUM), 2)
                        .otherwise(3);
                orders.add(cb.asc(rank));
                orders.add(cb.asc(root.get("dueDate")));
            }
            case POSITION -> {
            }
        }
        orders.add(cb.asc(root.get("campaignId")));
        orders.add(cb.asc(root.get("position")));
        orders.add(cb.asc(root.get("id")));
        return orders;
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
