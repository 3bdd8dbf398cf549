package io.flightdeck.shared.tenancy;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import io.flightdeck.shared.crypto.Hashing;

/**
 * Tokens for links that work without a signed-in user (invitations, reviewer links): the workspace id in the clear,
 * so the link can open that workspace's {@link TenantScope}, then 32 random bytes. Store only the token's SHA-256 and
 * look it up inside the scope.
 */
public final class WorkspaceTokens {

    private static final int ENCODED_ID_LENGTH = 22;

    private WorkspaceTokens() {
    }

    public static String issue(UUID workspaceId) {
        byte[] id = ByteBuffer.allocate(16).putLong(workspaceId.getMostSignificantBits())
                .putLong(workspaceId.getLeastSignificantBits()).array();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id) + "." + Hashing.randomToken(32);
    }

    /** The workspace a token names; empty for anything malformed, and for the scope's own markers. */
    public static Optional<UUID> workspaceOf(String token) {
        if (token == null || token.indexOf('.') != ENCODED_ID_LENGTH) {
            return Optional.empty();
        }
        try {
            ByteBuffer id = ByteBuffer.wrap(Base64.getUrlDecoder().decode(token.substring(0, ENCODED_ID_LENGTH)));
            UUID workspaceId = new UUID(id.getLong(), id.getLong());
            return TenantScope.NONE.equals(workspaceId) || TenantScope.SYSTEM.equals(workspaceId)
                    ? Optional.empty() : Optional.of(workspaceId);
        } catch (IllegalArgumentException | BufferUnderflowException e) {
            return Optional.empty();
        }
    }
}
