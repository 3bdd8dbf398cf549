package io.flightdeck.guidance.recommendations;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class BestPostingTimesRuleTests {

    private static final String RULE = "best-posting-times";

    /** Three slots at 3 clicks per post and Monday 22:00 at {@code mondayClicks} per ten posts: 40 posts in all. */
    private static Situations workspace(long mondayClicks) {
        return Situations.campaign()
                .slot(TUESDAY, 10, 10, 30).slot(WEDNESDAY, 9, 10, 30).slot(THURSDAY, 14, 10, 30)
                .slot(MONDAY, 22, 10, mondayClicks);
    }

    @Test
    void postsOutsideTheBestSlotsAreToMoveWhenTheBestEarnHalfAgainAsMuch() {
        UUID campaign = UUID.randomUUID();
        UUID late = UUID.randomUUID();
        UUID best = UUID.randomUUID();
        List<Recommendation> found = workspace(20).id(campaign)
                .scheduled(late, MONDAY, 22).scheduled(best, TUESDAY, 10).by(RULE);

        assertThat(found).singleElement().satisfies(r -> {
            String posts = "/campaigns/" + campaign + "/tabs/posts#social";
            assertThat(r.consequence()).isEqualTo(Consequence.NICE_TO_HAVE);
            assertThat(r.target()).isEqualTo(new ObjectRef("campaign-posts", campaign.toString(),
                    "Posts of Spring push", posts));
            assertThat(r.what()).isEqualTo("Move 1 post to the workspace's best hours: "
                    + "Tuesday 10:00, Wednesday 09:00 and Thursday 14:00");
            assertThat(r.why()).isEqualTo("Over the workspace's last 40 posts, posts at those hours earned 3.0 clicks "
                    + "each, against 2.0 at the hours 1 post of this campaign's 2 posts are scheduled for.");
            assertThat(r.effect()).isEqualTo("Each post moved should earn about 3.0 clicks instead of 2.0.");
            assertThat(r.action().link()).isEqualTo(posts);
            assertThat(r.evidence()).extracting(Evidence::label, Evidence::value, Evidence::link).containsExactly(
                    tuple("Best slot: Tuesday 10:00", "3.0 clicks per post over 10 posts", "/social/calendar"),
                    tuple("Best slot: Wednesday 09:00", "3.0 clicks per post over 10 posts", "/social/calendar"),
                    tuple("Best slot: Thursday 14:00", "3.0 clicks per post over 10 posts", "/social/calendar"),
                    tuple("Facebook post on Monday 22:00", "usually 2.0 clicks per post in this slot",
                            "/social/channel-posts/" + late + "/preview"));
        });
    }

    @Test
    void lessThanHalfAgainAsMuchIsNotWorthTheMove() {
        UUID late = UUID.randomUUID();
        assertThat(workspace(21).scheduled(late, MONDAY, 22).by(RULE)).isEmpty(); // 3.0 against 2.1: 43 %
        assertThat(workspace(20).scheduled(late, MONDAY, 22).by(RULE)).hasSize(1); // exactly 50 %
    }

    @Test
    void aWorkspaceWithFewerThanThirtyPublishedPostsHasNoBestHoursYet() {
        UUID late = UUID.randomUUID();
        Situations few = Situations.campaign().slot(TUESDAY, 10, 7, 21).slot(WEDNESDAY, 9, 7, 21)
                .slot(THURSDAY, 14, 7, 21).slot(MONDAY, 22, 8, 0).scheduled(late, MONDAY, 22);
        assertThat(few.by(RULE)).isEmpty();
        Situations enough = Situations.campaign().slot(TUESDAY, 10, 7, 21).slot(WEDNESDAY, 9, 7, 21)
                .slot(THURSDAY, 14, 7, 21).slot(MONDAY, 22, 9, 0).scheduled(late, MONDAY, 22);
        assertThat(enough.by(RULE)).hasSize(1);
    }

    @Test
    void aSlotWithFewerThanFivePostsIsNeverABestSlotAndCountsAtTheWorkspacesOverallRate() {
        // Friday 17:00 earned 10 clicks per post, but over 4 posts only
        List<Recommendation> found = workspace(0).slot(FRIDAY, 17, 4, 40).scheduled(UUID.randomUUID(), MONDAY, 22)
                .by(RULE);
        assertThat(found.get(0).what()).endsWith(": Tuesday 10:00, Wednesday 09:00 and Thursday 14:00");

        // a post on a slot of 4 posts without clicks counts at the overall 90 / 44 = 2.05, not at 0: 47 % less than 3.0
        assertThat(workspace(0).slot(FRIDAY, 17, 4, 0).scheduled(UUID.randomUUID(), FRIDAY, 17).by(RULE)).isEmpty();
        assertThat(workspace(0).slot(FRIDAY, 17, 5, 0).scheduled(UUID.randomUUID(), FRIDAY, 17).by(RULE)).hasSize(1);
    }

    @Test
    void nothingToMoveWhenEveryPostIsInABestSlot() {
        assertThat(workspace(0).scheduled(UUID.randomUUID(), TUESDAY, 10).by(RULE)).isEmpty();
        assertThat(workspace(0).by(RULE)).isEmpty();
    }

    @Test
    void itAppliesBeforeLaunchToo() {
        assertThat(workspace(0).status("READY").scheduled(UUID.randomUUID(), MONDAY, 22).by(RULE)).hasSize(1);
        assertThat(workspace(0).status("COMPLETED").scheduled(UUID.randomUUID(), MONDAY, 22).by(RULE)).isEmpty();
    }

    @Test
    void theFingerprintIsTheBestSlotsAndHowManyPostsToMoveInPowersOfTwo() {
        String two = workspace(0).scheduled(UUID.randomUUID(), MONDAY, 22).scheduled(UUID.randomUUID(), MONDAY, 22)
                .by(RULE).get(0).fingerprint();
        String three = workspace(0).scheduled(UUID.randomUUID(), MONDAY, 22).scheduled(UUID.randomUUID(), MONDAY, 22)
                .scheduled(UUID.randomUUID(), MONDAY, 22).by(RULE).get(0).fingerprint();
        String four = workspace(0).scheduled(UUID.randomUUID(), MONDAY, 22).scheduled(UUID.randomUUID(), MONDAY, 22)
                .scheduled(UUID.randomUUID(), MONDAY, 22).scheduled(UUID.randomUUID(), MONDAY, 22)
                .by(RULE).get(0).fingerprint();
        assertThat(three).isEqualTo(two);
        assertThat(four).isNotEqualTo(two);
    }
}
