package io.flightdeck.publishing.posts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.flightdeck.publishing.channels.ChannelAccounts;
import io.flightdeck.publishing.channels.ChannelAdapter;
import io.flightdeck.publishing.channels.ChannelAdapters;
import io.flightdeck.publishing.channels.ChannelConnection;
import io.flightdeck.publishing.channels.ChannelException;
import io.flightdeck.publishing.channels.PostingLimits;
import org.springframework.stereotype.Component;

/**
 * Accounts' posting limits as their networks report them, kept a few minutes on this node: readiness is scored on
 * every page view of a campaign, and a network's limit moves only as posts go out. A network that cannot be asked
 * answers why, which the check shows instead of a limit.
 */
@Component
class NetworkLimits {

    static final Duration KEPT = Duration.ofMinutes(5);

    private final ChannelAccounts accounts;
    private final ChannelAdapters adapters;
    private final Clock clock;
    private final Map<UUID, Kept> kept = new ConcurrentHashMap<>();

    NetworkLimits(ChannelAccounts accounts, ChannelAdapters adapters, Clock clock) {
        this.accounts = accounts;
        this.adapters = adapters;
        this.clock = clock;
    }

    /** The limits, or why they could not be had. */
    record Answer(PostingLimits limits, String unknownWhy) {
    }

    private record Kept(Answer answer, Instant at) {
    }

    Answer of(UUID accountId, String network) {
        Instant now = clock.instant();
        Kept k = kept.get(accountId);
        if (k != null && k.at().plus(KEPT).isAfter(now)) {
            return k.answer();
        }
        Answer answer = ask(accountId, network);
        kept.put(accountId, new Kept(answer, now));
        return answer;
    }

    private Answer ask(UUID accountId, String network) {
        Optional<ChannelAdapter> adapter = adapters.find(network);
        Optional<ChannelConnection> connection = accounts.connection(accountId);
        if (adapter.isEmpty() || connection.isEmpty()) {
            return new Answer(PostingLimits.NONE, null); // the account check says what is wrong with it
        }
        try {
            return new Answer(adapter.get().limits(connection.get()), null);
        } catch (ChannelException e) {
            return new Answer(PostingLimits.NONE, e.getMessage());
        }
    }
}
