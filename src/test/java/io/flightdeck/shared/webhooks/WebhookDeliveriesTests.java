package io.flightdeck.shared.webhooks;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.flightdeck.support.FlightdeckTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Deliveries by id on the application's database: once each, not remembered when handling failed, forgotten later. */
@FlightdeckTest
class WebhookDeliveriesTests {

    @Autowired
    WebhookDeliveries deliveries;
    @Autowired
    JdbcClient jdbc;

    private static String id() {
        return "msg_" + UUID.randomUUID();
    }

    private long rows(String source, String id) {
        return jdbc.sql("select count(*) from webhook_deliveries where source = ? and delivery_id = ?")
                .params(source, id).query(Long.class).single();
    }

    @Test
    void aDeliveryIsAppliedOnceAndItsResendIsIgnored() {
        AtomicInteger applied = new AtomicInteger();
        String id = id();
        assertThat(deliveries.once("test-sender", id, applied::incrementAndGet)).isTrue();
        assertThat(deliveries.once("test-sender", id, applied::incrementAndGet)).isFalse();
        assertThat(applied).hasValue(1);
        // the same id from another sender is another delivery
        assertThat(deliveries.once("other-sender", id, applied::incrementAndGet)).isTrue();
        assertThat(applied).hasValue(2);
    }

    @Test
    void aDeliveryWhoseHandlingFailedIsNotRememberedSoItsResendIsApplied() {
        String id = id();
        assertThatThrownBy(() -> deliveries.once("test-sender", id, () -> {
            throw new IllegalStateException("the database went away");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(rows("test-sender", id)).isZero();
        AtomicInteger applied = new AtomicInteger();
        assertThat(deliveries.once("test-sender", id, applied::incrementAndGet)).isTrue();
        assertThat(applied).hasValue(1);
    }

    @Test
    void twoCopiesArrivingAtOnceAreAppliedOnce() throws Exception {
        String id = id();
        AtomicInteger applied = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> copies = List.of(1, 2).stream().map(n -> pool.submit(() -> {
                start.await();
                return deliveries.once("test-sender", id, () -> {
                    applied.incrementAndGet();
                    sleep(200); // hold the transaction open while the other copy arrives
                });
            })).toList();
            start.countDown();
            long appliedCopies = 0;
            for (Future<Boolean> copy : copies) {
                appliedCopies += copy.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(appliedCopies).isEqualTo(1);
            assertThat(applied).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anIdLongerThanTheColumnIsKeptAsItsHash() {
        String id = "x".repeat(500) + UUID.randomUUID();
        assertThat(deliveries.once("test-sender", id, () -> { })).isTrue();
        assertThat(deliveries.once("test-sender", id, () -> { })).isFalse();
        assertThat(deliveries.once("test-sender", id + "!", () -> { })).isTrue();
    }

    @Test
    void oldIdsAreForgottenByARecurringTask() {
        String old = id();
        String recent = id();
        Instant now = Instant.now();
        jdbc.sql("insert into webhook_deliveries (source, delivery_id, received_at) values (?, ?, ?)")
                .params("test-sender", old, Timestamp.from(now.minus(Duration.ofDays(8)))).update();
        jdbc.sql("insert into webhook_deliveries (source, delivery_id, received_at) values (?, ?, ?)")
                .params("test-sender", recent, Timestamp.from(now.minus(Duration.ofDays(6)))).update();

        assertThat(deliveries.forgetReceivedBefore(now.minus(Duration.ofDays(7)))).isPositive();
        assertThat(rows("test-sender", old)).isZero();
        assertThat(rows("test-sender", recent)).isOne();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql(
                "select task_name from scheduled_tasks").query(String.class).list()).contains("forget-old-webhook-deliveries"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
