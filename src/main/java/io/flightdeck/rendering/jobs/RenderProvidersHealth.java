package io.flightdeck.rendering.jobs;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.flightdeck.shared.health.ComponentHealth;
import io.flightdeck.shared.health.RecentCalls;
import io.flightdeck.shared.health.WorkspaceHealth;
import io.flightdeck.shared.tenancy.TenantScope;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The render services outside the app (Replicate, Runway) on the workspace's system status page, each judged by this
 * workspace's render jobs that ended on it in the last hour ({@link RecentCalls}): published worked, failed did not
 * (a cancelled job says nothing of the service). Built-in renderers run in the app and are not listed; a service
 * this installation has no token for is not offered, so it is left out too.
 */
@Component
class RenderProvidersHealth implements WorkspaceHealth {

    static final String KIND = "Render services";
    private static final int READ = 500;

    private final RenderProviders providers;
    private final JdbcClient jdbc;
    private final Clock clock;

    RenderProvidersHealth(RenderProviders providers, JdbcClient jdbc, Clock clock) {
        this.providers = providers;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public List<ComponentHealth> components() {
        List<RenderProvider> remote = providers.all().stream().filter(p -> !p.inProcess() && p.available()).toList();
        if (remote.isEmpty()) {
            return List.of();
        }
        record Ended(String provider, String status, @Nullable String error) {
        }
        Map<String, List<Ended>> ended = jdbc.sql("""
                        select provider, status, error_message as error from render_jobs
                        where tenant_id = ? and status in ('PUBLISHED', 'FAILED') and completed_at >= ?
                        order by completed_at desc limit ?""")
                .params(TenantScope.require(), Timestamp.from(clock.instant().minus(Duration.ofHours(1))), READ)
                .query(Ended.class).list().stream().collect(Collectors.groupingBy(Ended::provider));
        List<ComponentHealth> components = new ArrayList<>();
        for (RenderProvider provider : remote) {
            List<String> errors = ended.getOrDefault(provider.name(), List.of()).stream()
                    .map(job -> job.status().equals("PUBLISHED") ? null
                            : job.error() == null ? "the render failed" : job.error()).toList();
            RecentCalls.Verdict verdict = RecentCalls.judge(errors);
            components.add(new ComponentHealth("render-provider:" + provider.name(), provider.displayName(), KIND,
                    verdict.state(), verdict.detail(), "/render-jobs"));
        }
        return components;
    }
}
