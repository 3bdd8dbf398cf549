package io.flightdeck.planning.tasks;

/** A link attached to a task (a brief, a draft); asset references replace these once the assets module exists. */
public record Attachment(String name, String url) {
}
