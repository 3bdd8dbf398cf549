package io.flightdeck.analytics;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import io.flightdeck.identity.WorkspaceDirectory;
import io.flightdeck.identity.WorkspaceSummary;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Where numbers were invented rather than measured: the sandbox network makes up its posts' numbers so a team can try
 * the product, and its facts carry the source {@value #SANDBOX}. Dashboards, reports and the Posts tab mark them;
 * guidance leaves them out (a recommendation or a prediction learnt from made-up numbers would be made up too), except
 * in the demo workspace, where every number is simulated and leaving them out would leave guidance nothing to show.
 * Marked per campaign and channel: the facts keep their source, the rollups sum all sources.
 */
@Service
public class SimulatedNumbers {

    /** The sandbox network's source. */
    public static final String SANDBOX = "sandbox";
    /** Sources whose numbers nobody measured. */
    public static final Set<String> SOURCES = Set.of(SANDBOX);

    private final JdbcClient jdbc;
    private final WorkspaceDirectory workspaces;

    SimulatedNumbers(JdbcClient jdbc, WorkspaceDirectory workspaces) {
        this.workspaces = workspaces;
        this.jdbc = jdbc;
    }

    /** Whether the current workspace is the demo one, where simulated numbers may steer guidance. */
    public boolean steerGuidance() {
        return demo(TenantScope.require());
    }

    /** The channels of the campaign whose numbers are simulated, in whole or in part, sorted. */
    public List<String> channels(UUID campaignId) {
        return List.copyOf(of(List.of(campaignId)).getOrDefault(campaignId, Set.of()));
    }

    /** For each of the campaigns (of the current workspace) with simulated numbers, their channels. */
    public Map<UUID, Set<String>> of(Collection<UUID> campaignIds) {
        return campaignIds.isEmpty() ? new HashMap<>() : read(TenantScope.require(), campaignIds);
    }

    /** Of the campaigns, those whose numbers guidance must leave out, with the channels: none in the demo. */
    public Map<UUID, Set<String>> leftOutOfGuidance(Collection<UUID> campaignIds) {
        return steerGuidance() ? Map.of() : of(campaignIds);
    }

    /** Every campaign of the workspace whose numbers guidance must leave out, with the channels: none in the demo. */
    Map<UUID, Set<String>> leftOutOfGuidance(UUID tenant) {
        return demo(tenant) ? new HashMap<>() : read(tenant, null);
    }

    /** The campaigns with simulated numbers and their channels: of {@code campaignIds}, or of all when null. */
    private Map<UUID, Set<String>> read(UUID tenant, Collection<UUID> campaignIds) {
        Map<UUID, Set<String>> found = new HashMap<>();
        var query = jdbc.sql("select distinct campaign_id, channel from analytics_facts where tenant_id = :tenant"
                + " and source in (:sources) and " + (campaignIds == null ? "campaign_id is not null"
                        : "campaign_id in (:ids)"))
                .param("tenant", tenant).param("sources", SOURCES);
        if (campaignIds != null) {
            query = query.param("ids", Set.copyOf(campaignIds));
        }
        query.query((RowCallbackHandler) r -> found.computeIfAbsent(r.getObject(1, UUID.class),
                k -> new TreeSet<>()).add(channel(r.getString(2))));
        return found;
    }

    private boolean demo(UUID tenant) {
        return workspaces.find(tenant).map(WorkspaceSummary::demo).orElse(false);
    }

    private static String channel(String channel) {
        // the rollups keep numbers without a channel under '' too
        return channel == null ? "" : channel;
    }
}
