/**
 * Operations: how the installation is doing, for admins. So far, every module's outgoing-message ledger read the same
 * way (a notification, a webhook message, an email, a test send, a scheduled report's mail): each module contributes
 * its ledger as a {@link io.flightdeck.shared.outbound.OutgoingLedger} bean, and this module shows their backlog by
 * state, the items that need a person with the reason, and a retry. Nothing outside calls this module.
 * <p>
 * Inside: {@code outgoing} (the ledgers gathered) and {@code web}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Operations", allowedDependencies = {"shared"})
package io.flightdeck.ops;
