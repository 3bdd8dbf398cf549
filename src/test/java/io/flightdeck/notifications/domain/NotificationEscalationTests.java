package io.flightdeck.notifications.domain;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.campaigns.Channel;
import io.flightdeck.publishing.PostBlocked;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.tenancy.TenantScope;
import io.flightdeck.notifications.SlackSetup;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.WebSessions;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A blocker reaches followers in the app; one still unseen four hours later follows by email, once, saying why. A
 * member who saw it gets no email, and one who switched that email off themself is not overruled.
 */
@FlightdeckTest
class NotificationEscalationTests {

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    TestCampaigns campaigns;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Escalations escalations;
    @Autowired
    MockMvcTester mvc;
    @Autowired
    WebSessions web;


    @Test
    void anUnseenBlockerFollowsByEmailOnceAfterFourHoursButNotForWhoSawItOrSaidNo() {
        Member owner = workspaces.workspace("Escalations");
        Member ann = workspaces.addMember(owner, Role.CONTRIBUTOR);
        Member bob = workspaces.addMember(owner, Role.CONTRIBUTOR);
        Member cem = workspaces.addMember(owner, Role.CONTRIBUTOR);
        String campaign = campaigns.create(owner, "Blocked campaign");
        for (Member m : List.of(ann, bob, cem)) {
            api.as(m).put("/api/v1/campaigns/" + campaign + "/follow", Map.of());
        }
        api.as(cem).patch("/api/v1/notifications/preferences", Map.of("changes",
                List.of(Map.of("category", "CAMPAIGNS", "channel", "EMAIL", "mode", "OFF"))));

        Instant before = Instant.now();
        transactions.executeWithoutResult(tx -> events.publishEvent(new PostBlocked(owner.workspaceId(), UUID.randomUUID(),
                UUID.randomUUID(), UUID.fromString(campaign), Channel.LINKEDIN, "Spring teaser",
                List.of("The content review is waiting."), "/campaigns/" + campaign + "/approvals", Instant.now())));
        await().atMost(Duration.ofSeconds(30)).until(() -> item(ann) != null && item(bob) != null && item(cem) != null);

        for (Member watched : List.of(ann, bob)) {
            Timestamp due = jdbc.queryForObject("select execution_time from scheduled_tasks where task_name = "
                    + "'notification-escalation' and task_instance = ?", Timestamp.class, item(watched));
            assertThat(due.toInstant()).isBetween(before.plus(Duration.ofHours(4)),
                    Instant.now().plus(Duration.ofHours(4)));
        }
        assertThat(jdbc.queryForObject("select count(*) from scheduled_tasks where task_name = 'notification-escalation' "
                + "and task_instance = ?", Integer.class, item(cem))).as("cem said no to this email").isZero();

        api.as(bob).post("/api/v1/notifications/seen");
        assertThat(escalate(bob)).as("bob saw it").isFalse();
        assertThat(escalate(ann)).isTrue();
        assertThat(escalate(ann)).as("once").isFalse();
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(Json.read(
                api.as(ann).get("/api/v1/notifications"), "$.items[0].deliveries[0].status")));
        assertThat((String) Json.read(api.as(ann).get("/api/v1/notifications"), "$.items[0].deliveries[0].source"))
                .isEqualTo("ESCALATION");
        assertThat(Json.<List<String>>read(api.as(owner).get("/api/v1/mail-outbox?size=50"), "$.items[*].to"))
                .contains(ann.email()).doesNotContain(bob.email(), cem.email());
    }

    @Test
    void aMemberLinkedToSlackIsFollowedThereTooOnChannelsADefaultKeepsOff() {
        Member owner = workspaces.workspace("Slack escalations");
        Member ann = workspaces.addMember(owner, Role.CONTRIBUTOR);
        SlackSetup slack = new SlackSetup(mvc, api, web);
        slack.install(owner);
        String slackUser = "UES" + Long.toHexString(System.nanoTime()).toUpperCase();
        slack.link(ann, slackUser, "Ann Escalated");
        String campaign = campaigns.create(owner, "Slack blocked campaign");
        api.as(ann).put("/api/v1/campaigns/" + campaign + "/follow", Map.of());

        transactions.executeWithoutResult(tx -> events.publishEvent(new PostBlocked(owner.workspaceId(), UUID.randomUUID(),
                UUID.randomUUID(), UUID.fromString(campaign), Channel.LINKEDIN, "Spring teaser",
                List.of("The content review is waiting."), "/campaigns/" + campaign + "/approvals", Instant.now())));
        await().atMost(Duration.ofSeconds(30)).until(() -> item(ann) != null);
        assertThat(Json.<List<Object>>read(api.as(ann).get("/api/v1/notifications"), "$.items[0].deliveries"))
                .as("a blocked campaign reaches her in the app only, by default").isEmpty();
        assertThat(escalate(ann)).isTrue();
        assertThat(escalate(ann)).as("once").isFalse();
        await().atMost(Duration.ofSeconds(30)).until(() -> SlackSetup.SLACK.messagesIn("D" + slackUser.substring(1)).size() == 1);
        assertThat(Json.<List<String>>read(api.as(ann).get("/api/v1/notifications"), "$.items[0].deliveries[*].channel"))
                .containsExactlyInAnyOrder("EMAIL", "SLACK");
        assertThat(Json.<List<String>>read(api.as(ann).get("/api/v1/notifications"), "$.items[0].deliveries[*].source"))
                .containsOnly("ESCALATION");
    }

    /** The item's id is read first: a request made inside the scope would end it. */
    private boolean escalate(Member member) {
        UUID id = UUID.fromString(item(member));
        return TenantScope.call(member.workspaceId(), () -> escalations.escalate(id));
    }

    private String item(Member member) {
        List<String> ids = Json.read(api.as(member).get("/api/v1/notifications"), "$.items[*].id");
        return ids.isEmpty() ? null : ids.get(0);
    }
}
