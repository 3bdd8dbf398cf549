package io.flightdeck.shared;

import java.time.Duration;
import java.util.List;

import com.github.kagkarlsson.scheduler.Scheduler;
import io.flightdeck.support.FlightdeckTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** db-scheduler runs on the application database with the project's recurring tasks; events have their registry table. */
@FlightdeckTest
class JobsAndEventsWiringTests {

    @Autowired
    Scheduler scheduler;
    @Autowired
    JdbcClient jdbc;

    @Test
    void recurringTasksAreScheduledInTheDatabase() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<String> tasks = jdbc.sql("select task_name from scheduled_tasks").query(String.class).list();
            assertThat(tasks).contains("resubmit-incomplete-events", "retention-purge", "forget-old-sign-in-failures");
        });
        assertThat(scheduler.getSchedulerState().isStarted()).isTrue();
    }

    @Test
    void theEventPublicationRegistryTableExists() {
        assertThat(jdbc.sql("select count(*) from event_publication").query(Integer.class).single()).isNotNegative();
    }
}
