package io.flightdeck.email;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.flightdeck.support.IllegalMoves;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An email and its A/B test refuse every move their status does not allow with the one problem all state machines
 * answer, 409 {@code illegal-transition}, naming the status, the move and the moves allowed instead, and change
 * nothing.
 */
class EmailStateMovesTests extends EmailSendingContext {

    private static final String EMAILS = "/api/v1/email/campaigns/";

    @Test
    void everyMoveAnEmailsStatusDoesNotAllowIsRefusedAlikeSayingWhatIsAllowed() {
        Member owner = workspaces.withoutApprovals("Email moves");
        String campaign = launched(owner);
        String email = email(owner, campaign, list(owner, "Moves", List.of(contact(owner, "ana@moves.example",
                "Ana"))));

        List<String> fromDraft = List.of("edit", "request-approval", "schedule", "send", "cancel", "delete");
        for (String move : List.of("unschedule", "pause", "resume", "send-to-rest")) {
            IllegalMoves.assertRefused(api.as(owner).post(EMAILS + email + "/" + move), "DRAFT", move, fromDraft);
        }
        assertThat(api.as(owner).put(EMAILS + email + "/ab-test", Map.of("variants", List.of(Map.of("subject",
                "The B side")), "testShare", 50, "minimumSample", 10, "decideAfterMinutes", 60))).hasStatusOk();
        IllegalMoves.assertRefused(api.as(owner).post(EMAILS + email + "/ab-test/pick", Map.of("variant", "B")),
                "SET_UP", "pick", List.of());
        assertThat(api.as(owner).delete(EMAILS + email + "/ab-test")).hasStatus(204);

        assertThat(api.as(owner).post(EMAILS + email + "/send")).hasStatus(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(Json.read(get(owner, email), "$.status")));
        List<String> fromSent = List.of("resume", "send-to-rest", "send-to-unconfirmed", "delete");
        IllegalMoves.assertRefused(api.as(owner).patch(EMAILS + email, Map.of("subject", "Changed after")), "SENT",
                "edit", fromSent);
        IllegalMoves.assertRefused(api.as(owner).put(EMAILS + email + "/ab-test", Map.of("variants",
                List.of(Map.of("subject", "Too late")))), "SENT", "edit", fromSent);
        for (String move : List.of("cancel", "request-approval", "unschedule", "pause")) {
            IllegalMoves.assertRefused(api.as(owner).post(EMAILS + email + "/" + move), "SENT", move, fromSent);
        }
        assertThat((String) Json.read(get(owner, email), "$.subject")).startsWith("News for");

        assertThat(api.as(owner).delete(EMAILS + email)).hasStatus(204);
    }
}
