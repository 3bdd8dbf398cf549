package io.flightdeck.campaigns.domain;

import java.util.List;

import io.flightdeck.campaigns.ReadinessItem;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignPriority;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.campaigns.CampaignStatus;
import io.flightdeck.campaigns.CampaignType;

/** The launch policy on readiness values alone: plain objects, no Spring. */
class LaunchPolicyTests {

    static final ReadinessItem DATES = new ReadinessItem("campaign.dates", "Start and end dates", true, 50, false, "", "/");
    static final ReadinessItem BUDGET_MISSING = new ReadinessItem("campaign.budget", "Budget", false, 50, false, "", "/");
    static final ReadinessItem APPROVAL_OPEN = new ReadinessItem("approvals.content", "Content approved", false, 0, true,
            "Content is pending", "/");

    /** 50%, below a threshold of 80, nothing blocking. */
    static final Readiness BELOW = Readiness.of(List.of(DATES, BUDGET_MISSING), 80);
    /** 100%, above the threshold, but an approval blocks. */
    static final Readiness BLOCKED = Readiness.of(List.of(DATES, APPROVAL_OPEN), 80);
    /** 50% and blocked. */
    static final Readiness BELOW_AND_BLOCKED = Readiness.of(List.of(DATES, BUDGET_MISSING, APPROVAL_OPEN), 80);
    static final Readiness READY = Readiness.of(List.of(DATES), 80);

    @Test
    void aReadyCampaignLaunchesUnforced() {
        assertThat(LaunchPolicy.launch(READY, false, null, Role.MANAGER).forced()).isFalse();
        // forcing what needs no force changes nothing
        assertThat(LaunchPolicy.launch(READY, true, "Just in case", Role.MANAGER).forced()).isFalse();
    }

    @Test
    void aScoreBelowTheThresholdRefusesTheLaunch() {
        assertThatThrownBy(() -> LaunchPolicy.launch(BELOW, false, null, Role.OWNER))
                .isInstanceOfSatisfying(ConflictException.class, refused -> {
                    assertThat(refused.type()).isEqualTo("readiness-below-threshold");
                    assertThat(refused.getMessage()).contains("50%", "80%");
                    assertThat(refused.properties()).containsEntry("score", 50).containsEntry("threshold", 80)
                            .containsEntry("missing", List.of(BUDGET_MISSING));
                });
    }

    @Test
    void aBlockingItemRefusesTheLaunchWhateverTheScore() {
        assertThatThrownBy(() -> LaunchPolicy.launch(BLOCKED, false, null, Role.OWNER))
                .isInstanceOfSatisfying(ConflictException.class, refused -> {
                    assertThat(refused.type()).isEqualTo("launch-blocked");
                    assertThat(refused.getMessage()).contains("cannot launch", "Content approved");
                    // the score of a blocked campaign stays below the threshold, whatever the checklist adds up to
                    assertThat(refused.properties()).containsEntry("blockers", List.of(APPROVAL_OPEN))
                            .containsEntry("score", 79).containsEntry("threshold", 80);
                });
    }

    @Test
    void forcingWithAReasonOverridesTheScoreOnly() {
        LaunchPolicy.Launch launch = LaunchPolicy.launch(BELOW, true, "  The partner deadline moved up ", Role.MANAGER);

        assertThat(launch.forced()).isTrue();
        assertThat(launch.reason()).isEqualTo("The partner deadline moved up");
    }

    @Test
    void forcingNeverSkipsABlockingItem() {
        for (Readiness readiness : List.of(BLOCKED, BELOW_AND_BLOCKED)) {
            assertThatThrownBy(() -> LaunchPolicy.launch(readiness, true, "The partner deadline moved up", Role.OWNER))
                    .isInstanceOfSatisfying(ConflictException.class,
                            refused -> assertThat(refused.type()).isEqualTo("launch-blocked"));
        }
    }

    @Test
    void forcingNeedsAManagerAndAReason() {
        assertThatThrownBy(() -> LaunchPolicy.launch(BELOW, true, "Because", Role.CONTRIBUTOR))
                .isInstanceOf(AccessDeniedException.class);
        for (String reason : new String[] {null, "", "   "}) {
            assertThatThrownBy(() -> LaunchPolicy.launch(BELOW, true, reason, Role.MANAGER))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            refused -> assertThat(refused.field()).isEqualTo("reason"));
        }
    }

    @Test
    void aBlockedScoreStaysBelowTheThresholdAndKeepsItsRawFigure() {
        assertThat(BLOCKED.score()).isEqualTo(79);
        assertThat(BLOCKED.rawScore()).isEqualTo(100);
        assertThat(BLOCKED.meetsThreshold()).isFalse();
        assertThat(BELOW_AND_BLOCKED.score()).isEqualTo(50);
        assertThat(Readiness.of(List.of(DATES, APPROVAL_OPEN), 0).score()).isZero();
        assertThat(Readiness.of(List.of(DATES, APPROVAL_OPEN), 0).meetsThreshold()).as("threshold 0, blocked").isFalse();
        assertThat(BLOCKED.itemsBlockersFirst()).containsExactly(APPROVAL_OPEN, DATES);
        assertThat(READY.score()).isEqualTo(READY.rawScore()).isEqualTo(100);
    }

    @Test
    void markingReadyAsksWhatAnUnforcedLaunchAsks() {
        assertThatCode(() -> LaunchPolicy.requireMarkReady(READY)).doesNotThrowAnyException();

        assertThatThrownBy(() -> LaunchPolicy.requireMarkReady(BELOW))
                .isInstanceOfSatisfying(ConflictException.class, refused -> {
                    assertThat(refused.type()).isEqualTo("readiness-below-threshold");
                    assertThat(refused.getMessage()).contains("50%", "80%", "marking it ready");
                    assertThat(refused.properties()).containsEntry("missing", List.of(BUDGET_MISSING));
                });
        assertThatThrownBy(() -> LaunchPolicy.requireMarkReady(BELOW_AND_BLOCKED))
                .isInstanceOfSatisfying(ConflictException.class, refused -> {
                    assertThat(refused.type()).isEqualTo("launch-blocked");
                    assertThat(refused.getMessage()).contains("cannot be marked ready", "Content approved");
                    assertThat(refused.properties()).containsEntry("blockers", List.of(APPROVAL_OPEN))
                            .containsEntry("score", 50).containsEntry("threshold", 80);
                });
    }

    static final CampaignSnapshot CAMPAIGN = new CampaignSnapshot(UUID.randomUUID(), UUID.randomUUID(), "Spring", null,
            CampaignType.OTHER, null, CampaignPriority.MEDIUM, CampaignStatus.READY, Set.of(), Set.of(),
            LocalDate.of(2027, 1, 11), LocalDate.of(2027, 2, 26), null, null);
    static final ReadinessItem PLAN_LATE = new ReadinessItem("planning.plan-fits", "Plan ends by the end date", false, 10,
            false, "The plan ends 3 working days after the campaign's end date (2027-02-26)", "/").warningAtLaunch();

    @Test
    void anEarlyLaunchAndALatePlanAreWarningsThatNameTheirDates() {
        Readiness late = Readiness.of(List.of(DATES, PLAN_LATE), 50);

        List<LaunchWarning> warnings = LaunchPolicy.warnings(CAMPAIGN, late, LocalDate.of(2026, 11, 23));

        assertThat(warnings).extracting(LaunchWarning::key).containsExactly(LaunchWarning.BEFORE_START, "planning.plan-fits");
        assertThat(warnings.get(0).message()).contains("Monday 11 January 2027", "49 days from today");
        assertThat(warnings.get(1).message()).contains("Friday 26 February 2027", "3 working days after");
        assertThat(LaunchPolicy.warnings(CAMPAIGN, late, LocalDate.of(2027, 1, 11))).as("on the start date")
                .extracting(LaunchWarning::key).containsExactly("planning.plan-fits");
        assertThat(LaunchPolicy.warnings(CAMPAIGN, READY, LocalDate.of(2027, 1, 12))).isEmpty();

        assertThatThrownBy(() -> LaunchPolicy.requireConfirmed(warnings, false))
                .isInstanceOfSatisfying(ConflictException.class, refused -> {
                    assertThat(refused.type()).isEqualTo("launch-needs-confirmation");
                    assertThat(refused.properties()).containsEntry("warnings", warnings);
                });
        assertThatCode(() -> LaunchPolicy.requireConfirmed(warnings, true)).doesNotThrowAnyException();
        assertThatCode(() -> LaunchPolicy.requireConfirmed(List.of(), false)).doesNotThrowAnyException();
    }
}
