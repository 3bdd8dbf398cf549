package io.flightdeck.planning.tasks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.flightdeck.campaigns.CampaignPriority;
import io.flightdeck.planning.templates.TaskKind;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import org.springframework.data.jpa.domain.Specification;

/**
 * A {@link TaskFilter} as a query: every field narrows, and {@code atRisk} narrows only to open critical tasks (the
 * rest needs the timeline and the calendar, so the service decides it after the query).
 */
final class TaskSpecifications {

    private TaskSpecifications() {
    }

    static Specification<Task> of(TaskFilter filter, LocalDate today, TaskSort sort) {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            where.add(cb.isNull(root.get("deletedAt")));
            if (filter.campaignId() != null) {
                where.add(cb.equal(root.get("campaignId"), filter.campaignId()));
            }
            if (filter.statuses() != null && !filter.statuses().isEmpty()) {
                where.add(root.get("status").in(filter.statuses()));
            }
            if (filter.assigneeId() != null) {
                where.add(cb.equal(root.get("assigneeId"), filter.assigneeId()));
            }
            if (filter.unassigned()) {
                where.add(cb.isNull(root.get("assigneeId")));
            }
            if (filter.priority() != null) {
                where.add(cb.equal(root.get("priority"), filter.priority()));
            }
            if (filter.milestoneId() != null) {
                where.add(cb.equal(root.get("milestoneId"), filter.milestoneId()));
            }
            if (filter.overdue() || filter.atRisk()) {
                where.add(cb.not(root.get("status").in(TaskStatus.DONE, TaskStatus.CANCELLED)));
            }
            if (filter.overdue()) {
                where.add(cb.lessThan(root.get("dueDate"), today));
            }
            if (filter.atRisk()) {
                where.add(cb.isTrue(root.get("critical")));
                where.add(cb.equal(root.get("kind"), TaskKind.TASK));
            }
            if (filter.q() != null && !filter.q().isBlank()) {
                String pattern = "%" + escape(filter.q().trim().toLowerCase(Locale.ROOT)) + "%";
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
