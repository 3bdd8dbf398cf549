/**
 * The audit log: every write of every entity, recorded automatically in the same transaction by Hibernate event
 * listeners (actor, workspace, action, entity, changed fields, time, request id, client address). Modules get it by
 * persisting through JPA; {@link io.flightdeck.shared.persistence.NotAudited} opts an entity out. It names the actors
 * through identity.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit", allowedDependencies = {"identity", "shared"})
package io.flightdeck.audit;
