package io.flightdeck.email.web;

import io.flightdeck.email.delivery.DeliveryProvider;
import io.flightdeck.email.delivery.DeliverySettings;
import io.flightdeck.email.sending.ProviderEventIntake;
import io.flightdeck.shared.security.PublicPaths;
import io.flightdeck.shared.webhooks.WebhookRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The providers' event webhooks, without sign-in: the address's token names the workspace, and the delivery is
 * verified by the provider's signature (SendGrid) or Basic credentials (Mailjet) before anything is read.
 */
@RestController
@RequestMapping(DeliverySettings.EVENTS_PATH)
@Tag(name = "Email settings")
class ProviderEventsApiController {

    private final ProviderEventIntake intake;

    ProviderEventsApiController(ProviderEventIntake intake) {
        this.intake = intake;
    }

    @Operation(operationId = "providerEvents_mailjet",
            summary = "Mailjet's event webhook (no sign-in; the address and its Basic credentials come from the "
                    + "delivery settings): 401 when the credentials do not match; an event seen before changes "
                    + "nothing, one for a message Flightdeck did not send is acknowledged and ignored",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "Mailjet's events, read "
                    + "as raw bytes", content = @Content(mediaType = "application/json",
                    array = @ArraySchema(schema = @Schema(type = "object",
                            description = "One of Mailjet's own event documents")))))
    @SecurityRequirements
    @PostMapping("mailjet/{token}")
    ProviderEventIntake.ProviderEventReceipt mailjet(@PathVariable String token, WebhookRequest delivery) {
        return intake.receive(DeliveryProvider.MAILJET, token, delivery);
    }

    @Operation(operationId = "providerEvents_sendgrid",
            summary = "SendGrid's signed event webhook (no sign-in; the address comes from the delivery settings): "
                    + "verified with the workspace's verification key, 401 when the signature does not verify or is "
                    + "more than 300 s old; an sg_event_id seen before changes nothing",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "SendGrid's events, "
                    + "read as raw bytes for the signature", content = @Content(mediaType = "application/json",
                    array = @ArraySchema(schema = @Schema(type = "object",
                            description = "One of SendGrid's own event documents")))))
    @SecurityRequirements
    @PostMapping("sendgrid/{token}")
    ProviderEventIntake.ProviderEventReceipt sendGrid(@PathVariable String token, WebhookRequest delivery) {
        return intake.receive(DeliveryProvider.SENDGRID, token, delivery);
    }

    @Configuration(proxyBeanMethods = false)
    static class ProviderEventPaths {
        @Bean
        PublicPaths providerEventPaths() {
            return PublicPaths.of(DeliverySettings.EVENTS_PATH + "**");
        }
    }
}
