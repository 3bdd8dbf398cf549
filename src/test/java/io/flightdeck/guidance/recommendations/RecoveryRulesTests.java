package io.flightdeck.guidance.recommendations;

import java.util.List;
import java.util.UUID;

import io.flightdeck.guidance.recommendations.CampaignSituation.PostTrouble;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class RecoveryRulesTests {

    private static final UUID FIRST = UUID.randomUUID();
    private static final UUID SECOND = UUID.randomUUID();
    private static final UUID DOUBT = UUID.randomUUID();

    @Test
    void failedPostsAreOneRecommendationCitingEachPost() {
        UUID campaign = UUID.randomUUID();
        Situations situation = Situations.campaign().id(campaign).status("PAUSED")
                .troubled(FIRST, "Facebook", PostTrouble.FAILED, "The page token expired")
                .troubled(SECOND, "LinkedIn", PostTrouble.FAILED, " ")
                .troubled(DOUBT, "X (Twitter)", PostTrouble.IN_DOUBT, "No answer within 30 s");

        assertThat(situation.by("failed-post-recovery")).singleElement().satisfies(r -> {
            String posts = "/campaigns/" + campaign + "/tabs/posts#social";
            assertThat(r.consequence()).isEqualTo(Consequence.RECOVERY);
            assertThat(r.target()).isEqualTo(new ObjectRef("campaign-posts", campaign.toString(),
                    "Posts of Spring push", posts));
            assertThat(r.what()).isEqualTo("Retry 2 posts that failed on Facebook, LinkedIn");
            assertThat(r.action()).isEqualTo(new Recommendation.Action("Retry the failed posts", posts));
            assertThat(r.evidence()).extracting(Evidence::label, Evidence::value, Evidence::link).containsExactly(
                    tuple("Facebook post", "The page token expired", "/social/channel-posts/" + FIRST + "/preview"),
                    tuple("LinkedIn post", "Failed", "/social/channel-posts/" + SECOND + "/preview"));
            assertThat(r.priority()).isEqualTo(2.0 / 12);
        });
        assertThat(situation.by("in-doubt-post-recovery")).singleElement().satisfies(r -> {
            assertThat(r.what()).isEqualTo("Check 1 post in doubt on X (Twitter)");
            assertThat(r.evidence()).extracting(Evidence::link)
                    .containsExactly("/social/channel-posts/" + DOUBT + "/preview");
        });
    }

    @Test
    void noTroubleNoRecovery() {
        assertThat(Situations.campaign().by("failed-post-recovery")).isEmpty();
        assertThat(Situations.campaign().by("in-doubt-post-recovery")).isEmpty();
        assertThat(Situations.campaign().failedSend(UUID.randomUUID(), "News", 0, null).by("failed-send-recovery"))
                .isEmpty();
    }

    @Test
    void theFingerprintOfFailedPostsIsTheirSet() {
        String two = Situations.campaign().troubled(FIRST, "Facebook", PostTrouble.FAILED, "a")
                .troubled(SECOND, "Facebook", PostTrouble.FAILED, "b").by("failed-post-recovery").get(0).fingerprint();
        String sameTwoOtherwise = Situations.campaign().troubled(SECOND, "Facebook", PostTrouble.FAILED, "again")
                .troubled(FIRST, "Facebook", PostTrouble.FAILED, "again").by("failed-post-recovery").get(0)
                .fingerprint();
        String three = Situations.campaign().troubled(FIRST, "Facebook", PostTrouble.FAILED, "a")
                .troubled(SECOND, "Facebook", PostTrouble.FAILED, "b")
                .troubled(UUID.randomUUID(), "Facebook", PostTrouble.FAILED, "c").by("failed-post-recovery").get(0)
                .fingerprint();
        assertThat(sameTwoOtherwise).isEqualTo(two);
        assertThat(three).isNotEqualTo(two);
    }

    @Test
    void aSendWithFailedRecipientsIsRecommendedPerSend() {
        UUID send = UUID.randomUUID();
        List<Recommendation> found = Situations.campaign().status("COMPLETED")
                .failedSend(send, "December newsletter", 3, "Mailbox full").by("failed-send-recovery");

        assertThat(found).singleElement().satisfies(r -> {
            String page = "/email/campaigns/" + send;
            assertThat(r.consequence()).isEqualTo(Consequence.RECOVERY);
            assertThat(r.target()).isEqualTo(new ObjectRef("email-campaign", send.toString(), "December newsletter",
                    page));
            assertThat(r.what()).isEqualTo("Recover 3 recipients that December newsletter did not reach");
            assertThat(r.why()).isEqualTo("3 recipients of December newsletter failed, mostly with: Mailbox full");
            assertThat(r.action()).isEqualTo(new Recommendation.Action("Open December newsletter", page));
            assertThat(r.evidence()).extracting(Evidence::label, Evidence::value, Evidence::link).containsExactly(
                    tuple("Recipients that failed", "3", page), tuple("Most common failure", "Mailbox full", page));
        });
    }

    @Test
    void theFingerprintOfASendIsItsFailuresInPowersOfTwoAndTheReason() {
        UUID send = UUID.randomUUID();
        String three = sendFingerprint(send, 3, "Mailbox full");
        assertThat(sendFingerprint(send, 2, "mailbox full ")).isEqualTo(three);
        assertThat(sendFingerprint(send, 4, "Mailbox full")).isNotEqualTo(three);
        assertThat(sendFingerprint(send, 3, "Domain not found")).isNotEqualTo(three);
    }

    private static String sendFingerprint(UUID send, int failed, String failure) {
        return Situations.campaign().failedSend(send, "News", failed, failure).by("failed-send-recovery").get(0)
                .fingerprint();
    }
}
