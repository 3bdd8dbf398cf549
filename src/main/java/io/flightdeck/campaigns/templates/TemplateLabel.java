package io.flightdeck.campaigns.templates;

/** What a person names and files a template under, and who may see it. */
public record TemplateLabel(String name, String description, String category, TemplateVisibility visibility) {
}
