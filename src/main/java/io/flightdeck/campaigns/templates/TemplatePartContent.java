package io.flightdeck.campaigns.templates;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One part of a template: the JSON its module wrote and the line people read about it. */
@Embeddable
class TemplatePartContent {

    @Column(name = "content")
    private String content;
    @Column(name = "summary")
    private String summary;

    protected TemplatePartContent() {
    }

    TemplatePartContent(String content, String summary) {
        this.content = content;
        this.summary = summary;
    }

    String content() {
        return content;
    }

    String summary() {
        return summary;
    }
}
