package io.flightdeck.assets.web;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import io.flightdeck.assets.imports.ImportKind;
import io.flightdeck.assets.imports.ImportMode;

/**
 * A file chosen in the import wizard and kept on the server between its preview and the start of its import, with
 * the choices made for it. Bound to the workspace and the space it was chosen for: a session that switched workspace
 * does not find it. {@code importId} is set once the import started, so that a second click on Start leads to the
 * same import instead of a second one.
 */
record PendingImport(String token, UUID workspaceId, UUID spaceId, String fileName, long size, ImportKind kind,
        ImportFormatChoice format, ImportMode mode, Instant keptAt, UUID importId) implements Serializable {

    PendingImport withChoices(ImportKind kind, ImportFormatChoice format, ImportMode mode) {
        return new PendingImport(token, workspaceId, spaceId, fileName, size, kind, format, mode, keptAt, importId);
    }

    PendingImport startedAs(UUID importId) {
        return new PendingImport(token, workspaceId, spaceId, fileName, size, kind, format, mode, keptAt, importId);
    }

    boolean started() {
        return importId != null;
    }
}
