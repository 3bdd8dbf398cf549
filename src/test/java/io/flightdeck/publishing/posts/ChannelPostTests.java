package io.flightdeck.publishing.posts;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import io.flightdeck.campaigns.Channel;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.IllegalTransition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A channel post's state machine: every move from every state, legal ones and the 409s. */
class ChannelPostTests {

    static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    static final Duration PAUSE = Duration.ofSeconds(30);

    static ChannelPost scheduled() {
        return new ChannelPost(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), Channel.LINKEDIN, "Hello",
                null, List.of(), T0, PlannedBy.PERSON, 2, T0.minusSeconds(3600));
    }

    static ChannelPost in(ChannelPostStatus status) {
        ChannelPost p = scheduled();
        switch (status) {
            case SCHEDULED -> {
            }
            case PUBLISHING -> p.startAttempt(T0);
            case PUBLISHED -> {
                p.startAttempt(T0);
                p.published("ext-1", "https://example.com/1", null, T0);
            }
            case FAILED -> {
                p.startAttempt(T0);
                p.attemptFailed("refused", "No", false, PAUSE, null, T0);
            }
            case CANCELLED -> p.cancel(T0);
            case IN_DOUBT -> {
                p.startAttempt(T0);
                p.inDoubt("Cannot tell", T0);
            }
            case MISSED -> p.missed("Passed", T0);
        }
        assertThat(p.getStatus()).isEqualTo(status);
        return p;
    }

    /** Each move and the states it is allowed from. */
    record Move(String name, Consumer<ChannelPost> apply, Set<ChannelPostStatus> from) {
    }

    static final List<Move> MOVES = List.of(
            new Move("reschedule", p -> p.reschedule(T0.plusSeconds(3600), PlannedBy.PERSON, T0),
                    EnumSet.of(ChannelPostStatus.SCHEDULED, ChannelPostStatus.FAILED, ChannelPostStatus.MISSED)),
            new Move("edit", p -> p.edit("New", null, List.of(), T0),
                    EnumSet.of(ChannelPostStatus.SCHEDULED, ChannelPostStatus.FAILED, ChannelPostStatus.MISSED)),
            new Move("cancel", p -> p.cancel(T0), EnumSet.of(ChannelPostStatus.SCHEDULED, ChannelPostStatus.FAILED,
                    ChannelPostStatus.MISSED, ChannelPostStatus.IN_DOUBT)),
            new Move("publish now", p -> p.publishNow(T0, T0),
                    EnumSet.of(ChannelPostStatus.SCHEDULED, ChannelPostStatus.FAILED, ChannelPostStatus.MISSED)),
            new Move("retry", p -> p.retry(T0), EnumSet.of(ChannelPostStatus.FAILED)),
            new Move("resolve", p -> p.resolveInDoubt(true, null, T0), EnumSet.of(ChannelPostStatus.IN_DOUBT)),
            new Move("block", p -> p.block(List.of(new PostBlocker("campaign-paused", "Paused", "/")), T0),
                    EnumSet.of(ChannelPostStatus.SCHEDULED)),
            new Move("miss", p -> p.missed("Passed", T0), EnumSet.of(ChannelPostStatus.SCHEDULED)),
            new Move("start", p -> p.startAttempt(T0), EnumSet.of(ChannelPostStatus.SCHEDULED)),
            new Move("published", p -> p.published("x", null, null, T0), EnumSet.of(ChannelPostStatus.PUBLISHING)),
            new Move("failed", p -> p.attemptFailed("c", "m", true, PAUSE, null, T0),
                    EnumSet.of(ChannelPostStatus.PUBLISHING)),
            new Move("not received", p -> p.notReceived(T0), EnumSet.of(ChannelPostStatus.PUBLISHING)),
            new Move("in doubt", p -> p.inDoubt("?", T0), EnumSet.of(ChannelPostStatus.PUBLISHING)));

    @Test
    void everyMoveFromEveryStateIsAllowedOrA409() {
        for (Move move : MOVES) {
            for (ChannelPostStatus status : ChannelPostStatus.values()) {
                ChannelPost p = in(status);
                if (move.from().contains(status)) {
                    move.apply().accept(p);
                } else {
                    long version = p.getLog().size();
                    assertThatThrownBy(() -> move.apply().accept(p)).as("%s from %s", move.name(), status)
                            .isInstanceOf(ConflictException.class).hasMessageContaining(status.label().toLowerCase());
                    assertThat(p.getStatus()).as("%s from %s changes nothing", move.name(), status).isEqualTo(status);
                    assertThat(p.getLog()).hasSize((int) version);
                }
            }
        }
    }

    @Test
    void aRefusalNamesTheMovesAPersonMayMakeNeverTheRunners() {
        IllegalTransition refused = catchThrowableOfType(IllegalTransition.class,
                () -> in(ChannelPostStatus.FAILED).resolveInDoubt(true, null, T0));
        assertThat(refused.properties()).containsEntry("currentState", "FAILED").containsEntry("attemptedMove", "resolve")
                .containsEntry("allowedMoves", List.of("reschedule", "edit", "cancel", "publish", "retry"));
        IllegalTransition runner = catchThrowableOfType(IllegalTransition.class,
                () -> in(ChannelPostStatus.SCHEDULED).published("x", null, null, T0));
        assertThat(runner.properties()).containsEntry("attemptedMove", "record-published")
                .containsEntry("allowedMoves", List.of("reschedule", "edit", "cancel", "publish"));
        assertThat(runner.getMessage()).startsWith("Cannot record as published a post that is scheduled.");
        IllegalTransition published = catchThrowableOfType(IllegalTransition.class,
                () -> in(ChannelPostStatus.PUBLISHED).cancel(T0));
        assertThat(published.properties()).containsEntry("allowedMoves", List.of());
    }

    @Test
    void anAttemptGetsAKeyOfItsOwnAndRetriesBackOffThenFailForGood() {
        ChannelPost p = scheduled();
        p.startAttempt(T0);
        assertThat(p.getAttemptKey()).isEqualTo(p.getId() + ":1");

        assertThat(p.attemptFailed("down", "Down", true, PAUSE, null, T0)).isFalse();
        assertThat(p.getStatus()).isEqualTo(ChannelPostStatus.SCHEDULED);
        assertThat(p.getRetries().nextAt()).isEqualTo(T0.plus(PAUSE));
        assertThat(p.isDue(T0.plus(PAUSE).minusMillis(1))).isFalse();
        assertThat(p.isDue(T0.plus(PAUSE))).isTrue();

        p.startAttempt(T0.plus(PAUSE));
        assertThat(p.getAttemptKey()).isEqualTo(p.getId() + ":2");
        // the network's Retry-After wins when it asks for longer than the back-off
        assertThat(p.attemptFailed("slow", "Slow down", true, PAUSE, Duration.ofMinutes(5), T0)).isFalse();
        assertThat(p.getRetries().nextAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));

        p.startAttempt(T0.plusSeconds(600));
        // two retries allowed: the third failure is final, and says so
        assertThat(p.attemptFailed("down", "Down", true, PAUSE, null, T0.plusSeconds(600))).isTrue();
        assertThat(p.getStatus()).isEqualTo(ChannelPostStatus.FAILED);
        assertThat(p.getErrorMessage()).isEqualTo("Down");
        assertThat(p.getLog().get(p.getLog().size() - 1).message()).contains("no retries left");
    }

    @Test
    void theSecondRetryWaitsTwiceAsLong() {
        ChannelPost p = new ChannelPost(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), Channel.TWITTER, "Hi",
                null, List.of(), T0, PlannedBy.PERSON, 5, T0);
        p.startAttempt(T0);
        p.attemptFailed("down", "Down", true, PAUSE, null, T0);
        p.startAttempt(T0);
        p.attemptFailed("down", "Down", true, PAUSE, null, T0);
        assertThat(p.getRetries().nextAt()).isEqualTo(T0.plus(PAUSE.multipliedBy(2)));
        p.startAttempt(T0);
        p.attemptFailed("down", "Down", true, PAUSE, null, T0);
        assertThat(p.getRetries().nextAt()).isEqualTo(T0.plus(PAUSE.multipliedBy(4)));
    }

    @Test
    void aFinalErrorSkipsTheRetries() {
        ChannelPost p = scheduled();
        p.startAttempt(T0);
        assertThat(p.attemptFailed("refused", "Too long", false, PAUSE, null, T0)).isTrue();
        assertThat(p.getStatus()).isEqualTo(ChannelPostStatus.FAILED);
        assertThat(p.getRetries().made()).isZero();
    }

    @Test
    void retryFromTheDeadLetterListStartsTheRetriesAgain() {
        ChannelPost p = in(ChannelPostStatus.FAILED);
        p.retry(T0.plusSeconds(60));
        assertThat(p.getStatus()).isEqualTo(ChannelPostStatus.SCHEDULED);
        assertThat(p.getRetries().made()).isZero();
        assertThat(p.getErrorCode()).isNull();
        assertThat(p.isDue(T0.plusSeconds(60))).isTrue();
    }

    @Test
    void aPostInDoubtIsSettledByAPerson() {
        ChannelPost found = in(ChannelPostStatus.IN_DOUBT);
        found.resolveInDoubt(true, "https://x.com/a/status/1", T0);
        assertThat(found.getStatus()).isEqualTo(ChannelPostStatus.PUBLISHED);
        assertThat(found.getExternalUrl()).isEqualTo("https://x.com/a/status/1");

        ChannelPost notThere = in(ChannelPostStatus.IN_DOUBT);
        notThere.resolveInDoubt(false, null, T0.plusSeconds(5));
        assertThat(notThere.getStatus()).isEqualTo(ChannelPostStatus.SCHEDULED);
        notThere.startAttempt(T0.plusSeconds(5));
        assertThat(notThere.getAttemptKey()).as("a new attempt, a new key").endsWith(":2");
    }

    @Test
    void blockersAreLoggedWhenTheyChangeAndClearedWhenTheAttemptStarts() {
        ChannelPost p = scheduled();
        PostBlocker paused = new PostBlocker("campaign-paused", "The campaign is paused.", "/c");
        PostBlocker approval = new PostBlocker("approval:social", "Social is not approved.", "/c/approvals");
        assertThat(p.block(List.of(paused), T0)).as("a paused campaign was chosen and told: nobody to wake").isFalse();
        assertThat(p.block(List.of(paused, approval), T0.plusSeconds(30)))
                .as("the campaign's own state still holds it: the approval is not what holds it up").isFalse();
        assertThat(p.block(List.of(approval), T0.plusSeconds(60))).as("resumed: now it waits on a person").isTrue();
        assertThat(p.block(List.of(approval), T0.plusSeconds(90))).as("once, not on every recheck").isFalse();
        assertThat(p.getLog().stream().filter(l -> l.message().startsWith("Waiting"))).as("logged when they change")
                .hasSize(3);
        assertThat(p.getBlockedSince()).isEqualTo(T0);
        p.startAttempt(T0.plusSeconds(120));
        assertThat(p.getBlockers()).isEmpty();
        assertThat(p.getBlockedSince()).isNull();
        p.attemptFailed("timeout", "No answer", true, java.time.Duration.ofMinutes(1), null, T0.plusSeconds(130));
        assertThat(p.block(List.of(approval), T0.plusSeconds(200))).as("waiting again after it was cleared").isTrue();
    }

    /** Seen: a creative scheduled on a draft campaign sent its owner two "blocked" alarms, one per network. */
    @Test
    void aDraftsPostWaitingForItsApprovalsIsNotBlockedUntilTheCampaignIsLaunched() {
        ChannelPost p = scheduled();
        PostBlocker draft = new PostBlocker("campaign-not-active", "The campaign is a draft, not active.", "/c");
        PostBlocker content = new PostBlocker("approval:content", "Content is not approved.", "/c/approvals");
        PostBlocker schedule = new PostBlocker("approval:schedule", "The schedule is not approved.", "/c/approvals");
        assertThat(p.block(List.of(draft, content, schedule), T0)).isFalse();
        assertThat(p.block(List.of(draft, content, schedule), T0.plusSeconds(60))).isFalse();
        // launched with content still waiting: now the approval holds up a live campaign's post, and its people hear
        assertThat(p.block(List.of(content), T0.plusSeconds(120))).isTrue();
        assertThat(p.block(List.of(content), T0.plusSeconds(180))).isFalse();
    }

    @Test
    void thePostStatusIsReadFromItsChannels() {
        var S = ChannelPostStatus.SCHEDULED;
        var P = ChannelPostStatus.PUBLISHED;
        var F = ChannelPostStatus.FAILED;
        var C = ChannelPostStatus.CANCELLED;
        assertThat(PostStatus.of(List.of(S, S), false)).isEqualTo(PostStatus.SCHEDULED);
        assertThat(PostStatus.of(List.of(S, S), true)).isEqualTo(PostStatus.WAITING);
        assertThat(PostStatus.of(List.of(P, P, C), false)).isEqualTo(PostStatus.PUBLISHED);
        // one network failing never marks the others failed
        assertThat(PostStatus.of(List.of(P, F), false)).isEqualTo(PostStatus.PARTLY_PUBLISHED);
        // partly published (red) only when a channel failed; the others merely still to come read "1 of 2 out"
        assertThat(PostStatus.of(List.of(P, S), false)).isEqualTo(PostStatus.PARTLY_OUT);
        assertThat(PostStatus.PARTLY_OUT.label(List.of(P, S, C))).isEqualTo("1 of 2 out");
        assertThat(PostStatus.PARTLY_PUBLISHED.label(List.of(P, F))).isEqualTo("Partly published");
        assertThat(PostStatus.of(List.of(F, S), false)).isEqualTo(PostStatus.NEEDS_ATTENTION);
        assertThat(PostStatus.of(List.of(ChannelPostStatus.PUBLISHING, P), false)).isEqualTo(PostStatus.PUBLISHING);
        assertThat(PostStatus.of(List.of(C, C), false)).isEqualTo(PostStatus.CANCELLED);
    }
}
