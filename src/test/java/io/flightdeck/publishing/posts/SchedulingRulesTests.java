package io.flightdeck.publishing.posts;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.campaigns.Channel;
import io.flightdeck.publishing.channels.ChannelAccountView;
import io.flightdeck.publishing.channels.ChannelHealth;
import io.flightdeck.publishing.posts.SocialScheduler.Target;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.InvalidInputException.Problem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The scheduling rules on their own: each input, and the problem (field and words) the API answers with. */
class SchedulingRulesTests {

    static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    static final Duration GAP = Duration.ofMinutes(120);
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    static Target to(UUID account) {
        return new Target(account, null, null, null);
    }

    static ChannelAccountView account(boolean disconnected) {
        return new ChannelAccountView(UUID.randomUUID(), "x", "X", Channel.TWITTER, "X", "Roastery", "@roastery", "UTC",
                ChannelHealth.CONNECTED, "Connected", null, null, Map.of(), NOW, disconnected, 0);
    }

    @Test
    void aPostGoesToOneAccountAtLeastAndTenAtMost() {
        assertThat(SchedulingRules.targets(null, 3))
                .contains(new Problem("targets", "Choose at least one account to post to."));
        assertThat(SchedulingRules.targets(List.of(), 3))
                .contains(new Problem("targets", "Choose at least one account to post to."));
        List<Target> ten = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ten.add(to(UUID.randomUUID()));
        }
        assertThat(SchedulingRules.targets(ten, 3)).isEmpty();
        ten.add(to(UUID.randomUUID()));
        assertThat(SchedulingRules.targets(ten, 3))
                .contains(new Problem("targets", "At most 10 accounts in one post."));
    }

    @Test
    void retriesAreBetweenZeroAndTen() {
        List<Target> one = List.of(to(UUID.randomUUID()));
        assertThat(SchedulingRules.targets(one, 0)).isEmpty();
        assertThat(SchedulingRules.targets(one, 10)).isEmpty();
        assertThat(SchedulingRules.targets(one, -1)).contains(new Problem("maxRetries", "Between 0 and 10."));
        assertThat(SchedulingRules.targets(one, 11)).contains(new Problem("maxRetries", "Between 0 and 10."));
    }

    @Test
    void everyTargetNamesAnAccountAndNoAccountComesTwice() {
        UUID a = UUID.randomUUID();
        assertThat(SchedulingRules.targets(List.of(to(a), to(null)), 3))
                .contains(new Problem("targets[1].accountId", "Choose an account."));
        assertThat(SchedulingRules.targets(Collections.singletonList(null), 3))
                .contains(new Problem("targets[0].accountId", "Choose an account."));
        assertThat(SchedulingRules.targets(List.of(to(a), to(UUID.randomUUID()), to(a)), 3))
                .contains(new Problem("targets[2].accountId", "This account is in the post twice."));
    }

    @Test
    void theFirstProblemIsTheOneAnswered() {
        // too many retries and a duplicate account: the retries come first, as a person reads the form
        UUID a = UUID.randomUUID();
        assertThat(SchedulingRules.targets(List.of(to(a), to(a)), 12))
                .contains(new Problem("maxRetries", "Between 0 and 10."));
    }

    @Test
    void anAccountMustBeFoundAndConnected() {
        assertThat(SchedulingRules.connected("targets[0].accountId", account(false))).isEmpty();
        assertThat(SchedulingRules.connected("targets[0].accountId", account(true)))
                .contains(new Problem("targets[0].accountId", "No such connected account here."));
        assertThat(SchedulingRules.connected("targets[1].accountId", null))
                .contains(new Problem("targets[1].accountId", "No such connected account here."));
    }

    @Test
    void eachNetworkCountsItsOwnLength() {
        assertThat(SchedulingRules.length("text", "x".repeat(280), Channel.TWITTER)).isEmpty();
        assertThat(SchedulingRules.length("text", "x".repeat(281), Channel.TWITTER))
                .contains(new Problem("text", "X (Twitter) takes at most 280 characters; this has 281."));
        // X counts a link as 23 whatever its length: 250 letters, a space and a 60-character link make 274
        String withLink = "x".repeat(250) + " https://example.com/" + "a".repeat(40);
        assertThat(withLink).hasSize(311);
        assertThat(SchedulingRules.length("text", withLink, Channel.TWITTER)).isEmpty();
        assertThat(SchedulingRules.length("targets[0].firstComment", "x".repeat(3_001), Channel.LINKEDIN))
                .contains(new Problem("targets[0].firstComment", "LinkedIn takes at most 3000 characters; this has 3001."));
        // a blog has no limit of its own, only what is stored
        assertThat(SchedulingRules.length("text", "x".repeat(65_000), Channel.BLOG)).isEmpty();
        assertThat(SchedulingRules.length("text", "x".repeat(65_001), Channel.BLOG))
                .contains(new Problem("text", "At most 65,000 characters."));
    }

    @Test
    void twoAccountsOnOneNetworkCarryTheSameCopy() {
        assertThat(SchedulingRules.oneCopyPerNetwork("targets[0].text", Channel.LINKEDIN, "Hello", null)).isEmpty();
        assertThat(SchedulingRules.oneCopyPerNetwork("targets[1].text", Channel.LINKEDIN, "Hello", "Hello")).isEmpty();
        assertThat(SchedulingRules.oneCopyPerNetwork("targets[1].text", Channel.LINKEDIN, "Hi", "Hello"))
                .contains(new Problem("targets[1].text", "Two LinkedIn accounts in one post carry the same copy; make a "
                        + "second post for different words."));
    }

    @Test
    void aChosenTimeMayBeAMinutePastButNoMore() {
        assertThat(SchedulingRules.notPast("at", NOW.plusSeconds(1), NOW)).isEmpty();
        assertThat(SchedulingRules.notPast("at", NOW.minusSeconds(60), NOW)).isEmpty();
        assertThat(SchedulingRules.notPast("targets[0].at", NOW.minusSeconds(61), NOW))
                .contains(new Problem("targets[0].at", "That time has passed; use publish now to post at once."));
    }

    @Test
    void aChosenTimeKeepsTheGapToTheCampaignsOtherPostsThere() {
        Instant other = Instant.parse("2026-12-03T10:00:00Z");
        assertThat(SchedulingRules.keepsGap("at", other.plus(GAP), List.of(other), Channel.TWITTER, GAP, BERLIN))
                .isEmpty();
        assertThat(SchedulingRules.keepsGap("at", other.minus(GAP), List.of(other), Channel.TWITTER, GAP, BERLIN))
                .isEmpty();
        // 10:00 UTC is 11:00 in Berlin in December
        assertThat(SchedulingRules.keepsGap("at", other.plus(Duration.ofMinutes(90)), List.of(other), Channel.TWITTER,
                GAP, BERLIN)).contains(new Problem("at", "Another post of this campaign goes out on X (Twitter) at "
                        + "3 Dec 2026, 11:00 (Europe/Berlin); keep at least 120 minutes between them."));
        // the first one too close is named
        Instant later = other.plus(Duration.ofMinutes(150));
        assertThat(SchedulingRules.keepsGap("at", other.plus(Duration.ofMinutes(75)), List.of(later, other),
                Channel.TWITTER, GAP, ZoneId.of("UTC"))).contains(new Problem("at", "Another post of this campaign goes "
                        + "out on X (Twitter) at 3 Dec 2026, 12:30 (UTC); keep at least 120 minutes between them."));
        assertThat(SchedulingRules.keepsGap("at", other, List.of(), Channel.TWITTER, GAP, BERLIN)).isEmpty();
    }

    @Test
    void aTitleHasAtMostTwoHundredCharacters() {
        assertThat(SchedulingRules.title("t".repeat(200))).isEmpty();
        assertThat(SchedulingRules.title("t".repeat(201))).contains(new Problem("title", "At most 200 characters."));
    }

    @Test
    void aProblemIsRefusedAsTheAPIAnswersIt() {
        SchedulingRules.refuse(SchedulingRules.title("Fine"));
        assertThatThrownBy(() -> SchedulingRules.refuse(SchedulingRules.title("t".repeat(201))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("title");
                    assertThat(e.getMessage()).isEqualTo("At most 200 characters.");
                    assertThat(e.problems()).containsExactly(new Problem("title", "At most 200 characters."));
                });
    }
}
