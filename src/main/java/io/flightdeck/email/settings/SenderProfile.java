package io.flightdeck.email.settings;

import java.time.Instant;

import io.flightdeck.shared.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A workspace's sender settings, one row at most; a blank field falls back to its default. */
@Entity
@Table(name = "email_settings")
class SenderProfile extends VersionedEntity {

    @Column(name = "from_name")
    private String fromName;
    @Column(name = "from_address")
    private String fromAddress;
    @Column(name = "reply_to")
    private String replyTo;
    @Column(name = "postal_address")
    private String postalAddress;

    protected SenderProfile() {
    }

    SenderProfile(Instant now) {
        this.updatedAt = now;
    }

    void change(String fromName, String fromAddress, String replyTo, String postalAddress, Instant now) {
        this.fromName = fromName;
        this.fromAddress = fromAddress;
        this.replyTo = replyTo;
        this.postalAddress = postalAddress;
        this.updatedAt = now;
    }

    String fromName() {
        return fromName;
    }

    String fromAddress() {
        return fromAddress;
    }

    String replyTo() {
        return replyTo;
    }

    String postalAddress() {
        return postalAddress;
    }

    long version() {
        return version;
    }
}
