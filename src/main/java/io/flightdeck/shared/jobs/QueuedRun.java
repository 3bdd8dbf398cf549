package io.flightdeck.shared.jobs;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * How a request a job carries out is going, for work whose result and DONE commit together (a regeneration, a
 * strategy draft): QUEUED until a run starts, RUNNING while one works, then DONE or FAILED with why in words. A run that
 * finds it RUNNING was cut off before it recorded anything, so it runs again, up to {@link #ATTEMPTS} times. The owning
 * entity keeps its own {@code updatedAt}; columns {@code state}, {@code attempts}, {@code reason}, {@code finished_at}.
 */
@Embeddable
public class QueuedRun {

    public static final int ATTEMPTS = 3;

    /** QUEUED until its job runs; RUNNING while it works; DONE or FAILED. */
    public enum State {
        QUEUED, RUNNING, DONE, FAILED
    }

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false)
    private State state = State.QUEUED;
    @Column(name = "attempts", nullable = false)
    private int attempts;
    @Column(name = "reason")
    private String reason;
    @Column(name = "finished_at")
    private Instant finishedAt;

    /** Whether a run has work: queued, or running when the last run was cut off. */
    public boolean open() {
        return state == State.QUEUED || state == State.RUNNING;
    }

    /** A run begins; false when its attempts are spent (it is then failed, saying it stopped while {@code doing}). */
    public boolean start(String doing, Instant now) {
        if (attempts >= ATTEMPTS) {
            failed("Flightdeck stopped " + attempts + " times while " + doing + "; ask for it again", now);
            return false;
        }
        state = State.RUNNING;
        attempts++;
        return true;
    }

    public void done(Instant now) {
        state = State.DONE;
        reason = null;
        finishedAt = now;
    }

    /** Failed with why in words (at most 500 characters). */
    public void failed(String why, Instant now) {
        state = State.FAILED;
        String text = why == null ? "It failed" : why;
        reason = text.length() > 500 ? text.substring(0, 499) + "…" : text;
        finishedAt = now;
    }

    public State state() {
        return state;
    }

    public int attempts() {
        return attempts;
    }

    public String reason() {
        return reason;
    }

    public Instant finishedAt() {
        return finishedAt;
    }
}
