package io.flightdeck.notifications.slack;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.crypto.SecretCipher;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Connects the current workspace to Slack: the app's OAuth v2 install (a bot that messages linked members and
 * updates what it posted), or an incoming webhook's address (one channel, nothing else), which is tried before it is
 * kept. Admins only (the controllers check); a second connection replaces the first.
 */
@Service
public class SlackConnections {

    private final SlackConnectionRepository connections;
    private final SlackMemberLinkRepository links;
    private final SlackInstallState states;
    private final SlackWebApi slack;
    private final SlackProperties properties;
    private final SecretCipher cipher;
    private final Clock clock;

    SlackConnections(SlackConnectionRepository connections, SlackMemberLinkRepository links, SlackInstallState states,
            SlackWebApi slack, SlackProperties properties, SecretCipher cipher, Clock clock) {
        this.connections = connections;
        this.links = links;
        this.states = states;
        this.slack = slack;
        this.properties = properties;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** The bot of the current workspace, with its token decrypted, when the app is installed. */
    public record Bot(String teamId, String token) {
        @Override
        public String toString() {
            return "Bot[teamId=" + teamId + "]";
        }
    }

    @Transactional(readOnly = true)
    public SlackConnectionView view() {
        Optional<SlackConnection> connection = connections.findFirstBy();
        return connection.map(c -> new SlackConnectionView(true, c.hasBot() ? "app" : "webhook", c.teamName(),
                        c.webhookChannel(), c.connectedAt(),
                        c.hasBot() ? links.countByTeamIdAndConfirmedAtIsNotNull(c.teamId()) : 0,
                        properties.installable()))
                .orElseGet(() -> new SlackConnectionView(false, null, null, null, null, 0, properties.installable()));
    }

    /** Where the admin grants the install: Slack's page, with a signed state that only they can bring back. */
    public URI installUrl(String redirectUri) {
        if (!properties.installable()) {
            throw new ConflictException("slack-not-configured", "This installation has no Slack app (set "
                    + "flightdeck.slack.client-id and client-secret); connect an incoming webhook instead.");
        }
        Actor actor = CurrentActor.require();
        String state = states.issue(TenantScope.require(), actor.userId());
        return URI.create(properties.authorizeUrl() + "?client_id=" + encode(properties.clientId()) + "&scope="
                + encode(SlackProperties.SCOPES) + "&redirect_uri=" + encode(redirectUri) + "&state=" + encode(state));
    }

    /**
     * Slack's answer at the callback: the state is checked first (nothing is asked of Slack for a forged one), then
     * the code is exchanged for the bot's token and kept, encrypted.
     */
    @Transactional
    public SlackConnectionView completeInstall(String state, String code, String error, String redirectUri) {
        Actor actor = CurrentActor.require();
        states.check(state, TenantScope.require(), actor.userId());
        if (error != null && !error.isBlank()) {
            throw new ConflictException("slack-install-declined", "Slack did not install the app: " + error
                    + ". Nothing changed.");
        }
        if (code == null || code.isBlank()) {
            throw new InvalidInputException("code", "Slack's answer carried no code; start again from Settings → Slack.");
        }
        SlackWebApi.Install install;
        try {
            install = slack.oauthV2Access(properties.clientId(), properties.clientSecret(), code, redirectUri);
        } catch (SlackApiException e) {
            throw new ConflictException("slack-install-failed", "Slack refused the install (" + e.error()
                    + "); start again from Settings → Slack.");
        }
        SlackWebApi.IncomingWebhook hook = install.incomingWebhook();
        SlackConnection connection = connections.findFirstBy()
                .orElseGet(() -> new SlackConnection(actor.userId(), clock.instant()));
        connection.installed(install.teamId(), install.teamName(), install.botUserId(),
                cipher.encrypt(install.botAccessToken()), hook == null ? null : cipher.encrypt(hook.url().toString()),
                hook == null ? null : hook.channel(), actor.userId(), clock.instant());
        connections.save(connection);
        return view();
    }

    /** The simple way in: an incoming webhook's address, tried with a first message before it is kept. */
    @Transactional
    public SlackConnectionView useWebhook(String url, String channel) {
        URI address = checkedWebhook(url);
        String name = channel == null || channel.isBlank() ? null : channel.strip();
        if (name != null && name.length() > 200) {
            throw new InvalidInputException("channel", "Name the channel in at most 200 characters");
        }
        try {
            slack.postToIncomingWebhook(address, "Flightdeck is connected: notifications will arrive here.", null);
        } catch (SlackApiException e) {
            if (e.permanent()) {
                throw new InvalidInputException("url", "Slack refused a first message to this address (" + e.error()
                        + "); copy the webhook's address again from Slack");
            }
            throw new ConflictException("slack-unavailable", "Slack did not take a first message (" + e.error()
                    + "); try again in a moment");
        }
        Actor actor = CurrentActor.require();
        SlackConnection connection = connections.findFirstBy()
                .orElseGet(() -> new SlackConnection(actor.userId(), clock.instant()));
        connection.webhook(cipher.encrypt(address.toString()), name, actor.userId(), clock.instant());
        connections.save(connection);
        return view();
    }

    @Transactional
    public void disconnect() {
        connections.findFirstBy().ifPresent(connections::delete);
    }

    @Transactional(readOnly = true)
    public Optional<Bot> bot() {
        return connections.findFirstBy().filter(SlackConnection::hasBot)
                .map(c -> new Bot(c.teamId(), cipher.decrypt(c.botToken())));
    }

    /** The installed app's Slack, without decrypting its token: for look-ups on every event. */
    @Transactional(readOnly = true)
    public Optional<String> teamId() {
        return connections.findFirstBy().filter(SlackConnection::hasBot).map(SlackConnection::teamId);
    }

    @Transactional(readOnly = true)
    public Optional<URI> webhook() {
        return connections.findFirstBy().filter(c -> c.webhookUrl() != null)
                .map(c -> URI.create(cipher.decrypt(c.webhookUrl())));
    }

    static URI checkedWebhook(String url) {
        String value = url == null ? "" : url.strip();
        URI uri;
        try {
            uri = new URI(value);
        } catch (Exception e) {
            uri = null;
        }
        String scheme = uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri == null || !(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null
                || value.length() > 2000) {
            throw new InvalidInputException("url", "Paste the webhook's full address from Slack, such as "
                    + "https://hooks.slack.com/services/T…/B…/…");
        }
        return uri;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
