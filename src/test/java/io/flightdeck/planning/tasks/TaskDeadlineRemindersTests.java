package io.flightdeck.planning.tasks;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.MutableClock;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Deadline reminders: an assigned task due tomorrow tells its assignee once, and once more when it is overdue (a moved
 * clock); a cancelled task and another workspace hear nothing, and the sweep repeated raises nothing new.
 */
@FlightdeckTest
class TaskDeadlineRemindersTests {

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    TestCampaigns campaigns;
    @Autowired
    MutableClock clock;
    @Autowired
    TaskDeadlines deadlines;

    @Test
    void dueTomorrowThenOverdueEachOnceForTheAssignee() {
        Member owner = workspaces.workspace("Deadlines");
        Member ann = workspaces.addMember(owner, Role.CONTRIBUTOR);
        Member outsider = workspaces.workspace("Other deadlines");
        String campaign = campaigns.create(owner, "Deadline campaign");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String open = task(owner, campaign, "Brief the studio", today, ann);
        String cancelled = task(owner, campaign, "Book the venue", today, ann);
        assertThat(api.as(owner).post("/api/v1/tasks/" + cancelled + "/status", Map.of("status", "cancelled")))
                .hasStatusOk();
        try {
            deadlines.remindAll();
            await().atMost(Duration.ofSeconds(30)).until(() -> titles(ann).contains("Due tomorrow: Brief the studio"));
            assertThat(deadlines.remindAll()).as("told already").isZero();

            clock.advance(Duration.ofDays(2));
            assertThat(deadlines.remindAll()).isPositive();
            await().atMost(Duration.ofSeconds(30)).until(() -> titles(ann).size() >= 4);
            assertThat(deadlines.remindAll()).isZero();
            assertThat(titles(ann)).contains("Overdue since " + today.plusDays(1) + ": Brief the studio")
                    .noneMatch(t -> t.contains("Book the venue") && !t.startsWith("Task for you"));
            assertThat(Json.<String>read(api.as(ann).get("/api/v1/notifications"), "$.items[0].link"))
                    .isEqualTo("/tasks/" + open);
            assertThat(titles(outsider)).isEmpty();
        } finally {
            clock.reset();
        }
    }

    private String task(Member owner, String campaign, String title, LocalDate start, Member assignee) {
        String id = Json.read(api.as(owner).post("/api/v1/campaigns/" + campaign + "/tasks", Map.of("title", title,
                "startDate", start.toString(), "dueDate", start.plusDays(1).toString())), "$.id");
        api.as(owner).put("/api/v1/tasks/" + id + "/assignee", Map.of("assigneeId", assignee.userId()));
        return id;
    }

    private List<String> titles(Member member) {
        return Json.read(api.as(member).get("/api/v1/notifications?size=50"), "$.items[*].title");
    }
}
