package io.flightdeck.email.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import io.flightdeck.email.templates.RenderedEmail;
import io.flightdeck.shared.web.FramedHtml;
import org.springframework.http.ResponseEntity;

/**
 * The editor's preview: the rendered email, or why it could not render (a bad merge tag), whose data it shows, and
 * whether at a phone's width.
 */
record TemplatePreview(RenderedEmail email, String error, String contactNote, boolean mobile, String contact) {

    /** The rendered HTML as the preview frame's own answer; empty when it does not render (the page says why). */
    static ResponseEntity<String> framed(TemplatePreview preview) {
        return FramedHtml.of(preview.email() == null ? "" : preview.email().html());
    }

    /** {@code base} with this preview's contact and the given width, for the width toggle's links. */
    public String link(String base, boolean atMobileWidth) {
        StringBuilder link = new StringBuilder(base);
        char separator = '?';
        if (atMobileWidth) {
            link.append(separator).append("view=mobile");
            separator = '&';
        }
        if (contact != null && !contact.isBlank()) {
            link.append(separator).append("contact=").append(URLEncoder.encode(contact, StandardCharsets.UTF_8));
        }
        return link.toString();
    }
}
