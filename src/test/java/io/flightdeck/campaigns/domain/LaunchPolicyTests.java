package io.flightdeck.campaigns.domain;

import java.util.List;

import io.flightdeck.campaigns.Readiness;
import io.flightdeck.campaigns.ReadinessItem;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
                    assertThat(refused.properties()).containsEntry("blockers", List.of(APPROVAL_OPEN))
                            .containsEntry("score", 100).containsEntry("threshold", 80);
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
    void markingReadyAsksOnlyForTheBlockingItems() {
        assertThatCode(() -> LaunchPolicy.requireMarkReady(BELOW)).as("a low score").doesNotThrowAnyException();
        assertThatCode(() -> LaunchPolicy.requireMarkReady(READY)).doesNotThrowAnyException();

        assertThatThrownBy(() -> LaunchPolicy.requireMarkReady(BELOW_AND_BLOCKED))
                .isInstanceOfSatisfying(ConflictException.class, refused -> {
                    assertThat(refused.type()).isEqualTo("launch-blocked");
                    assertThat(refused.getMessage()).contains("cannot be marked ready", "Content approved");
                    assertThat(refused.properties()).containsEntry("blockers", List.of(APPROVAL_OPEN))
                            .containsEntry("score", 50).containsEntry("threshold", 80);
                });
    }
}
