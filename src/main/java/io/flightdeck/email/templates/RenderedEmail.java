package io.flightdeck.email.templates;

/** One recipient's email: the subject, the HTML part and the text part, with every merge tag filled in. */
public record RenderedEmail(String subject, String html, String text) {
}
