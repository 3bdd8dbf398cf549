package io.flightdeck.assets.storage;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a download tells the browser about itself, the same whether Flightdeck streams it or S3 answers a presigned
 * URL: the type, and a {@code Content-Disposition} with the file name (RFC 6266). The name is someone's upload, so it
 * is cleaned before it becomes a header: control characters (CR and LF would start a header of their own), quotes,
 * backslashes and slashes turn into {@code _}, and the full name travels percent-encoded in {@code filename*}.
 */
public final class DownloadHeaders {

    public static final String OCTET_STREAM = "application/octet-stream";

    /**
     * Types a browser shows without running anything of the content's own. Anything else (HTML, SVG, XML, scripts,
     * unknown types) is always an attachment, so an upload can never run as a page of Flightdeck's origin.
     */
    private static final Set<String> SAFE_INLINE = Set.of("image/png", "image/jpeg", "image/gif", "image/webp",
            "image/avif", "image/bmp", "application/pdf", "text/plain");
    private static final Pattern TYPE = Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*");
    private static final int MAX_NAME_CODE_POINTS = 200;

    private DownloadHeaders() {
    }

    /** The type without parameters, lower-case; {@code application/octet-stream} when it is missing or not a type. */
    public static String contentType(String mimeType) {
        if (mimeType == null) {
            return OCTET_STREAM;
        }
        String type = mimeType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return TYPE.matcher(type).matches() ? type : OCTET_STREAM;
    }

    /** {@code inline} or {@code attachment} with both file name parameters; inline only for a type that is safe. */
    public static String contentDisposition(String mimeType, String fileName, boolean attachment) {
        String type = contentType(mimeType);
        boolean inline = !attachment && (SAFE_INLINE.contains(type) || type.startsWith("video/") || type.startsWith("audio/"));
        String name = cleanName(fileName);
        return (inline ? "inline" : "attachment") + "; filename=\"" + asciiFallback(name) + "\"; filename*=UTF-8''"
                + percentEncoded(name);
    }

    /** Controls (CR, LF, tab...) and invisible format characters (right-to-left overrides hide an extension) out. */
    static String cleanName(String fileName) {
        if (fileName == null) {
            return "download";
        }
        StringBuilder clean = new StringBuilder();
        fileName.strip().codePoints().limit(MAX_NAME_CODE_POINTS).forEach(c -> clean.appendCodePoint(
                Character.isISOControl(c) || Character.getType(c) == Character.FORMAT || c == '/' || c == '\\' ? '_' : c));
        String name = clean.toString().strip();
        return name.isEmpty() || name.equals(".") || name.equals("..") ? "download" : name;
    }

    /** For the few clients that ignore {@code filename*}: printable ASCII only, nothing that ends the quoted string. */
    private static String asciiFallback(String name) {
        StringBuilder ascii = new StringBuilder();
        name.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%' ? (char) c : '_'));
        return ascii.toString();
    }

    /** RFC 8187: UTF-8 bytes, every one but the attr-chars percent-encoded. */
    private static String percentEncoded(String name) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return encoded.toString();
    }
}
