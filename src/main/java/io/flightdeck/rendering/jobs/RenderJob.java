package io.flightdeck.rendering.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.rendering.RenderType;
import io.flightdeck.shared.Text;
import io.flightdeck.shared.outbound.Retries;
import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A render job (seed 000's RenderJob) and its lifecycle (seed 001): every transition is a method here, guarded by
 * {@link RenderJobMove}, so one the state does not allow answers 409. The runner moves a job through its attempts;
 * people submit and cancel. Optimistic locking makes a cancel that lands while the runner is talking to the provider
 * win: the runner's write fails, it reads the job again and stops the provider's work.
 */
@Entity
@Table(name = "render_jobs")
class RenderJob extends TenantOwnedEntity {

    private UUID creativeId;
    private UUID campaignId;
    @Enumerated(EnumType.STRING)
    private RenderType type;
    private String provider;
    private String model;
    @Enumerated(EnumType.STRING)
    private RenderStatus status;
    private boolean submitRequested;
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Object> params = new LinkedHashMap<>();
    private String providerJobId;
    /** Attempt number (with the id, the key), retries made and allowed, and when the next is due. */
    @Embedded
    private Retries retries;
    private Integer currentStep;
    private Integer totalSteps;
    private Integer etaSeconds;
    private UUID primaryAssetId;
    private UUID posterAssetId;
    @JdbcTypeCode(SqlTypes.JSON)
    private List<RenderJobVariant> variants = new ArrayList<>();
    private String errorCode;
    private String errorMessage;
    private String errorDetails;
    @JdbcTypeCode(SqlTypes.JSON)
    private List<RenderJobLogLine> logs = new ArrayList<>();
    private String outputHash;
    /** What the provider reported about the current attempt's result ({@code fontFallbacks}, …); null before any. */
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Object> providerMetadata;
    private int regenerationCount;
    private int pollCount;
    private UUID requestedBy;
    private Instant createdAt;
    private Instant startedAt;
    private Instant completedAt;
    private Instant updatedAt;
    @Version
    @Column(name = "version")
    private long version;

    protected RenderJob() {
    }

    RenderJob(UUID creativeId, UUID campaignId, RenderType type, String provider, String model, Map<String, Object> params,
            int maxRetries, int regenerationCount, UUID requestedBy, boolean submit, Instant now) {
        this.creativeId = creativeId;
        this.campaignId = campaignId;
        this.type = type;
        this.provider = provider;
        this.model = model;
        this.params = new LinkedHashMap<>(params);
        this.retries = new Retries(maxRetries);
        this.regenerationCount = regenerationCount;
        this.requestedBy = requestedBy;
        this.status = RenderStatus.QUEUED;
        this.submitRequested = submit;
        this.createdAt = now;
        this.updatedAt = now;
        log("info", submit ? "Queued for " + provider + " (" + model + ")" : "Created; waiting to be submitted", now);
    }

    /**
     * A person's submit: a job created without submitting goes to the queue; a failed or cancelled one starts over
     * with its retries reset. Anything else is already on its way, or done.
     */
    void requestSubmit(Instant now) {
        RenderJobMove.SUBMIT.requireFor(status, submitRequested);
        if (status == RenderStatus.QUEUED) {
            submitRequested = true;
            log("info", "Submitted", now);
        } else {
            log("info", "Submitted again after it " + (status == RenderStatus.FAILED ? "failed" : "was cancelled"), now);
            status = RenderStatus.QUEUED;
            submitRequested = true;
            retries.restart();
            providerJobId = null;
            clearError();
            clearProgress();
            completedAt = null;
        }
        updatedAt = now;
    }

    /** The runner starts an attempt: the job is with the provider from here, its id not known yet. */
    void startAttempt(Instant now) {
        RenderJobMove.START_ATTEMPT.requireFor(status, submitRequested);
        status = RenderStatus.RUNNING;
        int attempt = retries.start();
        providerJobId = null;
        providerMetadata = null;
        pollCount = 0;
        clearProgress();
        if (startedAt == null) {
            startedAt = now;
        }
        updatedAt = now;
        log("info", "Attempt " + attempt + (retries.made() > 0 ? " (retry " + retries.made() + " of "
                + retries.allowed() + ")" : "") + ": sending to " + provider, now);
    }

    /** The provider accepted the attempt under this id. */
    void submitted(String id, Instant now) {
        RenderJobMove.RECORD_PROVIDER_ID.requireFor(status, submitRequested);
        providerJobId = id;
        updatedAt = now;
        log("info", "Accepted by " + provider + " as " + id, now);
    }

    void progressed(Integer current, Integer total, Integer eta, Instant now) {
        if (status != RenderStatus.RUNNING) {
            return;
        }
        currentStep = current;
        totalSteps = total;
        etaSeconds = eta;
        updatedAt = now;
    }

    void polled(Instant now) {
        pollCount++;
        updatedAt = now;
    }

    /** The outputs are in the library: the job is done. */
    void publish(UUID primary, UUID poster, List<RenderJobVariant> outputs, String hash, Instant now) {
        RenderJobMove.PUBLISH.requireFor(status, submitRequested);
        status = RenderStatus.PUBLISHED;
        primaryAssetId = primary;
        posterAssetId = poster;
        variants = new ArrayList<>(outputs);
        outputHash = hash;
        if (totalSteps != null) {
            currentStep = totalSteps;
        }
        etaSeconds = 0;
        completedAt = now;
        updatedAt = now;
        log("info", "Published " + outputs.size() + (outputs.size() == 1 ? " output" : " outputs"), now);
    }

    /**
     * An attempt failed. A failure that trying again could fix goes back to the queue after a pause that doubles with
     * each retry, until the retries run out; any other fails the job.
     *
     * @return true when the job failed for good
     */
    boolean failAttempt(String code, String message, String details, boolean retryable, Duration firstPause, Instant now) {
        RenderJobMove.FAIL.requireFor(status, submitRequested);
        errorCode = code;
        errorMessage = Text.cut(message, 2000);
        errorDetails = Text.cut(details, 4000);
        providerJobId = null;
        Instant next = retries.failed(retryable, firstPause, null, now);
        updatedAt = now;
        if (next != null) {
            status = RenderStatus.QUEUED;
            clearProgress();
            log("warn", message + " — retry " + retries.made() + " of " + retries.allowed() + " at " + next, now);
            return false;
        }
        status = RenderStatus.FAILED;
        completedAt = now;
        log("error", message + (retryable ? " — gave up after " + retries.made() + " retries" : ""), now);
        return true;
    }

    /** A person's cancel: a queued job stops at once, a running one is also stopped at the provider (by the caller). */
    void cancel(Instant now) {
        RenderJobMove.CANCEL.requireFor(status, submitRequested);
        status = RenderStatus.CANCELLED;
        retries.stop();
        completedAt = now;
        updatedAt = now;
        log("info", "Cancelled", now);
    }

    /** The provider stopped the work itself (cancelled on its dashboard, say). */
    void cancelledByProvider(Instant now) {
        RenderJobMove.CANCELLED_BY_PROVIDER.requireFor(status, submitRequested);
        status = RenderStatus.CANCELLED;
        completedAt = now;
        updatedAt = now;
        log("warn", provider + " cancelled the work", now);
    }

    void log(String level, String message, Instant at) {
        RenderJobLogLine.append(logs, level, message, at);
    }

    /** Logs from the provider, without repeating lines it sends again on every poll. */
    void providerLogs(List<String> lines, Instant at) {
        lines.forEach(line -> RenderJobLogLine.appendOnce(logs, "provider", line, at));
    }

    /**
     * Everything a provider's status tells besides its state: its log lines, its warnings (as warnings, each once) and
     * its metadata (kept for the attempt, merged over what it said before).
     */
    void providerReport(RenderProvider.ProviderStatus status, Instant at) {
        providerLogs(status.logs(), at);
        status.warnings().forEach(warning -> RenderJobLogLine.appendOnce(logs, "warn", warning, at));
        if (!status.metadata().isEmpty()) {
            Map<String, Object> merged = new LinkedHashMap<>(getProviderMetadata());
            merged.putAll(status.metadata());
            providerMetadata = merged;
        }
    }

    /** An attempt is waiting for its provider id: it was sent, or was about to be, when the runner stopped. */
    boolean submissionInDoubt() {
        return status == RenderStatus.RUNNING && providerJobId == null;
    }

    String idempotencyKey() {
        return retries.key(getId());
    }

    private void clearProgress() {
        currentStep = null;
        totalSteps = null;
        etaSeconds = null;
    }

    private void clearError() {
        errorCode = null;
        errorMessage = null;
        errorDetails = null;
    }

    public UUID getCreativeId() { return creativeId; }
    public UUID getCampaignId() { return campaignId; }
    public RenderType getType() { return type; }
    public String getProvider() { return provider; }
    public String getModel() { return model; }
    public RenderStatus getStatus() { return status; }
    public boolean isSubmitRequested() { return submitRequested; }
    public Map<String, Object> getParams() { return params; }
    public String getProviderJobId() { return providerJobId; }
    public Retries getRetries() { return retries; }
    public Integer getCurrentStep() { return currentStep; }
    public Integer getTotalSteps() { return totalSteps; }
    public Integer getEtaSeconds() { return etaSeconds; }
    public UUID getPrimaryAssetId() { return primaryAssetId; }
    public UUID getPosterAssetId() { return posterAssetId; }
    public List<RenderJobVariant> getVariants() { return variants; }
    public String getErrorCode() { return errorCode; }
    public String getErrorMessage() { return errorMessage; }
    public String getErrorDetails() { return errorDetails; }
    public List<RenderJobLogLine> getLogs() { return logs; }
    public String getOutputHash() { return outputHash; }
    public Map<String, Object> getProviderMetadata() { return providerMetadata == null ? Map.of() : providerMetadata; }
    public int getRegenerationCount() { return regenerationCount; }
    public int getPollCount() { return pollCount; }
    public UUID getRequestedBy() { return requestedBy; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getStartedAt() { return startedAt; }
    public Instant getCompletedAt() { return completedAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public long getVersion() { return version; }
}
