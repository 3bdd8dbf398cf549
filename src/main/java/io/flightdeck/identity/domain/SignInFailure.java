package io.flightdeck.identity.domain;

import java.time.Instant;

import io.flightdeck.shared.persistence.AbstractEntity;
import io.flightdeck.shared.persistence.NotAudited;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One failed sign-in, for an account ("account:x@y") or a client address ("address:1.2.3.4"). */
@Entity
@Table(name = "sign_in_failures")
@NotAudited
class SignInFailure extends AbstractEntity {

    private String subject;
    private Instant occurredAt;

    protected SignInFailure() {
    }

    SignInFailure(String subject, Instant occurredAt) {
        this.subject = subject;
        this.occurredAt = occurredAt;
    }
}
