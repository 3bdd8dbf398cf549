package io.flightdeck.support;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.campaigns.ReadinessCheck;
import io.flightdeck.campaigns.ReadinessItem;

/**
 * A readiness check that reports nothing and counts the campaigns it is asked about, so a test can tell how often a
 * page or a request ran the checks. It lives in the shared context (a bean of its own would make a context of its
 * own), where it changes no campaign's readiness.
 */
public class CountingReadinessCheck implements ReadinessCheck {

    private final Map<UUID, AtomicInteger> asked = new ConcurrentHashMap<>();

    @Override
    public List<ReadinessItem> check(CampaignSnapshot campaign) {
        asked.computeIfAbsent(campaign.id(), id -> new AtomicInteger()).incrementAndGet();
        return List.of();
    }

    /** How often the checks were run for the campaign so far. */
    public int asked(String campaignId) {
        AtomicInteger n = asked.get(UUID.fromString(campaignId));
        return n == null ? 0 : n.get();
    }
}
