/**
 * Identity: workspaces, accounts, memberships and roles, invitations, API keys, sign-in and the two security filter
 * chains. Other modules read members through {@link io.flightdeck.identity.MemberDirectory} and workspaces through
 * {@link io.flightdeck.identity.WorkspaceDirectory}, never its tables; they add demo data through
 * {@link io.flightdeck.identity.DemoDataContributor} and react to its membership events. It depends on no other
 * module but the shared kernel.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity", allowedDependencies = {"shared"})
package io.flightdeck.identity;
