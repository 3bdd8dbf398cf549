package io.flightdeck.email.web;

import io.flightdeck.email.delivery.DeliveryProvider;
import io.flightdeck.email.delivery.DeliverySettings;
import io.flightdeck.email.delivery.DeliverySettingsView;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.ETags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * How the workspace's campaign mail leaves: the installation's SMTP transport, Mailjet or SendGrid. Members read the
 * settings with the keys masked; admins change them and see the Mailjet webhook's password.
 */
@RestController
@RequestMapping("/api/v1/email/delivery-settings")
@Tag(name = "Email settings")
class DeliverySettingsApiController {

    private final DeliverySettings settings;

    DeliverySettingsApiController(DeliverySettings settings) {
        this.settings = settings;
    }

    record DeliverySettingsRequest(@NotNull @Schema(example = "SENDGRID") DeliveryProvider provider,
            @Size(max = 200) @Schema(nullable = true, description = "Mailjet's API key; left out keeps the stored one")
            String mailjetApiKey,
            @Size(max = 200) @Schema(nullable = true, description = "Mailjet's secret key; left out keeps the stored one")
            String mailjetSecretKey,
            @Size(max = 200) @Schema(example = "SG.exampleKeyId000000000.exampleSecret0000000000000000000000000000000",
                    description = "a SendGrid API key with the Mail Send permission; left out keeps the stored one")
            String sendgridApiKey,
            @Size(max = 1000) @Schema(nullable = true, description = "the verification key SendGrid shows for its "
                    + "signed event webhook (a P-256 public key in base64); left out keeps the stored one")
            String sendgridVerificationKey) {
    }

    @Operation(summary = "The provider campaign mail goes through, its keys masked, and the addresses of the event "
            + "webhooks to set at the provider (the Mailjet one with its Basic credentials, shown to admins)")
    @GetMapping
    ResponseEntity<DeliverySettingsView> get() {
        DeliverySettingsView view = settings.view(CurrentActor.require().role().includes(Role.ADMIN));
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }

    @Operation(summary = "Choose the provider and set its keys (admins); a key left out keeps the stored one, and a "
            + "provider needs its keys. Keys are stored encrypted and never shown again. If-Match takes the ETag of a "
            + "GET (\"0\" before anything was saved)")
    @PutMapping
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<DeliverySettingsView> put(@Valid @RequestBody DeliverySettingsRequest body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        DeliverySettingsView view = settings.update(new DeliverySettings.DeliveryChange(body.provider(),
                body.mailjetApiKey(), body.mailjetSecretKey(), body.sendgridApiKey(), body.sendgridVerificationKey()),
                ETags.expectedVersion(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }
}
