package io.flightdeck.assets;

/**
 * What an asset is (seed 004's list, upper-cased). Files are images, videos, documents, performance data or other;
 * copy (ad copy, headlines, descriptions, calls to action) is text kept on the asset itself, with no file.
 */
public enum AssetType {
    IMAGE, VIDEO, AD_COPY, HEADLINE, DESCRIPTION, CALL_TO_ACTION, DOCUMENT, PERFORMANCE_DATA, OTHER;

    /** Copy lives in the asset's text fields; a file upload is never one of these. */
    public boolean isCopy() {
        return this == AD_COPY || this == HEADLINE || this == DESCRIPTION || this == CALL_TO_ACTION;
    }

    /** The type a file's detected MIME type suggests, when the uploader names none. */
    public static AssetType forMimeType(String mimeType) {
        if (mimeType == null) {
            return OTHER;
        }
        if (mimeType.startsWith("image/")) {
            return IMAGE;
        }
        if (mimeType.startsWith("video/")) {
            return VIDEO;
        }
        if (mimeType.equals("text/csv")) {
            return PERFORMANCE_DATA;
        }
        if (mimeType.equals("application/pdf") || mimeType.startsWith("text/") || mimeType.contains("officedocument")
                || mimeType.equals("application/msword") || mimeType.contains("opendocument")) {
            return DOCUMENT;
        }
        return OTHER;
    }
}
