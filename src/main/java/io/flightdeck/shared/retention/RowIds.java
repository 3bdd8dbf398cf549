package io.flightdeck.shared.retention;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The ids of rows a {@link RetentionPurge} answered, for its delete. */
public final class RowIds {

    private RowIds() {
    }

    /** Each row's {@code id} column. */
    public static List<UUID> of(List<Map<String, Object>> rows) {
        return rows.stream().map(row -> (UUID) row.get("id")).toList();
    }
}
