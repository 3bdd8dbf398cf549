package io.flightdeck.email.contacts;

import io.flightdeck.shared.PreconditionFailedException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Whether the workspace asks for double opt-in and keeps the address a confirmation came from (admins change it). */
@Service
public class ConsentSettingsService {

    private final ConsentSettingsRepository settings;

    ConsentSettingsService(ConsentSettingsRepository settings) {
        this.settings = settings;
    }

    @Transactional(readOnly = true)
    public ConsentSettingsView current() {
        return settings.current().map(ConsentSettings::view).orElseGet(() -> new ConsentSettingsView(false, false, 0));
    }

    /** With {@code expectedVersion}, refused (412) when someone changed the settings since they were read. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public ConsentSettingsView change(boolean doubleOptIn, boolean keepConsentAddress, Long expectedVersion) {
        ConsentSettings row = settings.current().orElse(null);
        long current = row == null ? 0 : row.view().version();
        if (expectedVersion != null && expectedVersion != current) {
            throw new PreconditionFailedException(current);
        }
        if (row == null) {
            row = new ConsentSettings(doubleOptIn, keepConsentAddress);
        } else {
            row.change(doubleOptIn, keepConsentAddress);
        }
        try {
            return settings.saveAndFlush(row).view();
        } catch (DataIntegrityViolationException e) {
            // two first saves at once: the other made the row, so this one's version no longer holds
            throw new PreconditionFailedException(0);
        }
    }
}
