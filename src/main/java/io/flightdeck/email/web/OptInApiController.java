package io.flightdeck.email.web;

import java.util.UUID;

import io.flightdeck.email.contacts.ConsentSettingsService;
import io.flightdeck.email.contacts.ConsentSettingsView;
import io.flightdeck.email.contacts.ContactView;
import io.flightdeck.email.contacts.OptIns;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.flightdeck.shared.web.ETags;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Double opt-in: the workspace's consent settings (admins change them) and a confirmation sent again on request. */
@RestController
@Tag(name = "Email contacts")
class OptInApiController {

    private final ConsentSettingsService settings;
    private final OptIns optIns;

    OptInApiController(ConsentSettingsService settings, OptIns optIns) {
        this.settings = settings;
        this.optIns = optIns;
    }

    record ConsentSettingsBody(
            @NotNull @Schema(description = "Contacts added by a form or the API wait until they confirm a mailed link",
                    example = "true") Boolean doubleOptIn,
            @NotNull @Schema(description = "Keep the IP address a confirmation came from as evidence",
                    example = "false") Boolean keepConsentAddress) {
    }

    @Operation(summary = "The workspace's consent settings: double opt-in, and whether a confirmation's address is kept")
    @GetMapping("/api/v1/email/consent-settings")
    ResponseEntity<ConsentSettingsView> get() {
        ConsentSettingsView view = settings.current();
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }

    @Operation(summary = "Change the consent settings (admins); honours If-Match")
    @PutMapping("/api/v1/email/consent-settings")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<ConsentSettingsView> put(@Valid @RequestBody ConsentSettingsBody body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        ConsentSettingsView view = settings.change(body.doubleOptIn(), body.keepConsentAddress(),
                ETags.expectedVersion(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }

    @Operation(summary = "Send the confirmation link again to a contact waiting for it (PENDING; 409 illegal-transition otherwise); the "
            + "earlier link stops working")
    @PostMapping("/api/v1/email/contacts/{id}/opt-in/resend")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    ContactView resend(@PathVariable UUID id) {
        return optIns.resend(id);
    }
}
