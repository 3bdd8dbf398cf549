package io.flightdeck.email.contacts;

import io.flightdeck.shared.persistence.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A workspace's consent settings; no row means both are off. */
@Entity
@Table(name = "email_consent_settings")
class ConsentSettings extends TenantOwnedEntity {

    @Column(name = "double_opt_in", nullable = false)
    private boolean doubleOptIn;
    @Column(name = "keep_consent_address", nullable = false)
    private boolean keepConsentAddress;
    @Version
    private Long version;

    protected ConsentSettings() {
    }

    ConsentSettings(boolean doubleOptIn, boolean keepConsentAddress) {
        change(doubleOptIn, keepConsentAddress);
    }

    void change(boolean doubleOptIn, boolean keepConsentAddress) {
        this.doubleOptIn = doubleOptIn;
        this.keepConsentAddress = keepConsentAddress;
    }

    ConsentSettingsView view() {
        return new ConsentSettingsView(doubleOptIn, keepConsentAddress, version == null ? 0 : version);
    }
}
