/**
 * Notifications: the right member told at the right time. Other modules publish what happened; this module's
 * listeners turn each event into notifications for the people it concerns (never the person who caused it, never
 * across workspaces), in each member's in-app inbox with a live bell and by email, as their preferences say.
 * Nothing outside calls this module.
 * <p>
 * Inside: {@code domain} (the {@code Notification} aggregate with its seen, read and archived moments, the
 * {@code Notifier} that writes them once per recipient and event, the {@code Inbox} a member reads, the
 * {@code Preferences} over workspace defaults, the delivery ledger and its jobs, campaign follows, the trigger
 * listeners) and {@code web}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications",
        allowedDependencies = {"analytics", "approvals", "assets", "campaigns", "identity", "mcp", "ops", "planning", "publishing",
                "rendering", "search", "shared", "strategy"})
package io.flightdeck.notifications;
