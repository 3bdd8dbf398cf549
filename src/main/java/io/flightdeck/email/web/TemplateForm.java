package io.flightdeck.email.web;

import io.flightdeck.email.templates.EmailTemplateView;

/** The template editor's typed values, kept when a save is refused. */
record TemplateForm(String name, String kind, String subject, String preheader, String html, Long version) {

    static TemplateForm of(EmailTemplateView t) {
        return new TemplateForm(t.name(), t.kind().name(), t.subject(), t.preheader(), t.html(), t.version());
    }
}
