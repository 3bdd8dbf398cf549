package io.flightdeck.email.web;

/** A creative's copy, for pasting into a template. */
public record TemplateCreativeChoice(String title, String headline, String caption, String cta) {
}
