package io.flightdeck.publishing.networks.facebook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import io.flightdeck.shared.security.CsrfExemptPaths;
import io.flightdeck.shared.security.PublicPaths;
import io.flightdeck.shared.webhooks.HmacHeaderScheme;
import io.flightdeck.shared.webhooks.MetaSignedRequest;
import io.flightdeck.shared.webhooks.WebhookRejectedException;
import io.flightdeck.shared.webhooks.WebhookRequest;
import io.swagger.v3.oas.annotations.Hidden;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Meta's webhooks ({@code /webhooks/meta}, no sign-in): the subscription handshake echoes {@code hub.challenge} when
 * {@code hub.verify_token} is this installation's; a delivery is verified by its {@code X-Hub-Signature-256} (HMAC-SHA256
 * of the raw body with the app secret) before anything is read, then acted on ({@link MetaWebhookActions}: a Page's
 * feed settles posts in doubt and records removed posts). Meta's deauthorize callback
 * ({@code /webhooks/meta/deauthorize}) posts a {@code signed_request} form field, verified with the same secret
 * ({@link MetaSignedRequest}); a Page that removed the app is broken. What is not verifiable is refused with 401 and
 * changes nothing; a verified delivery is acknowledged with 200 even when no workspace has its Page (Meta retries
 * what is not acknowledged).
 */
@Hidden
@RestController
class MetaWebhookController {

    static final String PATH = "/webhooks/meta";
    static final String DEAUTHORIZE_PATH = PATH + "/deauthorize";
    private static final Logger log = LoggerFactory.getLogger(MetaWebhookController.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final FacebookProperties properties;
    private final MetaWebhookActions actions;

    MetaWebhookController(FacebookProperties properties, MetaWebhookActions actions) {
        this.properties = properties;
        this.actions = actions;
    }

    @GetMapping(value = PATH, produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> subscribe(@RequestParam(name = "hub.mode", required = false) String mode,
            @RequestParam(name = "hub.verify_token", required = false) String token,
            @RequestParam(name = "hub.challenge", required = false) String challenge) {
        String expected = properties.webhookVerifyToken();
        boolean matches = expected != null && !expected.isBlank() && token != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
        if (!"subscribe".equals(mode) || !matches || challenge == null) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body("The verify token does not match.");
        }
        return ResponseEntity.ok(challenge);
    }

    @PostMapping(PATH)
    ResponseEntity<Void> receive(WebhookRequest delivery) {
        if (!properties.configured()) {
            throw new WebhookRejectedException("Facebook is not configured here: no app secret to verify with");
        }
        HmacHeaderScheme.meta(List.of(properties.appSecret())).verify(delivery);
        if (log.isInfoEnabled()) {
            log.info("Meta webhook verified: {}", summary(delivery.body()));
        }
        JsonNode root;
        try {
            root = JSON.readTree(delivery.body());
        } catch (RuntimeException notJson) {
            return ResponseEntity.ok().build(); // signed by Meta yet unreadable: a resend would be no better
        }
        if (root != null) {
            actions.delivered(root);
        }
        return ResponseEntity.ok().build();
    }

    /** Facebook Login's deauthorize callback: a form with the {@code signed_request} Meta signed with the app secret. */
    @PostMapping(value = DEAUTHORIZE_PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Void> deauthorized(@RequestParam(name = "signed_request", required = false) String signedRequest) {
        if (!properties.configured()) {
            throw new WebhookRejectedException("Facebook is not configured here: no app secret to verify with");
        }
        actions.deauthorized(MetaSignedRequest.verify(signedRequest, properties.appSecret()));
        return ResponseEntity.ok().build();
    }

    /** The object and the changed fields, never the values (they carry people's comments and names). */
    private static String summary(byte[] body) {
        try {
            JsonNode root = JSON.readTree(body);
            StringBuilder fields = new StringBuilder(root.path("object").asString("?"));
            for (JsonNode entry : root.path("entry")) {
                for (JsonNode change : entry.path("changes")) {
                    fields.append(' ').append(change.path("field").asString("?"));
                }
            }
            return fields.toString();
        } catch (RuntimeException notJson) {
            return "an unreadable body";
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class MetaWebhookPaths {

        @Bean
        PublicPaths metaWebhookPath() {
            return PublicPaths.of(PATH, DEAUTHORIZE_PATH);
        }

        /** Meta posts from outside any page of ours; the signature authorises the request. */
        @Bean
        CsrfExemptPaths metaWebhookCsrfExempt() {
            return CsrfExemptPaths.of(PATH, DEAUTHORIZE_PATH);
        }
    }
}
