package io.flightdeck.guidance.recommendations;

import java.util.UUID;

import io.flightdeck.guidance.recommendations.CampaignSituation.PostTrouble;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@FlightdeckTest
class RuleSwitchesTests {

    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    RuleSwitches switches;
    @Autowired
    CampaignRecommendations recommendations;

    @Test
    void aRuleSwitchedOffInOneWorkspaceStaysOnInAnother() {
        Member acme = workspaces.workspace("Switches A");
        Member globex = workspaces.workspace("Switches B");
        assertThat(workspaces.as(acme, () -> switches.isOn("failed-send-recovery"))).isTrue();

        RuleSwitches.RuleSwitch off = workspaces.as(acme, () -> switches.set("failed-send-recovery", false));

        assertThat(off.enabled()).isFalse();
        assertThat(off.enabledByDefault()).isTrue();
        assertThat(workspaces.as(acme, () -> switches.isOn("failed-send-recovery"))).isFalse();
        assertThat(workspaces.as(acme, () -> switches.enabledRules())).extracting(RuleDefinition::id)
                .hasSize(6).doesNotContain("failed-send-recovery");
        assertThat(workspaces.as(acme, () -> switches.list()))
                .filteredOn(s -> s.ruleId().equals("failed-send-recovery")).singleElement()
                .satisfies(s -> assertThat(s.enabled()).isFalse());
        assertThat(workspaces.as(globex, () -> switches.isOn("failed-send-recovery"))).isTrue();
        assertThat(workspaces.as(globex, () -> switches.enabledRules())).hasSize(7);

        workspaces.as(acme, () -> switches.set("failed-send-recovery", false)); // again: no change
        workspaces.as(acme, () -> switches.set("failed-send-recovery", true));
        assertThat(workspaces.as(acme, () -> switches.isOn("failed-send-recovery"))).isTrue();
    }

    @Test
    void aRuleThatIsOffRecommendsNothingInThatWorkspace() {
        Member acme = workspaces.workspace("Switched recommendations A");
        Member globex = workspaces.workspace("Switched recommendations B");
        CampaignSituation situation = Situations.campaign()
                .troubled(UUID.randomUUID(), "Facebook", PostTrouble.FAILED, "Token expired")
                .failedSend(UUID.randomUUID(), "News", 3, "Mailbox full").build();
        workspaces.as(acme, () -> switches.set("failed-post-recovery", false));

        assertThat(workspaces.as(acme, () -> recommendations.recommend(situation)))
                .extracting(Recommendation::ruleId).containsExactly("failed-send-recovery");
        assertThat(workspaces.as(globex, () -> recommendations.recommend(situation)))
                .extracting(Recommendation::ruleId).containsExactly("failed-send-recovery", "failed-post-recovery");
    }

    @Test
    void anUnknownRuleIsNotFound() {
        Member acme = workspaces.workspace("Unknown rule");
        assertThatThrownBy(() -> workspaces.as(acme, () -> switches.set("no-such-rule", true)))
                .isInstanceOf(NotFoundException.class);
    }
}
