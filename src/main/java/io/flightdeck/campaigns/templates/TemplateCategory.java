package io.flightdeck.campaigns.templates;

/** A category of the library and how many templates in it the member may see. */
public record TemplateCategory(String name, int templates) {
}
