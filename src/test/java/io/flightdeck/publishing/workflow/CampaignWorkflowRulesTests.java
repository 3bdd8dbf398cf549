package io.flightdeck.publishing.workflow;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.flightdeck.shared.IllegalTransition;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The workflow on its own: pause, resume and complete only from where they apply, and step statuses kept by name. */
class CampaignWorkflowRulesTests {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void aRunningWorkflowPausesResumesAndCompletes() {
        CampaignWorkflow w = new CampaignWorkflow(UUID.randomUUID(), T0);
        w.ran(WorkflowStep.VALIDATE, StepStatus.DONE, "fine", T0);
        w.ran(WorkflowStep.SCHEDULE, StepStatus.RUNNING, "planning", T0);
        w.pause(T0);
        assertThat(w.getStatus()).isEqualTo(CampaignWorkflow.Status.PAUSED);
        w.resume(T0);
        w.pause(T0);
        w.complete(T0);

        assertThat(w.getStatus()).isEqualTo(CampaignWorkflow.Status.COMPLETED);
        assertThat(w.getSteps()).extracting(StepState::status)
                .containsExactly(StepStatus.DONE, StepStatus.DONE, StepStatus.PENDING, StepStatus.DONE);
        assertThat(w.getSteps().get(3).message()).isEqualTo("The campaign ended");
    }

    @Test
    void aMoveThatDoesNotApplyIsRefusedWithTheMovesThatDo() {
        CampaignWorkflow w = new CampaignWorkflow(UUID.randomUUID(), T0);
        IllegalTransition resume = catchThrowableOfType(IllegalTransition.class, () -> w.resume(T0));
        assertThat(resume.properties()).containsEntry("currentState", "RUNNING").containsEntry("attemptedMove", "resume")
                .containsEntry("allowedMoves", List.of("pause", "complete"));

        w.complete(T0);
        for (Runnable late : List.<Runnable>of(() -> w.pause(T0), () -> w.resume(T0), () -> w.complete(T0))) {
            IllegalTransition refused = catchThrowableOfType(IllegalTransition.class, late::run);
            assertThat(refused.type()).isEqualTo("illegal-transition");
            assertThat(refused.properties()).containsEntry("currentState", "COMPLETED")
                    .containsEntry("allowedMoves", List.of());
        }
        assertThat(w.allows(WorkflowMove.RESUME)).isFalse();
    }

    @Test
    void stepStatusesReadAndWriteAsTheStringsStoredBefore() {
        JsonMapper json = JsonMapper.builder().build();
        StepState stored = json.readValue("""
                {"step":"VALIDATE","status":"WAITING","startedAt":"2026-03-02T09:00:00Z","finishedAt":null,
                 "attempts":2,"message":"The campaign is not active"}""", StepState.class);
        assertThat(stored.status()).isEqualTo(StepStatus.WAITING);
        assertThat(json.writeValueAsString(stored.ran(StepStatus.DONE, "fine", T0))).contains("\"status\":\"DONE\"");
    }
}
