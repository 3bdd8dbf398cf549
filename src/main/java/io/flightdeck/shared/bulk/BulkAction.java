package io.flightdeck.shared.bulk;

import java.util.List;

import io.flightdeck.shared.security.Role;

/**
 * One action of a {@link BulkTarget}.
 *
 * @param key          its name in URLs and requests: {@code status}, {@code assign}, {@code delete}
 * @param label        its name for people: "Change status"
 * @param requiredRole the least role that may run it, checked up front and again for each item
 * @param params       the {@link BulkParams} fields it reads, e.g. {@code status}
 * @param undoable     whether an undo can put its items back
 */
public record BulkAction(String key, String label, Role requiredRole, List<String> params, boolean undoable) {
}
