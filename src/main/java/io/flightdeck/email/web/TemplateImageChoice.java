package io.flightdeck.email.web;

/** An image from the asset library and the tag that puts it in an email; {@code usable} when its address is https. */
public record TemplateImageChoice(String name, String thumbnail, String tag, boolean usable) {
}
