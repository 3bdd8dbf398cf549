package io.flightdeck.shared.health;

import java.util.List;

/**
 * The components one workspace has of its own (its connected channel accounts, its AI and render providers), as a
 * bean of the module that owns them: the operations module gathers every module's into the workspace's system
 * status and its alert rules, without depending on those modules. Answers for the current workspace, from what the
 * module already recorded (an account's health, the last calls to a provider), never by calling the outside: a
 * status page must not hang on a slow provider.
 */
public interface WorkspaceHealth {

    /** The kind of the components this bean answers for, as the status page groups them. */
    String kind();

    /** The current workspace's components of this kind, each once; empty when it has none. */
    List<ComponentHealth> components();
}
