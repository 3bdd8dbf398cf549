package io.flightdeck.email.templates;

/**
 * What an email says before it is rendered for anyone: the subject and preheader (plain text) and the HTML, each with
 * merge tags such as {@code {{first_name}}}, each with an optional fallback in double quotes after a bar.
 */
public record EmailContent(String subject, String preheader, String html) {
}
