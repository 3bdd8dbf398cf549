package io.flightdeck.shared.tenancy;

import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workspace that the current thread works for. Web requests get it from the signed-in principal; jobs and
 * event listeners open it from the workspace id in their payload. Open a scope outside any transaction:
 * Hibernate fixes a session's tenant when the session opens.
 */
public final class TenantScope {

    /** Answered when no scope is open: matches no workspace, so forgotten scopes find nothing. */
    public static final UUID NONE = new UUID(0L, 0L);
    /** Answered in a system scope: Hibernate applies no tenant filter. */
    public static final UUID SYSTEM = new UUID(-1L, -1L);

    private static final Logger log = LoggerFactory.getLogger(TenantScope.class);
    private static final ThreadLocal<UUID> CURRENT = new ThreadLocal<>();

    private TenantScope() {
    }

    /** The current workspace, {@link #NONE} outside a scope, {@link #SYSTEM} inside a system scope. */
    public static UUID current() {
        UUID id = CURRENT.get();
        return id == null ? NONE : id;
    }

    /** The current workspace; fails outside a workspace scope. */
    public static UUID require() {
        UUID id = CURRENT.get();
        if (id == null || SYSTEM.equals(id)) {
            throw new IllegalStateException("No workspace scope is open");
        }
        return id;
    }

    public static void run(UUID workspaceId, Runnable work) {
        call(workspaceId, () -> {
            work.run();
            return null;
        });
    }

    public static <T> T call(UUID workspaceId, Supplier<T> work) {
        Objects.requireNonNull(workspaceId, "workspaceId");
        if (NONE.equals(workspaceId) || SYSTEM.equals(workspaceId)) {
            throw new IllegalArgumentException("Not a workspace id: " + workspaceId);
        }
        return within(workspaceId, work);
    }

    /**
     * Cross-workspace work (a user's list of workspaces, housekeeping). Logged with its reason, because it is the one
     * place the tenant filter is off.
     */
    public static <T> T system(String reason, Supplier<T> work) {
        log.debug("system scope: {}", reason);
        return within(SYSTEM, work);
    }

    private static <T> T within(UUID id, Supplier<T> work) {
        UUID previous = CURRENT.get();
        CURRENT.set(id);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /** For the request filter, which opens the scope for the whole request. */
    public static void enter(UUID workspaceId) {
        CURRENT.set(workspaceId);
    }

    public static void leave() {
        CURRENT.remove();
    }
}
