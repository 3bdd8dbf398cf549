package io.flightdeck.rendering.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import io.flightdeck.rendering.RenderType;
import io.flightdeck.rendering.jobs.RenderProvider.ProviderStatus;
import io.flightdeck.shared.ConflictException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every transition of seed 001's lifecycle, legal and illegal, on the aggregate itself. */
class RenderJobTests {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final Duration PAUSE = Duration.ofSeconds(10);

    static RenderJob job(boolean submit) {
        return new RenderJob(UUID.randomUUID(), UUID.randomUUID(), RenderType.IMAGE, "builtin-image", "layout-v1",
                Map.of("template", "bold-headline"), 3, 0, UUID.randomUUID(), submit, T0);
    }

    /** A job brought to the state by legal moves. */
    static RenderJob in(RenderStatus status) {
        RenderJob job = job(true);
        switch (status) {
            case QUEUED -> { }
            case RUNNING -> job.startAttempt(T0);
            case PUBLISHED -> {
                job.startAttempt(T0);
                job.publish(UUID.randomUUID(), null, List.of(new RenderJobVariant("1080×1080", UUID.randomUUID())), "ab", T0);
            }
            case FAILED -> {
                job.startAttempt(T0);
                job.failAttempt("refused", "The prompt was refused", null, false, PAUSE, T0);
            }
            case CANCELLED -> job.cancel(T0);
        }
        assertThat(job.getStatus()).isEqualTo(status);
        return job;
    }

    @Test
    void aJobCreatedWithoutSubmittingWaitsForItsSubmit() {
        RenderJob job = job(false);
        assertThat(job.getStatus()).isEqualTo(RenderStatus.QUEUED);
        assertThat(job.isSubmitRequested()).isFalse();
        assertThatThrownBy(() -> job.startAttempt(T0)).isInstanceOf(ConflictException.class);

        job.requestSubmit(T0);

        assertThat(job.isSubmitRequested()).isTrue();
        assertThatThrownBy(() -> job.requestSubmit(T0)).isInstanceOfSatisfying(ConflictException.class, refused -> {
            assertThat(refused.getMessage()).isEqualTo("Cannot submit a render job that is queued. Allowed now: cancel.");
            assertThat(refused.properties()).containsEntry("currentState", "QUEUED")
                    .containsEntry("attemptedMove", "submit").containsEntry("allowedMoves", List.of("cancel"));
        });
    }

    @Test
    void anAttemptRunsIsAcceptedAndPublishes() {
        RenderJob job = job(true);
        job.startAttempt(T0);
        assertThat(job.getStatus()).isEqualTo(RenderStatus.RUNNING);
        assertThat(job.getRetries().attempt()).isEqualTo(1);
        assertThat(job.submissionInDoubt()).isTrue();
        assertThat(job.idempotencyKey()).isEqualTo(job.getId() + ":1");

        job.submitted("pred-1", T0);
        job.progressed(5, 10, 4, T0);
        assertThat(job.submissionInDoubt()).isFalse();
        assertThat(job.getCurrentStep()).isEqualTo(5);

        UUID primary = UUID.randomUUID();
        job.publish(primary, null, List.of(new RenderJobVariant("1080×1080", primary)), "ff", T0.plusSeconds(3));
        assertThat(job.getStatus()).isEqualTo(RenderStatus.PUBLISHED);
        assertThat(job.getPrimaryAssetId()).isEqualTo(primary);
        assertThat(job.getCurrentStep()).isEqualTo(10);
        assertThat(job.getCompletedAt()).isEqualTo(T0.plusSeconds(3));
    }

    @Test
    void aRetryableFailureWaitsTwiceAsLongEachTimeThenGivesUpAfterMaxRetries() {
        RenderJob job = job(true);
        Instant now = T0;
        for (int retry = 1; retry <= 3; retry++) {
            job.startAttempt(now);
            boolean gaveUp = job.failAttempt("provider-unavailable", "503", null, true, PAUSE, now);
            assertThat(gaveUp).isFalse();
            assertThat(job.getStatus()).isEqualTo(RenderStatus.QUEUED);
            assertThat(job.getRetries().made()).isEqualTo(retry);
            // 10 s, 20 s, 40 s
            assertThat(job.getRetries().nextAt()).isEqualTo(now.plus(PAUSE.multipliedBy(1L << (retry - 1))));
            now = job.getRetries().nextAt();
        }
        job.startAttempt(now);
        assertThat(job.failAttempt("provider-unavailable", "503", null, true, PAUSE, now)).isTrue();
        assertThat(job.getStatus()).isEqualTo(RenderStatus.FAILED);
        assertThat(job.getRetries().attempt()).isEqualTo(4);
        assertThat(job.getRetries().nextAt()).isNull();
        assertThat(job.getLogs().get(job.getLogs().size() - 1).message()).contains("gave up after 3 retries");
    }

    @Test
    void aFailureThatARetryCannotFixFailsAtOnce() {
        RenderJob job = job(true);
        job.startAttempt(T0);
        assertThat(job.failAttempt("layer-does-not-fit", "Layer headline does not fit", null, false, PAUSE, T0))
                .isTrue();
        assertThat(job.getRetries().made()).isZero();
        assertThat(job.getErrorCode()).isEqualTo("layer-does-not-fit");
    }

    @Test
    void submittingAFailedOrCancelledJobStartsOverWithItsRetriesReset() {
        for (RenderStatus ended : List.of(RenderStatus.FAILED, RenderStatus.CANCELLED)) {
            RenderJob job = in(ended);
            job.requestSubmit(T0);
            assertThat(job.getStatus()).isEqualTo(RenderStatus.QUEUED);
            assertThat(job.getRetries().made()).isZero();
            assertThat(job.getErrorCode()).isNull();
            assertThat(job.getCompletedAt()).isNull();
        }
    }

    @ParameterizedTest
    @EnumSource(value = RenderStatus.class, names = {"QUEUED", "RUNNING"})
    void aQueuedOrRunningJobCanBeCancelled(RenderStatus status) {
        RenderJob job = in(status);
        job.cancel(T0);
        assertThat(job.getStatus()).isEqualTo(RenderStatus.CANCELLED);
        assertThat(job.getCompletedAt()).isEqualTo(T0);
    }

    @ParameterizedTest
    @EnumSource(value = RenderStatus.class, names = {"PUBLISHED", "FAILED", "CANCELLED"})
    void anEndedJobCannotBeCancelled(RenderStatus status) {
        RenderJob job = in(status);
        assertThatThrownBy(() -> job.cancel(T0)).isInstanceOfSatisfying(ConflictException.class, refused -> {
            assertThat(refused.type()).isEqualTo("illegal-transition");
            assertThat(refused.properties()).containsEntry("currentState", status.name())
                    .containsEntry("attemptedMove", "cancel")
                    .containsEntry("allowedMoves", status == RenderStatus.PUBLISHED ? List.of() : List.of("submit"));
        });
    }

    @ParameterizedTest
    @EnumSource(value = RenderStatus.class, names = {"RUNNING", "PUBLISHED"})
    void aRunningOrPublishedJobCannotBeSubmitted(RenderStatus status) {
        RenderJob job = in(status);
        assertThatThrownBy(() -> job.requestSubmit(T0)).isInstanceOf(ConflictException.class);
    }

    /** What only the runner does, refused in every state it does not belong to. */
    @ParameterizedTest
    @EnumSource(RenderStatus.class)
    void theRunnersMovesAreRefusedOutOfTurn(RenderStatus status) {
        Map<String, Consumer<RenderJob>> moves = Map.of(
                "start", j -> j.startAttempt(T0),
                "accept", j -> j.submitted("x", T0),
                "publish", j -> j.publish(UUID.randomUUID(), null, List.of(), null, T0),
                "cancelled by provider", j -> j.cancelledByProvider(T0));
        Map<String, RenderStatus> allowedIn = Map.of("start", RenderStatus.QUEUED, "accept", RenderStatus.RUNNING,
                "publish", RenderStatus.RUNNING, "cancelled by provider", RenderStatus.RUNNING);
        moves.forEach((name, move) -> {
            RenderJob job = in(status);
            if (allowedIn.get(name) == status) {
                move.accept(job);
            } else {
                assertThatThrownBy(() -> move.accept(job)).as(name + " in " + status).isInstanceOf(ConflictException.class);
            }
        });
    }

    @Test
    void theLogKeepsTheNewestLinesAndProviderLinesOnce() {
        RenderJob job = job(true);
        for (int i = 0; i < RenderJobLogLine.MAX_LINES + 50; i++) {
            job.log("info", "line " + i, T0);
        }
        assertThat(job.getLogs()).hasSize(RenderJobLogLine.MAX_LINES);
        assertThat(job.getLogs().get(RenderJobLogLine.MAX_LINES - 1).message()).isEqualTo("line " + (RenderJobLogLine.MAX_LINES + 49));

        RenderJob other = job(true);
        other.providerLogs(List.of("step 1", "step 2"), T0);
        other.providerLogs(List.of("step 1", "step 2", "step 3"), T0);
        assertThat(other.getLogs().stream().filter(l -> l.level().equals("provider")).map(RenderJobLogLine::message))
                .containsExactly("step 1", "step 2", "step 3");
    }

    @Test
    void aProvidersWarningsAreLoggedOnceAndItsMetadataIsKeptForTheAttempt() {
        RenderJob job = in(RenderStatus.RUNNING);
        List<Map<String, String>> fallbacks = List.of(Map.of("role", "heading", "source", "brand", "requested", "Futura",
                "used", "Inter"));
        ProviderStatus status = ProviderStatus.running(1, 2, null, List.of("Drew 1080×1080"))
                .withNotes(List.of("The brand's heading font “Futura” is not installed on this server; used Inter instead."),
                        Map.of("fontFallbacks", fallbacks));
        job.providerReport(status, T0);
        job.providerReport(status, T0);
        assertThat(job.getLogs().stream().filter(l -> l.level().equals("warn")).map(RenderJobLogLine::message))
                .containsExactly("The brand's heading font “Futura” is not installed on this server; used Inter instead.");
        assertThat(job.getLogs().stream().filter(l -> l.level().equals("provider")).map(RenderJobLogLine::message))
                .containsExactly("Drew 1080×1080");
        assertThat(job.getProviderMetadata()).containsEntry("fontFallbacks", fallbacks);
        assertThat(RenderJobView.of(job).metadata().fontFallbacks())
                .containsExactly(new RenderJobView.RenderJobFontFallback("heading", "brand", "Futura", "Inter"));

        job.failAttempt("timeout", "Timed out", null, true, PAUSE, T0);
        job.startAttempt(T0.plusSeconds(20));
        assertThat(job.getProviderMetadata()).isEmpty();
        assertThat(RenderJobView.of(job).metadata().fontFallbacks()).isEmpty();
    }
}
