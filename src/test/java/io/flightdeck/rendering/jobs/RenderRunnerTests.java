package io.flightdeck.rendering.jobs;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.imageio.ImageIO;

import io.flightdeck.approvals.ApprovalRequests;
import io.flightdeck.assets.AssetDirectory;
import io.flightdeck.content.CreativeMedia;
import io.flightdeck.identity.MemberDirectory;
import io.flightdeck.rendering.RenderCompleted;
import io.flightdeck.rendering.RenderFailed;
import io.flightdeck.rendering.RenderType;
import io.flightdeck.rendering.jobs.RenderProvider.ProviderStatus;
import io.flightdeck.rendering.jobs.RenderProvider.Submission;
import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.MutableClock;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runner driven step by step (no scheduler in the way: these jobs have no execution) against a scripted
 * provider, with the test's clock: submit, poll, publish into the library and onto the creative, retries with their
 * pauses and the give-up, cancels that land mid-step, and the crash between sending and recording.
 */
@FlightdeckTest
class RenderRunnerTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;
    @Autowired
    RenderJobRepository jobs;
    @Autowired
    RenderMaterials materials;
    @Autowired
    RenderOutputs outputs;
    @Autowired
    CreativeMedia creatives;
    @Autowired
    io.flightdeck.campaigns.CampaignJournal journal;
    @Autowired
    MemberDirectory members;
    @Autowired
    AssetDirectory assets;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    Clock clock;

    private final List<Object> events = new ArrayList<>();
    private final ScriptedProvider provider = new ScriptedProvider();
    private final RenderingProperties properties = new RenderingProperties("scripted", "scripted",
            Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofSeconds(30), 400, "");
    private RenderRunner runner;
    private Member owner;
    private UUID creativeId;

    @BeforeEach
    void setUp() {
        ApplicationEventPublisher recorded = event -> {
            events.add(event);
            publisher.publishEvent(event);
        };
        RenderJobWrites writes = new RenderJobWrites(jobs, members, properties, transactions, recorded, clock);
        runner = new RenderRunner(writes, new RenderProviders(List.of(provider), properties), materials,
                new RenderCompletion(writes, outputs, creatives, journal, recorded, clock), properties, clock);
        owner = workspaces.workspace("Renders");
        Member contributor = workspaces.addMember(owner, Role.CONTRIBUTOR);
        String campaign = new ApprovalRequests(mvc).campaign(owner, "Spring launch");
        var creative = api.as(contributor).post("/api/v1/content/creatives", """
                {"campaignId":"%s","title":"Teaser","topic":"Our spring launch","channels":["INSTAGRAM"],
                 "mode":"MANUAL","texts":{"HEADLINE":"Spring is here","CTA":"Shop now"}}""".formatted(campaign));
        assertThat(creative).hasStatus(201);
        creativeId = UUID.fromString(Json.read(creative, "$.id"));
    }

    @AfterEach
    void resetClock() {
        ((MutableClock) clock).reset();
    }

    private UUID queued(int maxRetries) {
        return workspaces.as(owner, () -> transactions.execute(s -> jobs.save(new RenderJob(creativeId, null,
                RenderType.IMAGE, "scripted", "script-1", Map.of(), maxRetries, 0, owner.userId(), true,
                clock.instant())).getId()));
    }

    private Optional<Instant> step(UUID id) {
        return workspaces.as(owner, () -> runner.step(id));
    }

    private RenderJob job(UUID id) {
        return workspaces.as(owner, () -> transactions.execute(s -> jobs.findById(id).orElseThrow()));
    }

    static byte[] png(Color colour) {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, 40, 30);
        g.dispose();
        try (var out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aJobIsSubmittedPolledAndPublishedIntoTheLibraryAndOntoTheCreative() {
        UUID id = queued(3);
        provider.submits.add(r -> Submission.started("p-1"));
        provider.polls.add(ProviderStatus.running(10, 50, 8, List.of("10/50")));
        provider.polls.add(ScriptedProvider.succeededWith(png(Color.RED), png(Color.BLUE)));

        Instant before = clock.instant();
        Optional<Instant> next = step(id);
        assertThat(job(id).getStatus()).isEqualTo(RenderStatus.RUNNING);
        assertThat(job(id).getProviderJobId()).isEqualTo("p-1");
        assertThat(next).get().matches(at -> !at.isBefore(before.plusSeconds(1)));

        next = step(id);
        RenderJob running = job(id);
        assertThat(running.getCurrentStep()).isEqualTo(10);
        assertThat(running.getTotalSteps()).isEqualTo(50);
        assertThat(running.getEtaSeconds()).isEqualTo(8);
        assertThat(next).isPresent();

        assertThat(step(id)).isEmpty();
        RenderJob done = job(id);
        assertThat(done.getStatus()).isEqualTo(RenderStatus.PUBLISHED);
        assertThat(done.getVariants()).hasSize(2);
        assertThat(done.getOutputHash()).hasSize(64);
        assertThat(provider.submitted).hasValue(1);
        var cards = workspaces.as(owner, () -> assets.find(done.getVariants().stream().map(RenderJobVariant::assetId).toList()));
        assertThat(cards).hasSize(2);
        var brief = workspaces.as(owner, () -> creatives.renderBrief(creativeId)).orElseThrow();
        assertThat(brief.imageAssetId()).isEqualTo(done.getPrimaryAssetId());
        assertThat(events).hasAtLeastOneElementOfType(RenderCompleted.class);
    }

    @Test
    void theSameOutputTwiceIsStoredOnce() {
        UUID first = queued(0);
        UUID second = queued(0);
        byte[] bytes = png(Color.GREEN);
        for (UUID id : List.of(first, second)) {
            provider.submits.add(r -> new Submission(null, ScriptedProvider.succeededWith(bytes)));
            step(id);
        }
        assertThat(job(first).getPrimaryAssetId()).isEqualTo(job(second).getPrimaryAssetId());
    }

    @Test
    void aRetryableFailureIsRetriedAfterDoublingPausesThenGivenUp() {
        UUID id = queued(2);
        for (int i = 0; i < 3; i++) {
            provider.submits.add(r -> { throw new RenderProviderException("provider-unavailable", "503 from the provider", true); });
        }
        MutableClock mutable = (MutableClock) clock;

        Instant t = clock.instant();
        Optional<Instant> next = step(id);
        assertThat(job(id).getStatus()).isEqualTo(RenderStatus.QUEUED);
        assertThat(job(id).getRetries().made()).isEqualTo(1);
        assertThat(next).get().matches(at -> Duration.between(t, at).toSeconds() >= 10 && Duration.between(t, at).toSeconds() < 12);

        // too early: nothing is sent, the step waits for the pause
        assertThat(step(id)).isEqualTo(next);
        assertThat(provider.submitted).hasValue(1);

        mutable.advance(Duration.ofSeconds(11));
        Instant t2 = clock.instant();
        next = step(id);
        assertThat(job(id).getRetries().made()).isEqualTo(2);
        assertThat(next).get().matches(at -> Duration.between(t2, at).toSeconds() >= 20 && Duration.between(t2, at).toSeconds() < 22);

        mutable.advance(Duration.ofSeconds(21));
        assertThat(step(id)).isEmpty();
        RenderJob failed = job(id);
        assertThat(failed.getStatus()).isEqualTo(RenderStatus.FAILED);
        assertThat(failed.getRetries().attempt()).isEqualTo(3);
        assertThat(failed.getErrorCode()).isEqualTo("provider-unavailable");
        assertThat(provider.submitted).hasValue(3);
        assertThat(events).filteredOn(RenderFailed.class::isInstance).hasSize(1);
    }

    @Test
    void aFailureReportedByThePollThatCannotBeFixedFailsWithoutRetrying() {
        UUID id = queued(3);
        provider.submits.add(r -> Submission.started("p-refused"));
        provider.polls.add(ProviderStatus.failed("nsfw", "The output was flagged", false, List.of()));
        step(id);
        assertThat(step(id)).isEmpty();
        assertThat(job(id).getStatus()).isEqualTo(RenderStatus.FAILED);
        assertThat(job(id).getRetries().made()).isZero();
    }

    @Test
    void aRateLimitedPollWaitsAsToldWithoutFailingTheJob() {
        UUID id = queued(3);
        provider.submits.add(r -> Submission.started("p-busy"));
        step(id);
        provider.polls.add(new RenderProviderException("rate-limited", "429: throttled", true, Duration.ofSeconds(7), null));
        provider.polls.add(ScriptedProvider.succeededWith(png(Color.CYAN)));

        Instant t = clock.instant();
        Optional<Instant> next = step(id);
        assertThat(next).get().matches(at -> Duration.between(t, at).toSeconds() >= 7);
        assertThat(job(id).getStatus()).isEqualTo(RenderStatus.RUNNING);
        assertThat(job(id).getRetries().made()).isZero();

        assertThat(step(id)).isEmpty();
        assertThat(job(id).getStatus()).isEqualTo(RenderStatus.PUBLISHED);
    }

    @Test
    void aCancelWhileTheProviderIsBeingAskedStopsTheWorkThere() {
        UUID id = queued(3);
        provider.submits.add(r -> {
            // the person cancels while the submission is on its way
            workspaces.as(owner, () -> transactions.execute(s -> {
                RenderJob j = jobs.findById(id).orElseThrow();
                j.cancel(clock.instant());
                return jobs.saveAndFlush(j);
            }));
            return Submission.started("p-late");
        });
        assertThat(step(id)).isEmpty();
        assertThat(job(id).getStatus()).isEqualTo(RenderStatus.CANCELLED);
        assertThat(provider.cancelled).hasValue(1);
    }

    @Test
    void aCancelledJobIsNotSubmittedOrPolledAgain() {
        UUID id = queued(3);
        workspaces.as(owner, () -> transactions.execute(s -> {
            RenderJob j = jobs.findById(id).orElseThrow();
            j.cancel(clock.instant());
            return jobs.saveAndFlush(j);
        }));
        assertThat(step(id)).isEmpty();
        assertThat(provider.submitted).hasValue(0);
    }

    @Test
    void anInterruptedSubmissionIsFoundAgainRatherThanSentTwice() {
        UUID id = queued(3);
        // the runner recorded the attempt, then the process died before it recorded the provider's id
        workspaces.as(owner, () -> transactions.execute(s -> {
            RenderJob j = jobs.findById(id).orElseThrow();
            j.startAttempt(clock.instant());
            return jobs.saveAndFlush(j);
        }));
        provider.canLookUp = true;
        provider.found = "p-found";
        provider.polls.add(ScriptedProvider.succeededWith(png(Color.ORANGE)));

        step(id);
        assertThat(job(id).getProviderJobId()).isEqualTo("p-found");
        step(id);
        assertThat(job(id).getStatus()).isEqualTo(RenderStatus.PUBLISHED);
        assertThat(provider.submitted).hasValue(0);
        assertThat(provider.lookedUp).hasValue(1);
    }

    @Test
    void anInterruptedSubmissionToAProviderThatCannotBeAskedFailsInsteadOfSendingTwice() {
        UUID id = queued(3);
        workspaces.as(owner, () -> transactions.execute(s -> {
            RenderJob j = jobs.findById(id).orElseThrow();
            j.startAttempt(clock.instant());
            return jobs.saveAndFlush(j);
        }));
        assertThat(step(id)).isEmpty();
        assertThat(job(id).getStatus()).isEqualTo(RenderStatus.FAILED);
        assertThat(job(id).getErrorCode()).isEqualTo("submission-unconfirmed");
        assertThat(provider.submitted).hasValue(0);
    }

    @Test
    void anInterruptedInProcessRenderIsSimplyRenderedAgain() {
        UUID id = queued(3);
        workspaces.as(owner, () -> transactions.execute(s -> {
            RenderJob j = jobs.findById(id).orElseThrow();
            j.startAttempt(clock.instant());
            return jobs.saveAndFlush(j);
        }));
        provider.inProcess = true;
        provider.submits.add(r -> new Submission(null, ScriptedProvider.succeededWith(png(Color.PINK))));
        assertThat(step(id)).isEmpty();
        assertThat(job(id).getStatus()).isEqualTo(RenderStatus.PUBLISHED);
        assertThat(job(id).getRetries().attempt()).isEqualTo(1);
    }

    @Test
    void aJobWhoseCreativeWasDeletedFailsWithTheReason() {
        UUID id = queued(3);
        assertThat(api.as(owner).delete("/api/v1/content/creatives/" + creativeId)).hasStatus2xxSuccessful();
        assertThat(step(id)).isEmpty();
        assertThat(job(id).getStatus()).isEqualTo(RenderStatus.FAILED);
        assertThat(job(id).getErrorCode()).isEqualTo("creative-gone");
    }
}
