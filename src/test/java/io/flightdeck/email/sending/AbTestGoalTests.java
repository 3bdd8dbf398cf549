package io.flightdeck.email.sending;

import java.util.List;

import io.flightdeck.email.abtest.Metric;
import io.flightdeck.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A conversion goal is read as the send reads each link (the WHATWG URL Standard), so it is spelled as the clicks it
 * is compared with are kept: a goal written with a capital host or an accent matches the clicks on that page.
 */
class AbTestGoalTests {

    private static AbTestPlan plan(String goal) {
        return AbTestPlan.of(new AbTestPlan.Input(List.of(new AbTestPlan.Content("Other subject", null, null)), null,
                Metric.CONVERSIONS, goal, null, null, null, null, null), html -> html);
    }

    @Test
    void theGoalIsSpelledAsClicksAreKept() {
        assertThat(plan("https://Shop.Example/café/thanks").goalUrl()).isEqualTo("https://shop.example/caf%C3%A9/thanks");
        assertThat(plan("https://shop.example/thanks?from=mail").goalUrl())
                .isEqualTo("https://shop.example/thanks?from=mail");
        for (String bad : new String[] {"shop.example/thanks", "https://", "javascript:alert(1)",
                "https://user@shop.example/"}) {
            assertThatThrownBy(() -> plan(bad)).as(bad).isInstanceOfSatisfying(InvalidInputException.class,
                    e -> assertThat(e.field()).isEqualTo("goalUrl"));
        }
    }
}
