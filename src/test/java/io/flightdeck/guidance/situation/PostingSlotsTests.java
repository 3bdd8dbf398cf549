package io.flightdeck.guidance.situation;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import io.flightdeck.guidance.recommendations.CampaignSituation.PostingSlot;
import io.flightdeck.publishing.PostingRecord.PublishedPost;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The workspace's published posts counted per weekday and hour of its time zone, with their clicks. */
class PostingSlotsTests {

    @Test
    void postsAreCountedInTheWorkspacesWeekdayAndHour() {
        ZoneId paris = ZoneId.of("Europe/Paris");
        // Tuesday 2027-03-02 08:30 UTC is 09:30 in Paris; 23:10 UTC on Monday is already Tuesday 00:10 there
        List<PostingSlot> slots = CampaignSituations.slots(List.of(
                new PublishedPost(Instant.parse("2027-03-02T08:30:00Z"), 12),
                new PublishedPost(Instant.parse("2027-03-09T08:05:00Z"), 8),
                new PublishedPost(Instant.parse("2027-03-01T23:10:00Z"), 3),
                // a network that lowered its count never makes a slot's clicks negative
                new PublishedPost(Instant.parse("2027-03-16T08:59:00Z"), -4)), paris);

        assertThat(slots).containsExactlyInAnyOrder(
                new PostingSlot(DayOfWeek.TUESDAY, 9, 3, 20),
                new PostingSlot(DayOfWeek.TUESDAY, 0, 1, 3));
    }

    @Test
    void noPostsNoSlots() {
        assertThat(CampaignSituations.slots(List.of(), ZoneId.of("UTC"))).isEmpty();
    }
}
