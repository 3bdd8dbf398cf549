package io.flightdeck.approvals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignJournal;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.tenancy.TenantScope;
import io.flightdeck.strategy.StrategyRequests;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Approval decisions and strategy saves appear in the campaign's activity feed as sentences, once each, through
 * campaigns' {@link CampaignJournal}.
 */
@FlightdeckTest
class ApprovalActivityTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    CampaignJournal journal;

    private List<String> feed(ApprovalRequests api, Member as, String campaign) {
        return Json.read(api.get(as, ApprovalRequests.CAMPAIGNS + "/" + campaign + "/activity?size=100"),
                "$.items[*].sentence");
    }

    @Test
    void everyDecisionAndEveryStrategySaveReadsAsASentence() {
        ApprovalRequests api = new ApprovalRequests(mvc);
        StrategyRequests strategies = new StrategyRequests(mvc);
        Member owner = workspaces.workspace("Activity sentences");
        Member contributor = workspaces.addMember(owner, Role.CONTRIBUTOR);
        Member approver = workspaces.addMember(owner, Role.APPROVER);
        Member standIn = workspaces.addMember(owner, Role.CONTRIBUTOR);
        api.rename(owner, "Olga Owner");
        api.rename(contributor, "Carl Contributor");
        api.rename(approver, "Dana Diaz");
        api.rename(standIn, "Sam Stand");
        String campaign = api.campaign(owner, "Feed campaign");

        // a refused save writes nothing; a good one writes its line (from an event, so a moment later)
        assertThat(strategies.save(contributor, campaign, "{\"platforms\":[\"CARRIER_PIGEON\"]}")).hasStatus(400);
        assertThat(strategies.saveVersion(contributor, campaign, StrategyRequests.FULL)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(feed(api, owner, campaign))
                .contains("Carl Contributor saved the first strategy (version 1)"));

        api.initialized(contributor, campaign);
        String strategy = api.scopeId(owner, campaign, "strategy");
        String content = api.scopeId(owner, campaign, "content");
        String schedule = api.scopeId(owner, campaign, "schedule");
        assertThat(feed(api, owner, campaign)).contains("Carl Contributor requested approval of the strategy (version 1)",
                "Carl Contributor requested approval of the Content scope");

        assertThat(api.approve(approver, strategy, "Clear goals")).hasStatusOk();
        assertThat(api.reject(approver, content, null)).hasStatus(400); // no reason: nothing decided, nothing written
        assertThat(api.reject(approver, content, "The hero copy promises a discount")).hasStatusOk();
        assertThat(api.post(contributor, ApprovalRequests.APPROVALS + "/" + content + "/comments",
                "{\"body\":\"Fixed the copy\"}")).hasStatus(201);
        assertThat(api.requestReview(contributor, content, "Discount removed")).hasStatusOk();

        // Dana is away: Sam approves for her
        assertThat(api.post(approver, "/api/v1/approval-delegations", "{\"delegateId\":\"%s\",\"endsAt\":\"%s\"}"
                .formatted(standIn.userId(), Instant.now().plus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS))))
                .hasStatus(201);
        assertThat(api.approve(standIn, schedule)).hasStatusOk();

        List<String> sentences = feed(api, owner, campaign);
        assertThat(sentences).contains(
                "Dana Diaz approved the strategy (version 1): “Clear goals”",
                "Dana Diaz rejected the Content scope: “The hero copy promises a discount”",
                "Carl Contributor commented on the Content scope: “Fixed the copy”",
                "Carl Contributor addressed the feedback on the Content scope and asked for another review: “Discount removed”",
                "Sam Stand for Dana Diaz approved the Schedule scope");
        assertThat(sentences).filteredOn(s -> s.contains("rejected")).hasSize(1);

        // a second save supersedes the first, and the strategy approval goes back to review
        assertThat(strategies.saveVersion(contributor, campaign, StrategyRequests.FULL.replace("300 sales", "400 sales")))
                .isEqualTo(2);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(feed(api, owner, campaign))
                .contains("Carl Contributor saved the strategy (version 2, replacing version 1)")
                .anyMatch(s -> s.contains("sent the strategy (version 2) back for review")));
    }

    @Test
    void theJournalWritesEachKeyOnceAndRefusesIncompleteLines() {
        ApprovalRequests api = new ApprovalRequests(mvc);
        Member owner = workspaces.workspace("Journal keys");
        String campaign = api.campaign(owner, "Keyed campaign");
        UUID id = UUID.fromString(campaign);
        Instant now = Instant.now();

        TenantScope.run(owner.workspaceId(), () -> {
            assertThat(journal.record(id, "test:once", owner.userId(), "Olga", "test.once", "did it once", now)).isTrue();
            assertThat(journal.record(id, "test:once", owner.userId(), "Olga", "test.once", "did it once", now)).isFalse();
            assertThat(journal.record(UUID.randomUUID(), "test:gone", null, "Olga", "test.gone", "on nothing", now))
                    .isFalse();
            assertThatThrownBy(() -> journal.record(id, " ", null, "Olga", "test.blank", "no key", now))
                    .isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> journal.record(id, "test:no-summary", null, "Olga", "test.blank", " ", now))
                    .isInstanceOf(InvalidInputException.class);
        });
        assertThat(feed(api, owner, campaign)).filteredOn("Olga did it once"::equals).hasSize(1);
        // another workspace's key does not hide this one: keys are per workspace
        Member other = workspaces.workspace("Journal keys elsewhere");
        String theirs = api.campaign(other, "Their campaign");
        TenantScope.run(other.workspaceId(), () -> assertThat(journal.record(UUID.fromString(theirs), "test:once",
                other.userId(), "Otto", "test.once", "did it too", now)).isTrue());
    }
}
