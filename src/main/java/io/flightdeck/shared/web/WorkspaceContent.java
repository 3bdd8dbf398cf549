package io.flightdeck.shared.web;

/**
 * Whether the workspace holds any work yet. The home page shows its onboarding steps while no module says so, and
 * what needs the member once one does; a module that brings content (campaigns) declares one as a bean.
 */
@FunctionalInterface
public interface WorkspaceContent {

    /** True once the current workspace holds something of this module's (a campaign, say). */
    boolean exists();
}
