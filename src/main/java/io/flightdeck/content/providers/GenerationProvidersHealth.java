package io.flightdeck.content.providers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.flightdeck.shared.health.ComponentHealth;
import io.flightdeck.shared.health.RecentCalls;
import io.flightdeck.shared.health.WorkspaceHealth;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workspace's AI writing providers on the system status page, each judged by its calls of the last hour as the
 * usage ledger recorded them ({@link RecentCalls}). The built-in generator runs in the app and is not listed.
 */
@Component
class GenerationProvidersHealth implements WorkspaceHealth {

    static final String KIND = "AI providers";
    /** The newest calls read: enough to judge, bounded however busy the hour. */
    private static final int READ = 500;

    private final GenerationProviderRepository providers;
    private final GenerationUsageRepository usage;
    private final Clock clock;

    GenerationProvidersHealth(GenerationProviderRepository providers, GenerationUsageRepository usage, Clock clock) {
        this.providers = providers;
        this.usage = usage;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    @Transactional(readOnly = true)
    public List<ComponentHealth> components() {
        List<GenerationProvider> configured = providers.findAllByName();
        if (configured.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        Map<UUID, List<GenerationUsage>> calls = usage.findBetween(now.minus(Duration.ofHours(1)), now.plusSeconds(1),
                        PageRequest.of(0, READ, Sort.by(Sort.Direction.DESC, "createdAt")))
                .stream().filter(call -> call.providerId() != null)
                .collect(Collectors.groupingBy(GenerationUsage::providerId));
        List<ComponentHealth> components = new ArrayList<>();
        for (GenerationProvider provider : configured) {
            List<String> errors = calls.getOrDefault(provider.getId(), List.of()).stream()
                    .map(call -> call.outcome().equals("ok") ? null : call.outcome()).toList();
            RecentCalls.Verdict verdict = RecentCalls.judge(errors);
            components.add(new ComponentHealth("ai-provider:" + provider.getId(), provider.getName(), KIND,
                    verdict.state(), verdict.detail(), "/settings/ai"));
        }
        return components;
    }
}
