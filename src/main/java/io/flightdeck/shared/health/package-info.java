/**
 * Health of what Flightdeck depends on. The installation's own parts (database, disk, blob store, search index, mail
 * transport, the job queues, the event publication registry) are Actuator health indicators of the modules that own
 * them, so {@code /actuator/health} and the system status page say the same; what a workspace has of its own
 * (channel accounts, providers) comes from {@link io.flightdeck.shared.health.WorkspaceHealth} beans.
 */
package io.flightdeck.shared.health;
