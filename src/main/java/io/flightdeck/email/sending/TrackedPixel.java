package io.flightdeck.email.sending;

/**
 * The open pixel that closes each recipient's message (its links are made trackable by
 * {@link io.flightdeck.email.templates.TrackedEmail}).
 */
final class TrackedPixel {

    private TrackedPixel() {
    }

    /** The pixel, added to each rendered message (after sanitising, which keeps no image without an https address). */
    static String withPixel(String html, String pixelUrl) {
        String pixel = "<img src=\"" + pixelUrl + "\" width=\"1\" height=\"1\" alt=\"\" style=\"display: block; border: 0;\">";
        int end = html.lastIndexOf("</body>");
        return end < 0 ? html + pixel : html.substring(0, end) + pixel + html.substring(end);
    }
}
