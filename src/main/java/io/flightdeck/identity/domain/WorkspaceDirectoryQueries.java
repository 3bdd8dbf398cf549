package io.flightdeck.identity.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.identity.WorkspaceDirectory;
import io.flightdeck.identity.WorkspaceSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** {@link WorkspaceDirectory} on the workspaces table: one indexed read by id, whatever the tenant scope. */
@Component
class WorkspaceDirectoryQueries implements WorkspaceDirectory {

    private static final String COLUMNS = "select id, name, time_zone, locale, demo from workspaces";
    /** Ids in one query: PostgreSQL takes at most 65,535 parameters in a statement. */
    private static final int CHUNK = 1_000;

    private final JdbcClient jdbc;

    WorkspaceDirectoryQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<WorkspaceSummary> find(UUID workspaceId) {
        return jdbc.sql(COLUMNS + " where id = ?").param(workspaceId).query((r, i) -> summary(r)).optional();
    }

    @Override
    public List<UUID> ids(@Nullable UUID after, int limit) {
        return after == null
                ? jdbc.sql("select id from workspaces order by id limit ?").param(limit).query(UUID.class).list()
                : jdbc.sql("select id from workspaces where id > ? order by id limit ?").params(after, limit)
                        .query(UUID.class).list();
    }

    @Override
    public Map<UUID, WorkspaceSummary> find(Collection<UUID> workspaceIds) {
        Map<UUID, WorkspaceSummary> found = new HashMap<>();
        List<UUID> ids = List.copyOf(Set.copyOf(workspaceIds));
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            jdbc.sql(COLUMNS + " where id in (:ids)").param("ids", chunk).query((r, i) -> summary(r)).list()
                    .forEach(w -> found.put(w.id(), w));
        }
        return found;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void lock(UUID workspaceId) {
        jdbc.sql("select id from workspaces where id = ? for update").param(workspaceId).query(UUID.class).list();
    }

    private static WorkspaceSummary summary(ResultSet r) throws SQLException {
        return new WorkspaceSummary(r.getObject(1, UUID.class), r.getString(2), zone(r.getString(3)), r.getString(4),
                r.getBoolean(5));
    }

    /** A zone Java does not know (a row written by hand) reads as UTC rather than failing every page. */
    private static ZoneId zone(String zone) {
        try {
            return zone == null || zone.isBlank() ? ZoneOffset.UTC : ZoneId.of(zone);
        } catch (DateTimeException unknown) {
            return ZoneOffset.UTC;
        }
    }
}
