package io.flightdeck.guidance.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.campaigns.ReadinessCheck;
import io.flightdeck.campaigns.ReadinessItem;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebSessions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The campaign's overview shows the readiness card and the guidance card from one pass over the readiness checks: a
 * check counts how often it is asked about each campaign.
 */
@FlightdeckTest
@Import(OverviewChecksOnceTests.Counting.class)
class OverviewChecksOnceTests {

    @TestConfiguration(proxyBeanMethods = false)
    static class Counting {

        @Bean
        CountingCheck countingCheck() {
            return new CountingCheck();
        }
    }

    /** Reports nothing; counts the campaigns it is asked about. */
    static class CountingCheck implements ReadinessCheck {

        final Map<UUID, AtomicInteger> asked = new ConcurrentHashMap<>();

        @Override
        public List<ReadinessItem> check(CampaignSnapshot campaign) {
            asked.computeIfAbsent(campaign.id(), id -> new AtomicInteger()).incrementAndGet();
            return List.of();
        }

        int asked(String campaignId) {
            AtomicInteger n = asked.get(UUID.fromString(campaignId));
            return n == null ? 0 : n.get();
        }
    }

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    TestCampaigns campaigns;
    @Autowired
    WebSessions web;
    @Autowired
    CountingCheck check;

    @Test
    void oneOverviewAsksTheChecksOnceForBothCards() {
        Member owner = workspaces.workspace("Checks once");
        String campaign = campaigns.create(owner, "Asked once");
        MockHttpSession session = web.signIn(owner);
        int before = check.asked(campaign);

        String page = web.page(session, "/campaigns/" + campaign);

        assertThat(check.asked(campaign) - before).as("checks asked for the overview").isEqualTo(1);
        // both cards are on the page, the guidance card filled in the same request and still reloading itself
        assertThat(page).contains("id=\"readiness\"").contains("<h2>Guidance</h2>")
                .contains("id=\"guidance-summary\"").contains("<h3>Budget</h3>").contains("Set a budget")
                .contains("hx-get=\"/campaigns/" + campaign + "/guidance/panel\"");
    }

    @Test
    void eachRequestAsksAgainSoAReloadSeesWhatChanged() {
        Member owner = workspaces.withoutApprovals("Checks again");
        String campaign = campaigns.create(owner, "Asked again");
        MockHttpSession session = web.signIn(owner);
        int before = check.asked(campaign);

        web.page(session, "/campaigns/" + campaign);
        web.fragment(session, "/campaigns/" + campaign + "/guidance/panel");
        web.fragment(session, "/campaigns/" + campaign + "/readiness");

        assertThat(check.asked(campaign) - before).as("one page view, then each card's reload").isEqualTo(3);
    }
}
