package io.flightdeck.email.templates;

import java.time.Instant;
import java.util.UUID;

import io.flightdeck.shared.outbound.Attempts;
import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * One test send in the ledger: written QUEUED with its one attempt begun, and committed before the mail is handed on
 * (its id is the mail's key and Message-ID), then SENT or FAILED with the reason in words. A row left QUEUED is one
 * whose outcome nobody saw. The attempt is kept as every outgoing-message ledger keeps it ({@link Attempts}); a test
 * is never retried, a person sends a new one. A queued test ({@link TestSendQueue}) is written WAITING with no attempt,
 * and its job moves it to QUEUED when the attempt begins, so a run that finds it QUEUED knows not to send it again.
 */
@Entity
@Table(name = "email_test_sends")
class TestSend extends TenantOwnedEntity {

    @Column(name = "subject_kind", nullable = false, updatable = false)
    private String subjectKind;
    @Column(name = "subject_id", nullable = false, updatable = false)
    private UUID subjectId;
    @Column(name = "content_digest", nullable = false, updatable = false)
    private String contentDigest;
    @Column(name = "to_address", nullable = false, updatable = false)
    private String toAddress;
    @Column(name = "contact_id", updatable = false)
    private UUID contactId;
    @Column(nullable = false)
    private String state;
    @Embedded
    @AttributeOverride(name = "lastError", column = @Column(name = "error"))
    private Attempts attempts;
    @Column(name = "created_by", nullable = false, updatable = false)
    private UUID createdBy;
    /** The asker's address when queued: the job checks the "own address" rule with it, as the request did. */
    @Column(name = "requested_by_email", updatable = false)
    private String requestedByEmail;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected TestSend() {
    }

    private TestSend(String subjectKind, UUID subjectId, String contentDigest, String toAddress, UUID contactId,
            UUID createdBy, String requestedByEmail, Instant now) {
        this.subjectKind = subjectKind;
        this.subjectId = subjectId;
        this.contentDigest = contentDigest;
        this.toAddress = toAddress;
        this.contactId = contactId;
        this.state = "WAITING";
        this.createdBy = createdBy;
        this.requestedByEmail = requestedByEmail;
        this.createdAt = now;
        this.updatedAt = now;
        this.attempts = Attempts.dueAt(now);
    }

    /** A test sent in the request: its attempt begins as it is written. */
    static TestSend started(String subjectKind, UUID subjectId, String contentDigest, String toAddress,
            UUID contactId, UUID createdBy, Instant now) {
        TestSend send = new TestSend(subjectKind, subjectId, contentDigest, toAddress, contactId, createdBy, null, now);
        send.start(now);
        return send;
    }

    /** A test its job sends once the request committed. */
    static TestSend waiting(String subjectKind, UUID subjectId, String contentDigest, String toAddress,
            UUID contactId, UUID createdBy, String requestedByEmail, Instant now) {
        return new TestSend(subjectKind, subjectId, contentDigest, toAddress, contactId, createdBy, requestedByEmail,
                now);
    }

    boolean waiting() {
        return "WAITING".equals(state);
    }

    /** The one attempt begins; committed before the mail is handed on. */
    void start(Instant now) {
        state = "QUEUED";
        attempts.start(now);
        updatedAt = now;
    }

    void sent(Instant now) {
        state = "SENT";
        attempts.succeeded(now);
        updatedAt = now;
    }

    void failed(String reason, Instant now) {
        state = "FAILED";
        attempts.giveUp(reason, now);
        updatedAt = now;
    }

    UUID subjectId() {
        return subjectId;
    }

    String contentDigest() {
        return contentDigest;
    }

    String toAddress() {
        return toAddress;
    }

    UUID contactId() {
        return contactId;
    }

    UUID createdBy() {
        return createdBy;
    }

    String requestedByEmail() {
        return requestedByEmail;
    }

    TestSends.TestSendView view() {
        return new TestSends.TestSendView(getId(), subjectKind, subjectId, toAddress, contactId, state,
                attempts.lastError(), createdAt, attempts.sentAt());
    }
}
