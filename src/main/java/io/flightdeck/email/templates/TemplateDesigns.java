package io.flightdeck.email.templates;

import io.flightdeck.shared.InvalidInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The block editor's project data as the server keeps it: opaque JSON (GrapesJS's own format, read and written whole
 * by the editor), checked only for being one JSON object of bounded size, so a broken or oversized body is refused
 * rather than stored and failing when the editor reopens it. What is sent is never read from it: the exported HTML is.
 */
final class TemplateDesigns {

    static final int MAX_DESIGN = 1_000_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TemplateDesigns() {
    }

    static String checked(String design) {
        if (design == null || design.isBlank()) {
            throw new InvalidInputException("design", "The block design is missing");
        }
        if (design.length() > MAX_DESIGN) {
            throw new InvalidInputException("design", "The block design is longer than " + MAX_DESIGN + " characters");
        }
        try {
            JsonNode node = JSON.readTree(design);
            if (node == null || !node.isObject()) {
                throw new InvalidInputException("design", "The block design is not a JSON object");
            }
        } catch (JacksonException e) {
            throw new InvalidInputException("design", "The block design is not valid JSON");
        }
        return design;
    }
}
