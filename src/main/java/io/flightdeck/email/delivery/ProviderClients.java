package io.flightdeck.email.delivery;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.flightdeck.email.providers.MailjetSendApi;
import io.flightdeck.email.providers.SendGridMailApi;
import org.springframework.stereotype.Component;

/**
 * The provider clients of each workspace, built once per version of its settings and kept: each holds an HTTP client
 * with its connections, which a send's every batch reuses.
 */
@Component
public class ProviderClients {

    private record Built(long version, Object client) {
    }

    private final ProviderProperties properties;
    private final Clock clock;
    private final Map<UUID, Built> mailjet = new ConcurrentHashMap<>();
    private final Map<UUID, Built> sendGrid = new ConcurrentHashMap<>();

    ProviderClients(ProviderProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    public MailjetSendApi mailjet(UUID workspaceId, ProviderAccount account) {
        return (MailjetSendApi) mailjet.compute(workspaceId, (id, built) -> built != null
                && built.version() == account.version() ? built : new Built(account.version(), new MailjetSendApi(
                        properties.mailjetBaseUrl(), account.mailjetApiKey(), account.mailjetSecretKey(),
                        properties.timeout()))).client();
    }

    public SendGridMailApi sendGrid(UUID workspaceId, ProviderAccount account) {
        return (SendGridMailApi) sendGrid.compute(workspaceId, (id, built) -> built != null
                && built.version() == account.version() ? built : new Built(account.version(), new SendGridMailApi(
                        properties.sendgridBaseUrl(), account.sendgridApiKey(), properties.timeout(), clock))).client();
    }

    /** How long after its hand-over a Mailjet message in doubt is looked up. */
    public java.time.Duration lookUpAfter() {
        return properties.lookUpAfter();
    }
}
