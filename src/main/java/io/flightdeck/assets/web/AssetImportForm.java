package io.flightdeck.assets.web;

import io.flightdeck.assets.imports.ImportKind;
import io.flightdeck.assets.imports.ImportMode;

/**
 * The wizard's first step: what the file holds, its format and what to do with bad rows; the file itself comes as a
 * part of its own. {@code token} names a file kept from an earlier preview, so going back to change a choice needs
 * no second upload.
 */
record AssetImportForm(ImportKind kind, ImportFormatChoice format, ImportMode mode, String token) {

    /** Performance is what a platform export usually is; all-or-nothing is the API's default, and the safer one. */
    static AssetImportForm defaults() {
        return new AssetImportForm(ImportKind.PERFORMANCE, ImportFormatChoice.AUTO, ImportMode.ALL_OR_NOTHING, null);
    }

    static AssetImportForm of(PendingImport kept) {
        return new AssetImportForm(kept.kind(), kept.format(), kept.mode(), kept.token());
    }

    /** The choices with what was left out filled in as by default (a hand-made request may leave them out). */
    AssetImportForm completed() {
        AssetImportForm d = defaults();
        return new AssetImportForm(kind == null ? d.kind : kind, format == null ? d.format : format,
                mode == null ? d.mode : mode, token == null || token.isBlank() ? null : token);
    }
}
