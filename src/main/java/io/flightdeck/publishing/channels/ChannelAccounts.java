package io.flightdeck.publishing.channels;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.flightdeck.campaigns.Channel;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.PreconditionFailedException;
import io.flightdeck.shared.crypto.SecretCipher;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** The workspace's connected accounts: connect, rename, set up, disconnect, and their health. */
@Service
@Transactional
public class ChannelAccounts {

    private final ChannelAccountRepository accounts;
    private final ChannelAdapters adapters;
    private final SecretCipher cipher;
    private final ChannelTokens tokens;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ChannelAccounts(ChannelAccountRepository accounts, ChannelAdapters adapters, SecretCipher cipher,
            ChannelTokens tokens, TransactionTemplate transactions, Clock clock) {
        this.accounts = accounts;
        this.adapters = adapters;
        this.cipher = cipher;
        this.tokens = tokens;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What a person gives for a sandbox account (and, later, after an OAuth connection, for any). */
    public record AccountDraft(String displayName, Channel channel, String timeZone, Map<String, Object> settings) {
    }

    @Transactional(readOnly = true)
    public List<ChannelAccountView> list() {
        return accounts.findLive().stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public ChannelAccountView get(UUID id) {
        return view(live(id));
    }

    /** The accounts among these ids, disconnected ones included (a post still names where it went). */
    @Transactional(readOnly = true)
    public Map<UUID, ChannelAccountView> find(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return accounts.findAllIncludingDisconnected(ids).stream().map(this::view)
                .collect(Collectors.toMap(ChannelAccountView::id, Function.identity()));
    }

    public ChannelAccountView connectSandbox(AccountDraft draft) {
        ChannelAdapter sandbox = adapters.require(SandboxChannel.NETWORK);
        String name = requireName(draft.displayName());
        Channel channel = requireChannel(sandbox, draft.channel());
        ZoneId zone = zone(draft.timeZone());
        Map<String, Object> settings = sandboxSettings(draft.settings());
        ChannelAccount account = new ChannelAccount(SandboxChannel.NETWORK, channel, name, null, null, zone, settings,
                CurrentActor.find().map(a -> a.userId()).orElse(null), clock.instant());
        return view(accounts.saveAndFlush(account));
    }

    public ChannelAccountView update(UUID id, AccountDraft draft, Long expectedVersion) {
        ChannelAccount account = live(id);
        if (expectedVersion != null && expectedVersion != account.getVersion()) {
            throw new PreconditionFailedException(account.getVersion());
        }
        String name = draft.displayName() == null ? account.getDisplayName() : requireName(draft.displayName());
        ZoneId zone = draft.timeZone() == null ? account.getZone() : zone(draft.timeZone());
        if (draft.channel() != null && draft.channel() != account.getChannel()) {
            throw new InvalidInputException("channel", "An account's channel cannot change; connect another account.");
        }
        account.rename(name, zone, clock.instant());
        if (draft.settings() != null) {
            Map<String, Object> settings = SandboxChannel.NETWORK.equals(account.getNetwork())
                    ? sandboxSettings(draft.settings()) : draft.settings();
            account.settings(settings, clock.instant());
        }
        return view(accounts.saveAndFlush(account));
    }

    public void disconnect(UUID id) {
        live(id).disconnect(clock.instant());
    }

    /**
     * The account as its adapter needs it, the token decrypted (and renewed first when it is about to end); empty when
     * it was disconnected. Called outside transactions, right before a network call.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Optional<ChannelConnection> connection(UUID id) {
        // one read on the hot path; a token about to end (rare) costs the renewal and a second read
        Optional<ChannelAccount> account = transactions.execute(tx -> accounts.findLive(id));
        if (account.isPresent() && (account.get().refreshDue(clock.instant(), ChannelTokens.RENEW_BEFORE_CALL)
                || account.get().keptTokenDue(clock.instant()))
                && tokens.renewIfDue(id, ChannelTokens.RENEW_BEFORE_CALL)) {
            account = transactions.execute(tx -> accounts.findLive(id));
        }
        return account.map(a -> new ChannelConnection(a.getId(), TenantScope.require(), a.getNetwork(),
                a.getChannel(), a.getDisplayName(), a.getHandle(), a.getExternalId(),
                a.getAccessToken() == null ? null : cipher.decrypt(a.getAccessToken()), a.getZone(),
                Map.copyOf(a.getSettings())));
    }

    /**
     * What the account's network offers for a post from it now (TikTok asks the creator's settings every time); a
     * network that cannot be asked is said, not fatal.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public PostOptionsView postOptions(UUID id) {
        ChannelAccountView account = transactions.execute(tx -> get(id));
        ChannelAdapter adapter = adapters.find(account.network()).orElse(null);
        Optional<ChannelConnection> connection = connection(id);
        if (adapter == null || connection.isEmpty() || account.disconnected()) {
            return new PostOptionsView(id, account.network(), List.of(), "The account is not connected.");
        }
        try {
            return new PostOptionsView(id, account.network(), adapter.postOptions(connection.get()), null);
        } catch (ChannelException e) {
            return new PostOptionsView(id, account.network(), List.of(), e.getMessage());
        }
    }

    /** The network refused the account's token: posts through it wait until it is connected again. */
    public void markBroken(UUID id, String reason) {
        accounts.findLive(id).ifPresent(a -> {
            a.broken(reason, clock.instant());
            accounts.save(a); // publishes ChannelAccountTrouble the first time
        });
    }

    /** A live account on a network, in whichever workspace connected it; broken when it already is. */
    public record AccountOnNetwork(UUID workspaceId, UUID accountId, boolean broken) {
    }

    /**
     * Every workspace's live account with this id on the network: a network's webhook names a Page or a person, never a
     * workspace. Read across workspaces (the one reason for it); whatever is then done to an account is done in its own
     * workspace's scope.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public List<AccountOnNetwork> everywhere(String network, String externalId) {
        if (externalId == null || externalId.isBlank()) {
            return List.of();
        }
        return TenantScope.system("a network's webhook names an account", () -> transactions.execute(tx ->
                accounts.findLiveEverywhere(network, externalId).stream().map(a -> new AccountOnNetwork(
                        a.getTenantId(), a.getId(), a.getHealth() == ChannelHealth.BROKEN)).toList()));
    }

    private ChannelAccount live(UUID id) {
        return accounts.findLive(id).orElseThrow(() -> new NotFoundException("Channel account"));
    }

    private ChannelAccountView view(ChannelAccount a) {
        String networkName = adapters.find(a.getNetwork()).map(ChannelAdapter::displayName).orElse(a.getNetwork());
        return ChannelAccountView.of(a, networkName);
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("displayName", "Give the account a name.");
        }
        if (name.strip().length() > 200) {
            throw new InvalidInputException("displayName", "At most 200 characters.");
        }
        return name.strip();
    }

    private static Channel requireChannel(ChannelAdapter adapter, Channel channel) {
        if (channel == null) {
            throw new InvalidInputException("channel", "Choose the channel the account posts as.");
        }
        if (!adapter.channels().contains(channel)) {
            throw new InvalidInputException("channel", adapter.displayName() + " accounts post as one of "
                    + adapter.channels() + ", not " + channel + ".");
        }
        return channel;
    }

    static ZoneId zone(String timeZone) {
        if (timeZone == null || timeZone.isBlank()) {
            return CurrentActor.zone();
        }
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw new InvalidInputException("timeZone", "“" + timeZone + "” is not a time zone (e.g. Europe/Berlin).");
        }
    }

    private static Map<String, Object> sandboxSettings(Map<String, Object> given) {
        Map<String, Object> settings = new LinkedHashMap<>();
        if (given == null) {
            return settings;
        }
        for (Map.Entry<String, Object> e : given.entrySet()) {
            String value = e.getValue() == null ? null : e.getValue().toString();
            switch (e.getKey()) {
                case SandboxChannel.MODE -> {
                    try {
                        settings.put(SandboxChannel.MODE, SandboxMode.valueOf(value).name());
                    } catch (IllegalArgumentException | NullPointerException bad) {
                        throw new InvalidInputException("settings.mode", "One of " + List.of(SandboxMode.values()) + ".");
                    }
                }
                case SandboxChannel.LOOKUP -> {
                    if (!"supported".equals(value) && !"unknown".equals(value)) {
                        throw new InvalidInputException("settings.lookup", "supported or unknown.");
                    }
                    settings.put(SandboxChannel.LOOKUP, value);
                }
                case SandboxChannel.POSTS_PER_DAY -> {
                    if (value == null || value.isBlank()) {
                        continue; // no limit
                    }
                    try {
                        int perDay = Integer.parseInt(value.strip());
                        if (perDay < 1 || perDay > 10_000) {
                            throw new NumberFormatException();
                        }
                        settings.put(SandboxChannel.POSTS_PER_DAY, perDay);
                    } catch (NumberFormatException bad) {
                        throw new InvalidInputException("settings.postsPerDay", "A whole number of posts from 1 to "
                                + "10000, or empty for no limit.");
                    }
                }
                default -> throw new InvalidInputException("settings." + e.getKey(),
                        "A sandbox account takes mode, lookup and postsPerDay.");
            }
        }
        return settings;
    }
}
