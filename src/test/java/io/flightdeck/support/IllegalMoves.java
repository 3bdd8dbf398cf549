package io.flightdeck.support;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** The one answer to a move a thing's state does not allow: 409 {@code illegal-transition} saying what is allowed. */
public final class IllegalMoves {

    private IllegalMoves() {
    }

    public static void assertRefused(MvcTestResult refused, String currentState, String move, List<String> allowed) {
        assertThat(refused).hasStatus(409).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((String) Json.read(refused, "$.type")).endsWith("/illegal-transition");
        assertThat((String) Json.read(refused, "$.currentState")).isEqualTo(currentState);
        assertThat((String) Json.read(refused, "$.attemptedMove")).isEqualTo(move);
        assertThat((List<String>) Json.read(refused, "$.allowedMoves")).containsExactlyElementsOf(allowed);
    }
}
