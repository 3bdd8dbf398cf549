package io.flightdeck.email.templates;

/** What a template is for; the four built-ins are one each, and a workspace's own may be any. */
public enum EmailTemplateKind {
    WELCOME, NEWSLETTER, PROMOTIONAL, TRANSACTIONAL, CUSTOM
}
