/**
 * Operations: how the installation is doing, for admins. So far, every module's outgoing-message ledger read the same
 * way (a notification, a webhook message, an email, a test send, a scheduled report's mail): each module contributes
 * its ledger as a {@link io.flightdeck.shared.outbound.OutgoingLedger} bean, and this module shows their backlog by
 * state, the items that need a person with the reason, and a retry. And bulk actions: each module that owns items
 * contributes a {@link io.flightdeck.shared.bulk.BulkTarget}, and this module runs an action over many of them as a
 * job, with per-item outcomes and undo; the items may be all that match a search (search's {@code MatchingItems}).
 * And health: the platform's components as Actuator checks them and each module's own
 * ({@link io.flightdeck.shared.health.WorkspaceHealth}), the metrics alert rules watch, the rules and the alerts they
 * open ({@link io.flightdeck.ops.AlertOpened}, {@link io.flightdeck.ops.AlertResolved}, which notifications turn into
 * messages to the admins). And retention: how long a workspace keeps each kind of record, and the daily purge that
 * removes older rows in small batches through each owning module's
 * {@link io.flightdeck.shared.retention.RetentionPurge}, exporting them first where asked, with a report per run.
 * Nothing outside calls this module; notifications listens to its events.
 * <p>
 * Inside: {@code outgoing} (the ledgers gathered), {@code bulk}, {@code health}, {@code alerts}, {@code retention}
 * and {@code web}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Operations",
        allowedDependencies = {"identity", "search", "shared"})
package io.flightdeck.ops;
