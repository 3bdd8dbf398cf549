package io.flightdeck.analytics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.flightdeck.analytics.Rollups.Change;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rollups fold a workspace's changes in parts of whole campaigns of about 500 changes, in the order read. */
class RollupPartsTests {

    private static final UUID TENANT = UUID.randomUUID();

    @Test
    void partsHoldWholeCampaignsUpToTheirSizeAndABigCampaignGoesAlone() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        UUID d = UUID.randomUUID();
        List<Change> changes = new ArrayList<>();
        changes.addAll(changes(a, 300));
        changes.addAll(changes(b, 150));
        changes.addAll(changes(a, 10));
        changes.addAll(changes(c, 100));
        changes.addAll(changes(d, 700));

        List<List<Change>> parts = Rollups.byCampaignInParts(changes);

        assertThat(parts).extracting(List::size).containsExactly(460, 100, 700);
        assertThat(parts.get(0)).extracting(Change::campaignId).containsOnly(a, b);
        assertThat(parts.get(1)).extracting(Change::campaignId).containsOnly(c);
        assertThat(parts.get(2)).extracting(Change::campaignId).containsOnly(d);
        assertThat(parts.stream().flatMap(List::stream).map(Change::id)).containsExactlyInAnyOrderElementsOf(
                changes.stream().map(Change::id).toList());
        assertThat(Rollups.byCampaignInParts(List.of())).isEmpty();
    }

    private static long next;

    private static List<Change> changes(UUID campaign, int count) {
        List<Change> made = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            made.add(new Change(next++, TENANT, campaign, "DAY", Instant.EPOCH));
        }
        return made;
    }
}
