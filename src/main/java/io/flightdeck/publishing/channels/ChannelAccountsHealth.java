package io.flightdeck.publishing.channels;

import java.util.List;

import io.flightdeck.shared.health.ComponentHealth;
import io.flightdeck.shared.health.HealthState;
import io.flightdeck.shared.health.WorkspaceHealth;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workspace's connected network accounts on the system status page: connected works, expiring is degraded (its
 * permission ends soon and cannot be renewed), broken is down; each with the reason its health was last set for.
 */
@Component
class ChannelAccountsHealth implements WorkspaceHealth {

    static final String KIND = "Channel accounts";

    private final ChannelAccountRepository accounts;

    ChannelAccountsHealth(ChannelAccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    @Transactional(readOnly = true)
    public List<ComponentHealth> components() {
        return accounts.findLive().stream().map(account -> new ComponentHealth("channel-account:" + account.getId(),
                account.getChannel().label() + " account " + account.getDisplayName(), KIND, state(account.getHealth()),
                account.getHealthReason(), "/channels")).toList();
    }

    private static HealthState state(ChannelHealth health) {
        return switch (health) {
            case CONNECTED -> HealthState.UP;
            case EXPIRING -> HealthState.DEGRADED;
            case BROKEN -> HealthState.DOWN;
        };
    }
}
