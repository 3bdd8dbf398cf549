package io.flightdeck.guidance.outcomes;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.MutableClock;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Predictions in a synthetic workspace history, recorded through {@code predict-success} and scored against the
 * campaigns' outcomes, with the track record's numbers worked by hand; a prediction recorded once a day while nothing
 * changes; and a history that never holds another workspace's campaigns.
 */
@FlightdeckTest
class BackTestTests {

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    TestCampaigns campaigns;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OutcomeScoring scoring;
    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private PredictionFixtures fixtures() {
        return new PredictionFixtures(api, jdbc);
    }

    private LocalDate daysAgo(int days) {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(days);
    }

    /** An email campaign without budget or dates whose objective is 100 clicks, with the clicks it got. */
    private String campaign(Member owner, String name, long clicks) {
        String id = campaigns.draft(name).channels("EMAIL").createdBy(owner);
        fixtures().objective(owner, id, "CLICKS", 100, null);
        if (clicks > 0) {
            fixtures().clicks(owner, id, daysAgo(3), clicks, 10_000);
        }
        return id;
    }

    private Boolean score(Member owner, String campaign) {
        return workspaces.as(owner, () -> scoring.score(UUID.fromString(campaign), clock.instant()));
    }

    private MvcTestResult predict(Member as, String campaign) {
        return api.as(as).get("/api/v1/orchestrator/campaigns/" + campaign + "/predict-success");
    }

    private long recorded(String campaign) {
        return jdbc.sql("select count(*) from guidance_predictions where campaign_id = ?")
                .param(UUID.fromString(campaign)).query(Long.class).single();
    }

    @Test
    void predictionsAreScoredAgainstOutcomesAndTheTrackRecordAddsUp() {
        Member owner = workspaces.workspace("Back-test");
        // the history: 3 of 5 finished email campaigns reached their 100 clicks
        List<String> past = List.of(campaign(owner, "Past 1", 150), campaign(owner, "Past 2", 150),
                campaign(owner, "Past 3", 150), campaign(owner, "Past 4", 50), campaign(owner, "Past 5", 50));
        String b = campaign(owner, "B", 0);
        String c = campaign(owner, "C", 0);
        fixtures().rolledUp(owner);
        past.forEach(p -> score(owner, p));

        // every past campaign is similar (a channel in common, no audience, no budget): p = (3 + 5 × 0.6) / 10
        MvcTestResult forB = predict(owner, b);
        assertThat(forB).hasStatusOk();
        assertThat((String) Json.read(forB, "$.prediction.method")).isEqualTo("BASELINE");
        assertThat((Integer) Json.read(forB, "$.prediction.likelihood")).isEqualTo(60);
        assertThat((String) Json.read(forB, "$.prediction.formula")).isEqualTo("(3 + 5 × 0.60) / (5 + 5) = 0.60");
        assertThat((Integer) Json.read(forB, "$.prediction.learnedFrom")).isEqualTo(5);
        assertThat((String) Json.read(forB, "$.objective.metric")).isEqualTo("CLICKS");
        // the similar campaigns' clicks 50, 50, 150, 150, 150: quartiles at positions 1 and 3
        assertThat(((Number) Json.read(forB, "$.range.low")).doubleValue()).isEqualTo(50.0);
        assertThat(((Number) Json.read(forB, "$.range.high")).doubleValue()).isEqualTo(150.0);
        assertThat((Integer) Json.read(forB, "$.range.from")).isEqualTo(5);
        assertThat((Integer) Json.read(predict(owner, c), "$.prediction.likelihood")).isEqualTo(60);

        fixtures().clicks(owner, b, daysAgo(2), 120, 10_000);
        fixtures().clicks(owner, c, daysAgo(2), 80, 10_000);
        fixtures().rolledUp(owner);
        assertThat(score(owner, b)).isTrue();
        assertThat(score(owner, c)).isFalse();

        // now 4 of 7 met theirs: p = (4 + 5 × 4/7) / (7 + 5) = 0.571
        String d = campaign(owner, "D", 130);
        fixtures().rolledUp(owner);
        MvcTestResult forD = predict(owner, d);
        assertThat((String) Json.read(forD, "$.prediction.formula")).isEqualTo("(4 + 5 × 0.57) / (7 + 5) = 0.57");
        assertThat((Integer) Json.read(forD, "$.prediction.likelihood")).isEqualTo(57);
        assertThat(score(owner, d)).isTrue();

        MvcTestResult record = api.as(owner).get("/api/v1/orchestrator/track-record");
        assertThat(record).hasStatusOk();
        assertThat((Integer) Json.read(record, "$.scored")).isEqualTo(3);
        // B said 60 and met, C said 60 and missed, D said 57 and met
        assertThat((Integer) Json.read(record, "$.rightAtHalf")).isEqualTo(2);
        // ((0.60 − 1)² + (0.60 − 0)² + (0.57 − 1)²) / 3 = (0.16 + 0.36 + 0.1849) / 3 = 0.23497
        assertThat(((Number) Json.read(record, "$.brierScore")).doubleValue()).isCloseTo(0.7049 / 3, within(1e-9));
        assertThat((List<Integer>) Json.read(record, "$.calibration[*].predictions")).containsExactly(0, 0, 1, 2, 0);
        assertThat((Integer) Json.read(record, "$.calibration[3].met")).isEqualTo(1);
        assertThat((Integer) Json.read(record, "$.calibration[3].metPercent")).isEqualTo(50);
        assertThat((Integer) Json.read(record, "$.calibration[2].metPercent")).isEqualTo(100);

        MvcTestResult ofC = api.as(owner).get("/api/v1/orchestrator/campaigns/" + c + "/track-record");
        assertThat(ofC).hasStatusOk();
        assertThat((List<Object>) Json.read(ofC, "$.predictions")).hasSize(1);
        assertThat((Boolean) Json.read(ofC, "$.predictions[0].met")).isFalse();
        assertThat(((Number) Json.read(ofC, "$.predictions[0].achieved")).doubleValue()).isEqualTo(80.0);
        assertThat(((Number) Json.read(ofC, "$.record.brierScore")).doubleValue()).isCloseTo(0.36, within(1e-9));
    }

    @Test
    void aPredictionIsRecordedOnceADayWhileNothingChanges() {
        Member owner = workspaces.workspace("Recorded once");
        String campaign = campaigns.draft("Quiet").channels("EMAIL").createdBy(owner);

        MvcTestResult first = predict(owner, campaign);
        assertThat(first).hasStatusOk();
        assertThat((String) Json.read(first, "$.prediction.method")).isEqualTo("NOT_ENOUGH_HISTORY");
        assertThat((String) Json.read(first, "$.prediction.explanation"))
                .isEqualTo("Not enough history: 0 finished campaigns judged against an objective in this workspace, "
                        + "and an estimate needs at least 5.");
        assertThat((Object) Json.read(first, "$.objective")).isNull();
        assertThat((String) Json.read(predict(owner, campaign), "$.id")).isEqualTo(Json.read(first, "$.id"));
        assertThat(recorded(campaign)).isEqualTo(1);

        fixtures().objective(owner, campaign, "CLICK_RATE", 2, null);
        MvcTestResult changed = predict(owner, campaign);
        assertThat((String) Json.read(changed, "$.objective.metric")).isEqualTo("CLICK_RATE");
        assertThat(recorded(campaign)).isEqualTo(2);
        assertThat(predict(owner, campaign)).hasStatusOk();
        assertThat(recorded(campaign)).isEqualTo(2);

        clock.advance(Duration.ofDays(1));
        assertThat(predict(owner, campaign)).hasStatusOk();
        assertThat(recorded(campaign)).as("a new day records again").isEqualTo(3);
    }

    @Test
    void firstLoadsAtOnceRecordOnePrediction() throws Exception {
        Member owner = workspaces.workspace("Loaded at once");
        for (int round = 0; round < 5; round++) {
            String campaign = campaigns.draft("At once " + round).channels("EMAIL").createdBy(owner);
            List<Callable<String>> loads = java.util.Collections.nCopies(4,
                    () -> Json.read(predict(owner, campaign), "$.id"));
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<String> ids = pool.invokeAll(loads).stream().map(BackTestTests::answer).toList();
                assertThat(ids).as("every load answers the one recorded").containsOnly(ids.get(0));
            } finally {
                pool.shutdownNow();
            }
            assertThat(recorded(campaign)).isEqualTo(1);
        }
    }

    private static String answer(Future<String> load) {
        try {
            return load.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theHistoryIsTheWorkspacesOwn() {
        Member owner = workspaces.workspace("History own");
        for (int i = 1; i <= 5; i++) {
            campaign(owner, "Own " + i, 150);
        }
        String mine = campaigns.draft("Mine").channels("EMAIL").createdBy(owner);
        Member stranger = workspaces.workspace("History stranger");
        String theirs = campaigns.draft("Theirs").channels("EMAIL").createdBy(stranger);
        fixtures().rolledUp(owner);
        for (UUID id : jdbc.sql("select id from campaigns where tenant_id = ? and name like 'Own %'")
                .param(owner.workspaceId()).query(UUID.class).list()) {
            workspaces.as(owner, () -> scoring.score(id, clock.instant()));
        }

        assertThat((Integer) Json.read(predict(owner, mine), "$.prediction.learnedFrom")).isEqualTo(5);
        MvcTestResult theirPrediction = predict(stranger, theirs);
        assertThat((String) Json.read(theirPrediction, "$.prediction.method")).isEqualTo("NOT_ENOUGH_HISTORY");
        assertThat((Integer) Json.read(theirPrediction, "$.prediction.learnedFrom")).isEqualTo(0);
        assertThat(predict(stranger, mine)).hasStatus(404);
        assertThat(api.as(stranger).get("/api/v1/orchestrator/campaigns/" + mine + "/track-record")).hasStatus(404);
        assertThat((Integer) Json.read(api.as(stranger).get("/api/v1/orchestrator/track-record"), "$.scored"))
                .isZero();
    }
}
