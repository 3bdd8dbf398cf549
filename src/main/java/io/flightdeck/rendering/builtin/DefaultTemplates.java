package io.flightdeck.rendering.builtin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

/** The templates that ship with Flightdeck, read once from {@code rendering/templates/*.json} on the classpath. */
final class DefaultTemplates {

    static final List<String> KEYS = List.of("bold-headline", "photo-caption", "split-panel");
    private static final List<LayoutTemplate> ALL = load();

    private DefaultTemplates() {
    }

    static List<LayoutTemplate> all() {
        return ALL;
    }

    private static List<LayoutTemplate> load() {
        JsonMapper json = JsonMapper.builder().build();
        List<LayoutTemplate> templates = new ArrayList<>();
        for (String key : KEYS) {
            try (InputStream in = DefaultTemplates.class.getResourceAsStream("/rendering/templates/" + key + ".json")) {
                if (in == null) {
                    throw new IllegalStateException("The built-in template " + key + " is missing from the classpath");
                }
                LayoutTemplate t = json.readValue(in, LayoutTemplate.class);
                if (!t.problems().isEmpty()) {
                    throw new IllegalStateException("The built-in template " + key + " is broken: " + t.problems());
                }
                templates.add(t);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return List.copyOf(templates);
    }
}
