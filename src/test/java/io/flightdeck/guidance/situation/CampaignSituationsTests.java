package io.flightdeck.guidance.situation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.flightdeck.guidance.recommendations.CampaignRecommendations;
import io.flightdeck.guidance.recommendations.CampaignSituation;
import io.flightdeck.guidance.recommendations.CampaignSituation.FailedSend;
import io.flightdeck.guidance.recommendations.Recommendation;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The situation gathered from email on crafted rows: a send with two recipients that failed (one error twice) and one
 * that went out gives one failed send with the commonest error, and the send recovery it calls for; a campaign of
 * another workspace is not found.
 */
@FlightdeckTest
class CampaignSituationsTests {

    @Autowired
    CampaignSituations situations;
    @Autowired
    CampaignRecommendations recommendations;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    TestCampaigns campaigns;
    @Autowired
    JdbcClient jdbc;

    @Test
    void failedRecipientsMakeAFailedSendWithItsCommonestError() {
        Member owner = workspaces.workspace("Situation of sends");
        UUID campaign = UUID.fromString(campaigns.create(owner, "Newsletter campaign"));
        UUID send = emailCampaign(owner, campaign, "March newsletter");
        recipient(owner, send, "FAILED", "mailbox full");
        recipient(owner, send, "FAILED", "mailbox full");
        recipient(owner, send, "FAILED", "unknown user");
        recipient(owner, send, "SENT", null);
        UUID quiet = emailCampaign(owner, campaign, "All went out");
        recipient(owner, quiet, "SENT", null);

        CampaignSituation situation = workspaces.as(owner, () -> situations.of(campaign));

        assertThat(situation.failedSends()).containsExactly(new FailedSend(send, "March newsletter", 3,
                "mailbox full"));
        assertThat(situation.troubledPosts()).isEmpty();
        assertThat(situation.channels()).isEmpty();
        List<Recommendation> found = workspaces.as(owner, () -> recommendations.recommend(situation));
        assertThat(found).extracting(Recommendation::ruleId).containsExactly("failed-send-recovery");
        assertThat(found.get(0).action().link()).isEqualTo("/email/campaigns/" + send);

        Member stranger = workspaces.workspace("Situation elsewhere");
        assertThatThrownBy(() -> workspaces.as(stranger, () -> situations.of(campaign)))
                .isInstanceOf(NotFoundException.class);
        UUID theirs = UUID.fromString(campaigns.create(stranger, "Theirs"));
        assertThat(workspaces.as(stranger, () -> situations.of(theirs)).failedSends()).isEmpty();
    }

    private UUID emailCampaign(Member owner, UUID campaign, String name) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("insert into email_campaigns (id, tenant_id, campaign_id, name, subject, html, list_ids, status,"
                + " recipient_zone, blockers, created_by, created_at, updated_at, version)"
                + " values (?, ?, ?, ?, 'Hello', '<p>Hi</p>', json '[]', 'SENT', false, json '[]', ?, ?, ?, 0)")
                .params(id, owner.workspaceId(), campaign, name, owner.userId(), now, now).update();
        return id;
    }

    private void recipient(Member owner, UUID send, String state, String error) {
        UUID contact = UUID.randomUUID();
        String address = contact + "@example.com";
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("insert into email_contacts (id, tenant_id, email, email_key, attributes, status, status_changed_at,"
                + " created_at, updated_at, version) values (?, ?, ?, ?, json '{}', 'SUBSCRIBED', ?, ?, ?, 0)")
                .params(contact, owner.workspaceId(), address, address, now, now, now).update();
        jdbc.sql("insert into email_recipients (id, tenant_id, email_campaign_id, contact_id, address, state, attempts,"
                + " next_attempt_at, error, permanent, updated_at) values (?, ?, ?, ?, ?, ?, 1, ?, ?, false, ?)")
                .params(UUID.randomUUID(), owner.workspaceId(), send, contact, address, state, now, error, now)
                .update();
    }
}
