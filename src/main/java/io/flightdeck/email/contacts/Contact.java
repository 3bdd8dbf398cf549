package io.flightdeck.email.contacts;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.flightdeck.shared.search.SearchDocument;
import io.flightdeck.shared.search.Searchable;
import io.flightdeck.shared.search.SearchableDocument;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import io.flightdeck.shared.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A person the workspace may mail, once per address. Campaign mail reaches them only while they are SUBSCRIBED and
 * have a consent basis: an unsubscribe, a hard bounce or a complaint suppresses them at once, and only fresh consent
 * brings them back. Consent keeps its provenance (source, evidence, time); a double opt-in contact has none until they
 * confirm the link sent to them.
 */
@Entity
@Table(name = "email_contacts")
@Indexed(index = "search-contacts")
@SearchableDocument(dependsOn = {"email", "name", "status", "createdAt"})
class Contact extends VersionedEntity implements Searchable {

    @Column(nullable = false)
    private String email;
    @Column(name = "email_key", nullable = false, updatable = false)
    private String emailKey;
    private String name;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private Map<String, String> attributes = new LinkedHashMap<>();
    @Column(name = "time_zone")
    private String timeZone;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ContactStatus status;
    @Column(name = "status_reason")
    private String statusReason;
    @Column(name = "status_changed_at", nullable = false)
    private Instant statusChangedAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "consent_source")
    private ConsentSource consentSource;
    @Column(name = "consent_evidence")
    private String consentEvidence;
    @Column(name = "consent_at")
    private Instant consentAt;
    /** The address a double opt-in confirmation came from, kept only where the workspace keeps such evidence. */
    @Column(name = "consent_address")
    private String consentAddress;
    /** Whether the person unsubscribed themselves (a link in an email, the preference centre), not a member. */
    @Column(name = "unsubscribed_by_contact", nullable = false)
    private boolean unsubscribedByContact;
    @Column(name = "opt_in_token")
    private String optInToken;
    @Column(name = "opt_in_sent_at")
    private Instant optInSentAt;
    @Column(name = "opt_in_confirmed_at")
    private Instant optInConfirmedAt;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Contact() {
    }

    /**
     * A new subscribed contact; with {@code optInToken} set (the hash of the link's token), PENDING until they confirm
     * it (the provenance given is kept as what they were asked on).
     */
    Contact(EmailAddress address, ContactDetails details, ContactConsent consent, String optInToken, Instant now) {
        this.email = address.display();
        this.emailKey = address.key();
        this.status = optInToken == null ? ContactStatus.SUBSCRIBED : ContactStatus.PENDING;
        this.statusChangedAt = now;
        this.createdAt = now;
        change(details, now);
        this.consentSource = consent.source();
        this.consentEvidence = consent.evidence();
        if (optInToken == null) {
            this.consentAt = consent.at() != null ? consent.at() : now;
        } else {
            this.optInToken = optInToken;
            this.optInSentAt = now;
        }
    }

    void change(ContactDetails details, Instant now) {
        this.name = details.name();
        this.attributes = new LinkedHashMap<>(details.attributes());
        this.timeZone = details.timeZone();
        this.updatedAt = now;
    }

    /**
     * The person confirmed the link: subscribed, with consent from now by double opt-in; {@code address} (where the
     * confirmation came from) only when the workspace keeps it, else null. Only a PENDING contact confirms: one who
     * unsubscribed, bounced or complained meanwhile is never subscribed again by an old link.
     */
    void confirmOptIn(Instant now, String address) {
        ContactMove.CONFIRM.requireFrom(status);
        optInToken = null;
        optInConfirmedAt = now;
        status = ContactStatus.SUBSCRIBED;
        statusReason = null;
        statusChangedAt = now;
        consentSource = ConsentSource.DOUBLE_OPT_IN;
        consentAt = now;
        consentAddress = address;
        updatedAt = now;
    }

    /** A new confirmation link for a PENDING contact (someone asked to send it again): a new token, sent from now. */
    void reissueOptIn(String tokenHash, Instant now) {
        ContactMove.RESEND.requireFrom(status);
        optInToken = tokenHash;
        optInSentAt = now;
        updatedAt = now;
    }

    /** Unsubscribed, bounced or complained: suppressed at once; the reason says by whom or what. */
    void suppress(ContactStatus to, String reason, Instant now) {
        suppress(to, reason, false, now);
    }

    /**
     * As {@link #suppress(ContactStatus, String, Instant)}; {@code byContact} when the person did it themselves, which
     * alone lets them subscribe again in the preference centre.
     */
    void suppress(ContactStatus to, String reason, boolean byContact, Instant now) {
        if (to == ContactStatus.SUBSCRIBED) {
            throw new IllegalArgumentException("Suppression needs a suppressing status");
        }
        if (status == ContactStatus.COMPLAINED && to != ContactStatus.COMPLAINED) {
            return; // a complaint outranks a later unsubscribe or bounce: it is what must be remembered
        }
        // unsubscribed again by a member after the person did it themselves: it stays theirs to undo
        unsubscribedByContact = to == ContactStatus.UNSUBSCRIBED
                && (byContact || status == ContactStatus.UNSUBSCRIBED && unsubscribedByContact);
        status = to;
        optInToken = null; // a confirmation link sent before no longer subscribes them
        statusReason = reason;
        statusChangedAt = now;
        updatedAt = now;
    }

    /** Back to SUBSCRIBED, only on fresh consent; the old consent is replaced, never reused. */
    void resubscribe(ContactConsent consent, Instant now) {
        ContactMove.RESUBSCRIBE.requireFrom(status);
        status = ContactStatus.SUBSCRIBED;
        unsubscribedByContact = false;
        statusReason = "Subscribed again: " + consent.evidence();
        statusChangedAt = now;
        consentSource = consent.source();
        consentEvidence = consent.evidence();
        consentAt = consent.at() != null ? consent.at() : now;
        optInToken = null;
        updatedAt = now;
    }

    /** Whether campaign mail may go to them now: subscribed, with a consent basis. */
    boolean mailable() {
        return status.mailable() && consentAt != null;
    }

    ContactView view() {
        ContactView.Consent consent = consentAt == null ? null
                : new ContactView.Consent(consentSource, consentEvidence, consentAt, optInConfirmedAt, consentAddress);
        return new ContactView(getId(), email, name, Collections.unmodifiableMap(new LinkedHashMap<>(attributes)),
                timeZone, status, statusReason, statusChangedAt, consent, optInToken != null, createdAt, updatedAt,
                version);
    }

    String emailKey() {
        return emailKey;
    }

    String email() {
        return email;
    }

    ContactStatus status() {
        return status;
    }

    /** Unsubscribed by their own hand: the one suppression they may undo themselves. */
    boolean unsubscribedByContact() {
        return status == ContactStatus.UNSUBSCRIBED && unsubscribedByContact;
    }

    String optInToken() {
        return optInToken;
    }

    Instant optInSentAt() {
        return optInSentAt;
    }

    long version() {
        return version;
    }

    @Override
    public SearchDocument searchDocument() {
        return new SearchDocument("contact", name == null || name.isBlank() ? email : name, email, status.name(), null,
                null, null, createdAt, null, "/email/contacts/" + getId(), false);
    }
}
