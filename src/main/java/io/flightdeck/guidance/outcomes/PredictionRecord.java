package io.flightdeck.guidance.outcomes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.flightdeck.analytics.CampaignTotals;
import io.flightdeck.guidance.objectives.CampaignObjective;
import io.flightdeck.guidance.objectives.ObjectiveMetric;
import io.flightdeck.guidance.prediction.CampaignFeatures;
import io.flightdeck.guidance.prediction.SuccessPrediction;
import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One prediction as it was made: its inputs (the features, the objective, the history's size), its answer and the
 * range of the objective's metric similar past campaigns achieved; and, once the campaign's outcome is known, what
 * the campaign achieved and whether it met the objective.
 */
@Entity
@Table(name = "guidance_predictions")
class PredictionRecord extends TenantOwnedEntity {

    @Column(name = "campaign_id", nullable = false, updatable = false)
    private UUID campaignId;
    @Column(name = "predicted_at", nullable = false, updatable = false)
    private Instant predictedAt;
    @Column(name = "predicted_on", nullable = false, updatable = false)
    private LocalDate predictedOn;
    @Column(name = "inputs_hash", nullable = false, updatable = false)
    private String inputsHash;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false)
    private CampaignFeatures features;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private ObjectiveMetric metric;
    @Column(updatable = false)
    private BigDecimal target;
    @Column(updatable = false)
    private String currency;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private SuccessPrediction.Method method;
    @Column(updatable = false)
    private Integer likelihood;
    @Column(updatable = false)
    private Integer low;
    @Column(updatable = false)
    private Integer high;
    @Column(name = "history_size", nullable = false, updatable = false)
    private int historySize;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false)
    private List<SuccessPrediction.Factor> factors = new ArrayList<>();
    @Column(updatable = false)
    private String formula;
    @Column(nullable = false, updatable = false)
    private String explanation;
    @Column(name = "range_low", updatable = false)
    private BigDecimal rangeLow;
    @Column(name = "range_high", updatable = false)
    private BigDecimal rangeHigh;
    @Column(name = "range_from", nullable = false, updatable = false)
    private int rangeFrom;
    private BigDecimal achieved;
    private Boolean met;
    @Column(name = "scored_at")
    private Instant scoredAt;
    @Version
    private long version;

    protected PredictionRecord() {
    }

    PredictionRecord(UUID campaignId, Instant at, LocalDate on, String inputsHash, CampaignFeatures features,
            CampaignObjective.Target objective, SuccessPrediction prediction, MetricRange range) {
        this.campaignId = campaignId;
        this.predictedAt = at;
        this.predictedOn = on;
        this.inputsHash = inputsHash;
        this.features = features;
        if (objective != null) {
            this.metric = objective.metric();
            this.target = objective.value();
            this.currency = objective.currency();
        }
        this.method = prediction.method();
        this.likelihood = prediction.likelihood();
        this.low = prediction.low();
        this.high = prediction.high();
        this.historySize = prediction.learnedFrom();
        this.factors = new ArrayList<>(prediction.factors());
        this.formula = prediction.formula();
        this.explanation = prediction.explanation();
        if (range != null) {
            this.rangeLow = range.low();
            this.rangeHigh = range.high();
            this.rangeFrom = range.from();
        }
    }

    /**
     * Scores this prediction against the objective it was made for, from the campaign's final totals (again, when late
     * numbers change them): an objective changed later does not rewrite what this prediction claimed. A prediction
     * made without an objective claims nothing to check and stays unscored.
     */
    void score(List<CampaignTotals.Total> totals, Instant at) {
        if (metric == null) {
            return;
        }
        CampaignObjective.Target objective = new CampaignObjective.Target(metric, target, currency);
        this.achieved = metric.achieved(totals, currency);
        this.met = achieved == null ? null : objective.metBy(achieved);
        this.scoredAt = met == null ? null : at;
    }

    RecordedPrediction view() {
        CampaignObjective.Target objective = metric == null ? null
                : new CampaignObjective.Target(metric, target, currency);
        SuccessPrediction prediction = new SuccessPrediction(method, likelihood, low, high, factors, formula,
                explanation, historySize);
        return new RecordedPrediction(getId(), campaignId, predictedAt, objective, prediction, features,
                rangeLow == null ? null : new MetricRange(rangeLow, rangeHigh, rangeFrom), achieved, met, scoredAt);
    }

    UUID getCampaignId() {
        return campaignId;
    }

    LocalDate getPredictedOn() {
        return predictedOn;
    }

    String getInputsHash() {
        return inputsHash;
    }
}
