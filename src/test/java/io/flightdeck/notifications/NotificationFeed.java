package io.flightdeck.notifications;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import io.flightdeck.support.ApiClient;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces.Member;
import org.awaitility.Awaitility;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionOperations;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the notification listeners' scenario tests read: a member's notifications as {@code GET /api/v1/notifications}
 * lists them (each item a map of the API's fields), and whether a listener has finished with an event (its publication
 * completed in the registry), for a delivery that must tell nobody or must not tell twice.
 */
final class NotificationFeed {

    private final ApiClient api;
    private final JdbcClient jdbc;

    NotificationFeed(ApiClient api, JdbcClient jdbc) {
        this.api = api;
        this.jdbc = jdbc;
    }

    /** Every notification the member has, newest first. */
    List<Map<String, Object>> all(Member member) {
        MvcTestResult feed = api.as(member).get("/api/v1/notifications?size=50");
        assertThat(feed).hasStatusOk();
        return Json.read(feed, "$.items");
    }

    /** The member's notifications of one trigger ({@code TASK_ASSIGNED}, ...), newest first. */
    List<Map<String, Object>> told(Member member, String trigger) {
        return all(member).stream().filter(item -> trigger.equals(item.get("trigger"))).toList();
    }

    /**
     * How many deliveries of an event of this type to the listener class have completed, counting only the events whose
     * stored JSON holds every key (ids that make the event unmistakable).
     */
    long handled(String listener, Class<?> event, Object... keys) {
        StringBuilder sql = new StringBuilder("select count(*) from event_publication where listener_id like ?"
                + " and event_type like ? and completion_date is not null");
        for (int i = 0; i < keys.length; i++) {
            sql.append(" and serialized_event like ?");
        }
        JdbcClient.StatementSpec query = jdbc.sql(sql.toString()).param("%." + listener + ".%")
                .param("%." + event.getSimpleName());
        for (Object key : keys) {
            query = query.param("%" + key + "%");
        }
        return query.query(Long.class).single();
    }

    /**
     * A scenario's stimulus: the same event delivered twice to the listener, one delivery after the other, as the
     * publication registry delivers one again after a crash or a resubmission: published in a transaction of its own,
     * then again once the listener has finished with the first (the event's keys as for {@link #handled}). Answers the
     * event.
     */
    <E> BiFunction<TransactionOperations, ApplicationEventPublisher, E> twice(E event, String listener, Object... keys) {
        return (transactions, events) -> {
            long before = handled(listener, event.getClass(), keys);
            transactions.executeWithoutResult(status -> events.publishEvent(event));
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> handled(listener, event.getClass(), keys) > before);
            transactions.executeWithoutResult(status -> events.publishEvent(event));
            return event;
        };
    }

    /** A scenario's stimulus: each event published in a transaction of its own. Answers nothing. */
    static BiFunction<TransactionOperations, ApplicationEventPublisher, Void> each(Object... published) {
        return (transactions, events) -> {
            for (Object event : published) {
                transactions.executeWithoutResult(status -> events.publishEvent(event));
            }
            return null;
        };
    }
}
