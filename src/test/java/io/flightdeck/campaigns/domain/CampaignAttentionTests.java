package io.flightdeck.campaigns.domain;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignPriority;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.campaigns.CampaignStatus;
import io.flightdeck.campaigns.CampaignType;
import io.flightdeck.campaigns.Channel;
import io.flightdeck.campaigns.ReadinessItem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** When a campaign needs its owner on the home page, and the reason it gives. */
class CampaignAttentionTests {

    private static final LocalDate TODAY = LocalDate.of(2031, 3, 1);

    @Test
    void anOpenBlockingItemBlocksWhateverTheScoreAndNamesTheItems() {
        Readiness readiness = Readiness.of(List.of(
                item("approvals.content", "Content approved", false, 0, true, "/campaigns/x#approvals"),
                item("approvals.ads", "Ads approved", false, 0, true, "/campaigns/x#approvals"),
                item("campaign.dates", "Start and end dates", true, 100, false, null)), 80);
        Optional<CampaignAttention.Item> item = CampaignAttention.attention(campaign(TODAY.plusDays(90)), readiness, TODAY);
        assertThat(item).get().satisfies(i -> {
            assertThat(i.blocked()).isTrue();
            assertThat(i.reason()).isEqualTo("Blocked by 2 open items: Content approved, Ads approved");
            assertThat(i.fixLabel()).isEqualTo("Content approved");
            assertThat(i.fixLink()).isEqualTo("/campaigns/x#approvals");
        });
    }

    @Test
    void belowTheThresholdIsAtRiskOnlyNearTheStart() {
        Readiness low = Readiness.of(List.of(item("campaign.budget", "Budget", false, 50, false, null),
                item("campaign.dates", "Start and end dates", true, 50, false, null)), 80);
        assertThat(CampaignAttention.attention(campaign(TODAY.plusDays(15)), low, TODAY)).isEmpty();
        assertThat(CampaignAttention.attention(campaign(TODAY.plusDays(14)), low, TODAY)).get()
                .satisfies(i -> {
                    assertThat(i.blocked()).isFalse();
                    assertThat(i.kind()).isEqualTo("at-risk");
                    assertThat(i.reason()).isEqualTo("Readiness 50 % of the 80 % needed, starts in 14 days");
                });
        assertThat(CampaignAttention.attention(campaign(TODAY.plusDays(1)), low, TODAY)).get()
                .extracting(CampaignAttention.Item::reason).asString().endsWith("starts tomorrow");
        assertThat(CampaignAttention.attention(campaign(null), low, TODAY)).isEmpty();
    }

    @Test
    void aPassedStartDateWithoutLaunchIsAtRiskEvenWhenReady() {
        Readiness ready = Readiness.of(List.of(item("campaign.dates", "Start and end dates", true, 100, false, null)), 80);
        assertThat(CampaignAttention.attention(campaign(TODAY.plusDays(3)), ready, TODAY)).isEmpty();
        assertThat(CampaignAttention.attention(campaign(TODAY.minusDays(2)), ready, TODAY)).get()
                .extracting(CampaignAttention.Item::reason).asString()
                .isEqualTo("Was to start on 27 Feb and is not launched; readiness 100 % of the 80 % needed");
    }

    private static ReadinessItem item(String key, String label, boolean done, int weight, boolean blocking, String fix) {
        return new ReadinessItem(key, label, done, weight, blocking, done ? "Done" : "Missing", fix);
    }

    private static CampaignSnapshot campaign(LocalDate start) {
        return new CampaignSnapshot(UUID.randomUUID(), UUID.randomUUID(), "Spring launch", null, CampaignType.OTHER, null,
                CampaignPriority.MEDIUM, CampaignStatus.PLANNING, EnumSet.noneOf(Channel.class), Set.of(), start,
                start == null ? null : start.plusDays(30), null, UUID.randomUUID());
    }
}
