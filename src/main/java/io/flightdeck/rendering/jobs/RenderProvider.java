package io.flightdeck.rendering.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.flightdeck.shared.webhooks.WebhookRejectedException;
import io.flightdeck.rendering.RenderType;

/**
 * A renderer (seed 001's provider interface): the built-in image and video renderers, Replicate, Runway, and any
 * provider added later as a bean of this type. A job names its provider by {@link #name()}.
 * <p>
 * The job runner calls {@link #submit} once per attempt and {@link #poll} until the provider says the work ended; a
 * provider that works in this process may finish inside {@code submit}. Calls come from db-scheduler's threads,
 * outside any transaction. A failure is a {@link RenderProviderException} that says whether trying again could help.
 */
public interface RenderProvider {

    /** What the provider is: jobs name it by {@link About#name()}, people see its display name. */
    About about();

    /** The name jobs use ({@code builtin-image}, {@code replicate}, …): lower case, stable, stored on every job. */
    default String name() {
        return about().name();
    }

    /** A label for people. */
    default String displayName() {
        return about().displayName();
    }

    default boolean canRender(RenderType type) {
        return about().types().contains(type);
    }

    /** The model a job gets when it names none. */
    default String defaultModel(RenderType type) {
        return about().defaultModel();
    }

    /** Whether the provider is configured here (an adapter without its API token is listed but cannot be chosen). */
    default boolean available() {
        return true;
    }

    /** Whether the work happens in this process (see {@link About#inProcess()}). */
    default boolean inProcess() {
        return about().inProcess();
    }

    /**
     * Checks a new job's params before anything is written: an unknown template, a size the model cannot make.
     * Throws {@link io.flightdeck.shared.InvalidInputException} naming the field; answers the params to store
     * (defaults filled in).
     */
    default java.util.Map<String, Object> checkParams(RenderType type, java.util.Map<String, Object> params) {
        return params;
    }

    /** Starts the work: the provider's id for it, or (in-process providers) the finished result. */
    Submission submit(RenderRequest request);

    /** Where the work stands; when it succeeded, its outputs, ready to be downloaded. */
    ProviderStatus poll(String providerJobId);

    /** Asks the provider to stop (best effort: a provider that already finished has nothing to stop). */
    default void cancel(String providerJobId) {
    }

    /**
     * The provider's id for a submission made with this request's idempotency key, when the provider can be asked:
     * the runner uses it after a crash between sending a submission and recording its id, so the work is neither
     * lost nor sent twice. Providers that cannot be asked answer empty and {@link #canLookUpSubmissions()} false.
     */
    default Optional<String> findSubmission(RenderRequest request) {
        return Optional.empty();
    }

    default boolean canLookUpSubmissions() {
        return false;
    }

    /**
     * A callback from the provider, verified with one of the webhook kit's schemes ({@code shared.webhooks}; a bad or
     * stale signature throws {@link WebhookRejectedException}) before its body is parsed. Headers come by lower-case
     * name, the body exactly as received. Empty when the delivery is about nothing the runner tracks.
     */
    default Optional<WebhookUpdate> handleWebhook(Map<String, String> headers, byte[] body) {
        throw new WebhookRejectedException(displayName() + " does not send webhooks");
    }

    /**
     * What a provider is, in one place.
     *
     * @param name         the name jobs use: lower case, stable, stored on every job
     * @param displayName  a label for people
     * @param types        what it renders
     * @param defaultModel the model a job gets when it names none
     * @param inProcess    whether the work happens in this process: such a provider is simply asked again after a crash
     *                     (its output is the same bytes, stored once), so a submission that may or may not have
     *                     happened is re-run, not looked up
     */
    record About(String name, String displayName, Set<RenderType> types, String defaultModel, boolean inProcess) {

        public About {
            types = Set.copyOf(types);
        }

        public About(String name, String displayName, RenderType type, String defaultModel, boolean inProcess) {
            this(name, displayName, Set.of(type), defaultModel, inProcess);
        }
    }

    /** The outcome of a submission: the provider's id, and for in-process work the finished status. */
    record Submission(String providerJobId, ProviderStatus finished) {

        public static Submission started(String providerJobId) {
            return new Submission(providerJobId, null);
        }
    }

    /**
     * Where a provider's work stands.
     *
     * @param retryable for FAILED: whether submitting again could succeed (a timeout, an outage), not (a refused prompt)
     * @param warnings  what a person should know about the result, in their words (a font this server lacks was
     *                  replaced); the job's log shows them as warnings
     * @param metadata  facts about the result the job keeps beside its hash, by name ({@code fontFallbacks}); values
     *                  are JSON-friendly (strings, numbers, lists, maps)
     */
    record ProviderStatus(State state, Integer currentStep, Integer totalSteps, Integer etaSeconds, List<Output> outputs,
            String errorCode, String errorMessage, boolean retryable, List<String> logs, List<String> warnings,
            Map<String, Object> metadata) {

        public enum State { RUNNING, SUCCEEDED, FAILED, CANCELLED }

        public ProviderStatus {
            outputs = outputs == null ? List.of() : List.copyOf(outputs);
            logs = logs == null ? List.of() : List.copyOf(logs);
            warnings = warnings == null ? List.of() : List.copyOf(warnings);
            metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        }

        /** The same status with these warnings and metadata added. */
        public ProviderStatus withNotes(List<String> moreWarnings, Map<String, Object> moreMetadata) {
            List<String> w = new java.util.ArrayList<>(warnings);
            w.addAll(moreWarnings);
            Map<String, Object> m = new java.util.LinkedHashMap<>(metadata);
            m.putAll(moreMetadata);
            return new ProviderStatus(state, currentStep, totalSteps, etaSeconds, outputs, errorCode, errorMessage,
                    retryable, logs, w, m);
        }

        public static ProviderStatus running(Integer current, Integer total, Integer etaSeconds, List<String> logs) {
            return new ProviderStatus(State.RUNNING, current, total, etaSeconds, List.of(), null, null, false, logs, null, null);
        }

        public static ProviderStatus succeeded(List<Output> outputs, List<String> logs) {
            return new ProviderStatus(State.SUCCEEDED, null, null, 0, outputs, null, null, false, logs, null, null);
        }

        public static ProviderStatus failed(String code, String message, boolean retryable, List<String> logs) {
            return new ProviderStatus(State.FAILED, null, null, null, List.of(), code, message, retryable, logs, null, null);
        }

        public static ProviderStatus cancelled(List<String> logs) {
            return new ProviderStatus(State.CANCELLED, null, null, null, List.of(), null, null, false, logs, null, null);
        }
    }

    /**
     * One file a render produced.
     *
     * @param label    what it is to a person: {@code 1080×1080}, {@code video}, {@code poster}
     * @param fileName the name the asset gets (its extension tells the type)
     */
    record Output(Role role, String label, String fileName, OutputSource source) {

        public enum Role { PRIMARY, VARIANT, POSTER }
    }

    /** Opens an output's bytes (a download from the provider, or bytes in memory); the caller closes the stream. */
    @FunctionalInterface
    interface OutputSource {
        InputStream open() throws IOException;
    }

    /** What a verified callback says: its delivery id (to drop repeats), the provider's job id, and the status. */
    record WebhookUpdate(String deliveryId, String providerJobId, ProviderStatus status) {
    }
}
