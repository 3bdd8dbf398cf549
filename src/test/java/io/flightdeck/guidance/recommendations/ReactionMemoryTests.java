package io.flightdeck.guidance.recommendations;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.MutableClock;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@FlightdeckTest
class ReactionMemoryTests {

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ReactionMemory memory;
    @Autowired
    MutableClock clock;

    private final UUID campaign = UUID.randomUUID();

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** The underperforming-channel recommendation for Facebook with this many clicks of 2,000 impressions. */
    private Recommendation facebook(long clicks) {
        return Situations.campaign().id(campaign).channel("FACEBOOK", 2_000, clicks, 100_000, 2_000)
                .by("underperforming-channel").get(0);
    }

    private List<Recommendation> visible(Member member, Recommendation recommendation) {
        return workspaces.as(member, () -> memory.visible(List.of(recommendation)));
    }

    @Test
    void aDismissedRecommendationStaysAwayUntilItsEvidenceChangesMaterially() {
        Member owner = workspaces.workspace("Dismissals");
        workspaces.as(owner, () -> memory.record(facebook(19), ReactionKind.DISMISSED, "Testing a new audience", null));

        assertThat(visible(owner, facebook(19))).isEmpty();
        assertThat(visible(owner, facebook(18))).as("47.5 % to 45 %: a wiggle").isEmpty();
        assertThat(visible(owner, facebook(14))).as("35 %: a step lower").hasSize(1);
    }

    @Test
    void aDismissalIsTimeBoxedToNinetyDays() {
        Member owner = workspaces.workspace("Dismissal time box");
        workspaces.as(owner, () -> memory.record(facebook(19), ReactionKind.DISMISSED, "Not now", null));

        clock.advance(Duration.ofDays(89));
        assertThat(visible(owner, facebook(19))).isEmpty();
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        assertThat(visible(owner, facebook(19))).hasSize(1);
        assertThat(workspaces.as(owner, () -> memory.active(campaign).reactions())).isEmpty();
    }

    @Test
    void aSnoozeExpiresOnItsDayWhateverTheEvidence() {
        Member owner = workspaces.workspace("Snoozes");
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC); // the test members live in UTC
        workspaces.as(owner, () -> memory.record(facebook(19), ReactionKind.SNOOZED, null, today.plusDays(3)));

        assertThat(visible(owner, facebook(2))).as("snoozed, even with other evidence").isEmpty();
        clock.advance(Duration.between(clock.instant(), today.plusDays(3).atStartOfDay(ZoneOffset.UTC).toInstant())
                .minusMinutes(1));
        assertThat(visible(owner, facebook(19))).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        assertThat(visible(owner, facebook(19))).hasSize(1);
    }

    @Test
    void anAcceptedRecommendationStaysAwayWhileItsEvidenceIsTheSameForThirtyDays() {
        Member owner = workspaces.workspace("Acceptances");
        workspaces.as(owner, () -> memory.record(facebook(19), ReactionKind.ACCEPTED, null, null));

        assertThat(visible(owner, facebook(18))).isEmpty();
        assertThat(visible(owner, facebook(2))).hasSize(1);
        clock.advance(Duration.ofDays(30));
        assertThat(visible(owner, facebook(19))).hasSize(1);
    }

    @Test
    void undoBringsItBackOnceAndAnotherWorkspaceCannotUndoIt() {
        Member owner = workspaces.workspace("Undo");
        Member stranger = workspaces.workspace("Undo elsewhere");
        ReactionMemory.ReactionView dismissed = workspaces.as(owner,
                () -> memory.record(facebook(19), ReactionKind.DISMISSED, "Seasonal dip", null));

        assertThatThrownBy(() -> workspaces.as(stranger, () -> {
            memory.undo(dismissed.id());
            return null;
        })).isInstanceOf(NotFoundException.class);
        assertThat(visible(owner, facebook(19))).isEmpty();

        workspaces.as(owner, () -> {
            memory.undo(dismissed.id());
            return null;
        });
        assertThat(visible(owner, facebook(19))).hasSize(1);
        assertThatThrownBy(() -> workspaces.as(owner, () -> {
            memory.undo(dismissed.id());
            return null;
        })).isInstanceOf(ConflictException.class);
    }

    @Test
    void anotherWorkspacesReactionsNeverApply() {
        Member owner = workspaces.workspace("Own reactions");
        Member stranger = workspaces.workspace("Their reactions");
        // the same campaign id and target in both: only the tenant tells them apart
        workspaces.as(stranger, () -> memory.record(facebook(19), ReactionKind.DISMISSED, "Theirs", null));

        assertThat(visible(owner, facebook(19))).hasSize(1);
        assertThat(workspaces.as(owner, () -> memory.active(campaign).reactions())).isEmpty();
        assertThat(visible(stranger, facebook(19))).isEmpty();
    }

    @Test
    void aCampaignsReactionsAreListedAndCountedAndANewOneReplacesTheOpenOne() {
        Member owner = workspaces.workspace("Listed reactions");
        LocalDate later = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(7);
        Recommendation pacing = Situations.campaign().id(campaign).pacing("10000", "2000", "3000").by("pacing-off-plan")
                .get(0);
        workspaces.as(owner, () -> memory.record(facebook(19), ReactionKind.DISMISSED, "Known", null));
        workspaces.as(owner, () -> memory.record(facebook(14), ReactionKind.SNOOZED, null, later)); // replaces it
        workspaces.as(owner, () -> memory.record(pacing, ReactionKind.SNOOZED, "After the invoice", later));

        ReactionMemory.CampaignReactions listed = workspaces.as(owner, () -> memory.active(campaign));

        assertThat(listed.reactions()).extracting(ReactionMemory.ReactionView::ruleId)
                .containsExactly("pacing-off-plan", "underperforming-channel");
        assertThat(listed.counts()).containsEntry(ReactionKind.SNOOZED, 2L).containsEntry(ReactionKind.DISMISSED, 0L);
        assertThat(listed.summary()).isEqualTo("2 snoozed");
        assertThat(listed.reactions().get(0).reason()).isEqualTo("After the invoice");
        assertThat(listed.reactions().get(0).createdBy()).isEqualTo(owner.userId());
    }

    @Test
    void eachReactionIsCheckedWithClearErrors() {
        Member owner = workspaces.workspace("Checked reactions");
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        assertRefused(owner, ReactionKind.DISMISSED, "  ", null, "reason", "Say why you dismiss it, so the team knows.");
        assertRefused(owner, ReactionKind.DISMISSED, "x".repeat(501), null, "reason",
                "A reason has at most 500 characters.");
        assertRefused(owner, ReactionKind.SNOOZED, null, null, "until", "Choose the day it should come back.");
        assertRefused(owner, ReactionKind.SNOOZED, null, today, "until", "Choose a day after today.");
        assertRefused(owner, ReactionKind.SNOOZED, null, today.plusDays(366), "until", "Choose a day within 365 days.");
        assertRefused(owner, ReactionKind.ACCEPTED, null, today.plusDays(1), "until",
                "An accepted recommendation takes no date.");
        assertRefused(owner, null, null, null, "reaction", "Choose accept, dismiss or snooze.");
        assertThat(workspaces.as(owner, () -> memory.active(campaign).reactions())).isEmpty();
    }

    @Test
    void acceptanceRatesCountAcceptedAgainstDismissedPerRuleLeavingOutUndoneAndSnoozed() {
        Member owner = workspaces.workspace("Acceptance rates");
        Member stranger = workspaces.workspace("Acceptance rates elsewhere");
        for (int i = 0; i < 3; i++) {
            workspaces.as(owner, () -> memory.record(forAnotherCampaign(), ReactionKind.ACCEPTED, null, null));
        }
        workspaces.as(owner, () -> memory.record(forAnotherCampaign(), ReactionKind.DISMISSED, "No", null));
        ReactionMemory.ReactionView undone = workspaces.as(owner,
                () -> memory.record(forAnotherCampaign(), ReactionKind.ACCEPTED, null, null));
        workspaces.as(owner, () -> {
            memory.undo(undone.id());
            return null;
        });
        workspaces.as(owner, () -> memory.record(forAnotherCampaign(), ReactionKind.SNOOZED, null,
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(2)));
        workspaces.as(stranger, () -> memory.record(forAnotherCampaign(), ReactionKind.DISMISSED, "Theirs", null));

        List<ReactionMemory.AcceptanceRate> rates = workspaces.as(owner, () -> memory.acceptanceRates());

        assertThat(rates).hasSize(7);
        assertThat(rates).filteredOn(r -> r.ruleId().equals("underperforming-channel")).singleElement()
                .satisfies(r -> {
                    assertThat(r.accepted()).isEqualTo(3);
                    assertThat(r.dismissed()).isEqualTo(1);
                    assertThat(r.rate()).isEqualTo(0.75);
                    assertThat(r.title()).startsWith("Rework or cut back {channelName}");
                });
        assertThat(rates).filteredOn(r -> !r.ruleId().equals("underperforming-channel"))
                .allSatisfy(r -> assertThat(r.rate()).isNull());
        assertThat(workspaces.as(stranger, () -> memory.acceptanceRates()))
                .filteredOn(r -> r.ruleId().equals("underperforming-channel")).singleElement()
                .satisfies(r -> assertThat(r.rate()).isEqualTo(0.0));
    }

    private static Recommendation forAnotherCampaign() {
        return Situations.campaign().channel("FACEBOOK", 2_000, 19, 100_000, 2_000).by("underperforming-channel").get(0);
    }

    private void assertRefused(Member owner, ReactionKind kind, String reason, LocalDate until, String field,
            String message) {
        assertThatThrownBy(() -> workspaces.as(owner, () -> memory.record(facebook(19), kind, reason, until)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).isEqualTo(message);
                });
    }
}
