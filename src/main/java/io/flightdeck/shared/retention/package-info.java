/**
 * Retention: how long a workspace keeps each kind of record, and the port through which the module that owns a kind's
 * tables purges them ({@link io.flightdeck.shared.retention.RetentionPurge}, one bean per kind, gathered by the
 * operations module's purge job, like {@link io.flightdeck.shared.health.WorkspaceHealth}). Exports written before a
 * purge go to the {@link io.flightdeck.shared.retention.ExportStore} (assets' blob store).
 */
package io.flightdeck.shared.retention;
