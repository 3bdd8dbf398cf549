package io.flightdeck.email.sending;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.flightdeck.email.abtest.AbTestSettings;
import io.flightdeck.email.abtest.AbTestVerdict;
import io.flightdeck.email.abtest.InconclusiveRule;
import io.flightdeck.email.abtest.Metric;
import io.flightdeck.shared.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An email's A/B test: its variants, the share of the audience they go to, and how and when the winner is judged.
 * Once the test group has its messages and the decision time has come, a verdict goes to the rest: the winner,
 * variant A when the test is inconclusive and the rule says so, or nobody yet (wait) until a later look or a
 * person's pick.
 */
@Entity
@Table(name = "email_ab_tests")
class EmailAbTest extends VersionedEntity {

    /** What became of the test; null while it runs or before it starts. */
    enum Outcome { WINNER, SEND_VARIANT_A, WAIT, PICKED }

    @Column(name = "email_campaign_id", nullable = false, updatable = false)
    private UUID emailCampaignId;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<AbVariant> variants = new ArrayList<>();
    @Column(name = "test_share", nullable = false)
    private int testShare;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Metric metric;
    @Column(name = "goal_url")
    private String goalUrl;
    @Column(name = "minimum_sample", nullable = false)
    private int minimumSample;
    @Column(nullable = false)
    private double confidence;
    @Enumerated(EnumType.STRING)
    @Column(name = "if_inconclusive", nullable = false)
    private InconclusiveRule ifInconclusive;
    @Column(name = "decide_after_minutes", nullable = false)
    private int decideAfterMinutes;
    @Column(name = "decide_at")
    private Instant decideAt;
    @Enumerated(EnumType.STRING)
    private Outcome outcome;
    private String winner;
    private String reason;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<String> warnings = new ArrayList<>();
    @Column(name = "decided_at")
    private Instant decidedAt;

    protected EmailAbTest() {
    }

    EmailAbTest(UUID emailCampaignId, AbTestPlan plan, Instant now) {
        this.emailCampaignId = emailCampaignId;
        change(plan, now);
    }

    void change(AbTestPlan plan, Instant now) {
        variants = new ArrayList<>(plan.variants());
        testShare = plan.testShare();
        metric = plan.settings().metric();
        goalUrl = plan.goalUrl();
        minimumSample = (int) plan.settings().minimumSamplePerVariant();
        confidence = plan.settings().requiredConfidence();
        ifInconclusive = plan.settings().ifInconclusive();
        decideAfterMinutes = (int) plan.decideAfter().toMinutes();
        updatedAt = now;
    }

    /** The send started: the decision is due {@code decideAfter} from now. */
    void start(Instant now) {
        decideAt = now.plus(Duration.ofMinutes(decideAfterMinutes));
        updatedAt = now;
    }

    /** Records a verdict; a WAIT may be followed by another look, any other outcome is final. */
    void decide(AbTestVerdict verdict, Instant now) {
        outcome = Outcome.valueOf(verdict.outcome().name());
        winner = verdict.variantToSend().orElse(null);
        reason = verdict.reason();
        warnings = new ArrayList<>(verdict.warnings());
        decidedAt = now;
        updatedAt = now;
    }

    /** A person's choice of the variant the rest gets, once the test runs and before the rest got anything. */
    void pick(String variant, String who, Instant now) {
        AbTestMove.PICK.requireFrom(status());
        if (!keys().contains(variant)) {
            throw new io.flightdeck.shared.InvalidInputException("variant", "This test has variants "
                    + String.join(", ", keys()) + "; there is no variant " + variant);
        }
        outcome = Outcome.PICKED;
        winner = variant;
        reason = who + " picked variant " + variant + " for the rest.";
        decidedAt = now;
        updatedAt = now;
    }

    AbTestMove.Status status() {
        if (decideAt == null) {
            return AbTestMove.Status.SET_UP;
        }
        return outcome == null ? AbTestMove.Status.TESTING
                : outcome == Outcome.WAIT ? AbTestMove.Status.WAITING : AbTestMove.Status.DECIDED;
    }

    /** Whether the rest still waits: no outcome yet, or the last look said wait. */
    boolean open() {
        return outcome == null || outcome == Outcome.WAIT;
    }

    /** A, then the variants' keys. */
    List<String> keys() {
        List<String> keys = new ArrayList<>(List.of("A"));
        variants.forEach(v -> keys.add(v.key()));
        return keys;
    }

    AbTestSettings settings() {
        return new AbTestSettings(metric, minimumSample, confidence, ifInconclusive);
    }

    UUID emailCampaignId() {
        return emailCampaignId;
    }

    List<AbVariant> variants() {
        return List.copyOf(variants);
    }

    int testShare() {
        return testShare;
    }

    String goalUrl() {
        return goalUrl;
    }

    Duration decideAfter() {
        return Duration.ofMinutes(decideAfterMinutes);
    }

    Instant decideAt() {
        return decideAt;
    }

    Outcome outcome() {
        return outcome;
    }

    String winner() {
        return winner;
    }

    String reason() {
        return reason;
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }

    Instant decidedAt() {
        return decidedAt;
    }

    long version() {
        return version;
    }
}
