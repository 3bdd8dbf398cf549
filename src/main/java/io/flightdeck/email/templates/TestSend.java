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
 * is never retried, a person sends a new one.
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
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected TestSend() {
    }

    TestSend(String subjectKind, UUID subjectId, String contentDigest, String toAddress, UUID contactId,
            UUID createdBy, Instant now) {
        this.subjectKind = subjectKind;
        this.subjectId = subjectId;
        this.contentDigest = contentDigest;
        this.toAddress = toAddress;
        this.contactId = contactId;
        this.state = "QUEUED";
        this.createdBy = createdBy;
        this.createdAt = now;
        this.attempts = Attempts.dueAt(now);
        attempts.start(now);
    }

    void sent(Instant now) {
        state = "SENT";
        attempts.succeeded(now);
    }

    void failed(String reason, Instant now) {
        state = "FAILED";
        attempts.giveUp(reason, now);
    }

    TestSends.TestSendView view() {
        return new TestSends.TestSendView(getId(), subjectKind, subjectId, toAddress, contactId, state,
                attempts.lastError(), createdAt, attempts.sentAt());
    }
}
