package io.flightdeck.email.templates;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The four templates every workspace starts with (welcome, newsletter, promotional, transactional), read once from
 * {@code email-templates/} and sanitised like anything a member writes. Each file holds what is its own; the document
 * around it (the head with its mobile and dark-mode styles, the centred 600 px card, the footer's address and links)
 * is {@code _top.html} and {@code _bottom.html}, shared by all four. Their ids ({@code builtin-welcome}, ...) are
 * stable, so a campaign may name one.
 */
final class BuiltInTemplates {

    static final String PREFIX = "builtin-";

    record BuiltIn(String id, String name, EmailTemplateKind kind, String subject, String preheader, String html) {
        EmailContent content() {
            return new EmailContent(subject, preheader, html);
        }
    }

    /** Each template's document title (the shared top leaves it empty); declared before {@link #ALL} reads it. */
    private static final Map<String, String> TITLES = Map.of("welcome", "Welcome", "newsletter", "Newsletter",
            "promotional", "Offer", "transactional", "Your order");

    static final List<BuiltIn> ALL = List.of(
            load("welcome", "Welcome", EmailTemplateKind.WELCOME, "Welcome, {{first_name | \"friend\"}}!",
                    "Here is how to get started, in three short steps."),
            load("newsletter", "Newsletter", EmailTemplateKind.NEWSLETTER, "This month's news",
                    "Two stories from this month, and what comes next."),
            load("promotional", "Promotional", EmailTemplateKind.PROMOTIONAL,
                    "{{first_name | \"Hello\"}}, 20% off everything this week",
                    "Use the code SPRING20 before Sunday at midnight."),
            load("transactional", "Transactional", EmailTemplateKind.TRANSACTIONAL, "Thank you for your order",
                    "We have your order and are getting it ready."));


    private BuiltInTemplates() {
    }

    static Optional<BuiltIn> find(String id) {
        return ALL.stream().filter(b -> b.id().equals(id)).findFirst();
    }

    /** The whole document of a built-in template, before sanitising: the shared top, its own part, the bottom. */
    static String source(String key) {
        return resource("_top.html").replace("<title></title>", "<title>" + TITLES.get(key) + "</title>")
                + resource(key + ".html") + resource("_bottom.html");
    }

    private static String resource(String file) {
        try (InputStream in = BuiltInTemplates.class.getResourceAsStream("/email-templates/" + file)) {
            if (in == null) {
                throw new IllegalStateException("Missing built-in email template " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BuiltIn load(String key, String name, EmailTemplateKind kind, String subject, String preheader) {
        return new BuiltIn(PREFIX + key, name, kind, subject, preheader, EmailHtml.sanitise(source(key)));
    }
}
