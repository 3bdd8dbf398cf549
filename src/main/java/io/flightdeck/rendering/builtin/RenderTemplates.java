package io.flightdeck.rendering.builtin;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.security.CurrentActor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The layout templates of the current workspace: the built-in ones, replaced by the workspace's own version where it
 * saved one under the same key, and its own. Templates are data (JSON), checked on save, so a job never meets a
 * template it cannot draw. Callers check roles.
 */
@Service
public class RenderTemplates {

    static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{1,58}[a-z0-9]");
    static final String DEFAULT_KEY = "bold-headline";

    private final RenderTemplateRepository templates;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Clock clock;

    RenderTemplates(RenderTemplateRepository templates, Clock clock) {
        this.templates = templates;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<RenderTemplateView> list() {
        Map<String, RenderTemplateView> byKey = new LinkedHashMap<>();
        for (LayoutTemplate t : DefaultTemplates.all()) {
            byKey.put(t.key(), new RenderTemplateView(t.key(), t.name(), true, false, t, null));
        }
        for (RenderTemplate row : templates.findAllByOrderByTemplateKeyAsc()) {
            boolean builtIn = byKey.containsKey(row.getTemplateKey());
            byKey.put(row.getTemplateKey(), view(row, builtIn));
        }
        return new ArrayList<>(byKey.values());
    }

    @Transactional(readOnly = true)
    public Optional<RenderTemplateView> find(String key) {
        if (key == null) {
            return Optional.empty();
        }
        Optional<RenderTemplate> own = templates.findByTemplateKey(key);
        if (own.isPresent()) {
            return Optional.of(view(own.get(), builtIn(key)));
        }
        return DefaultTemplates.all().stream().filter(t -> t.key().equals(key)).findFirst()
                .map(t -> new RenderTemplateView(t.key(), t.name(), true, false, t, null));
    }

    /** Whether a key is one a template may have (3 to 60 lower-case letters, digits and dashes). */
    public static boolean validKey(String key) {
        return key != null && KEY.matcher(key).matches();
    }

    public RenderTemplateView require(String key) {
        return find(key).orElseThrow(() -> new NotFoundException("Layout template " + key));
    }

    /** Saves the workspace's version of a template (new, or replacing its own or a built-in one's). */
    @Transactional
    public RenderTemplateView save(String key, Map<String, Object> definition) {
        var actor = CurrentActor.require();
        if (key == null || !KEY.matcher(key).matches()) {
            throw new InvalidInputException("key", "3–60 lower-case letters, digits and dashes");
        }
        Map<String, Object> keyed = new LinkedHashMap<>(definition == null ? Map.of() : definition);
        if (!keyed.isEmpty()) {
            keyed.putIfAbsent("key", key);
        }
        LayoutTemplate template = parse(keyed);
        if (!key.equals(template.key())) {
            throw new InvalidInputException("key", "the template's key is " + template.key() + ", not " + key);
        }
        Map<String, Object> stored = json.convertValue(template, new TypeReference<Map<String, Object>>() { });
        RenderTemplate row = templates.findByTemplateKey(key).orElse(null);
        if (row == null) {
            row = templates.save(new RenderTemplate(key, template.name(), stored, actor.userId(), clock.instant()));
        } else {
            row.replace(template.name(), stored, clock.instant());
        }
        templates.flush();
        return view(row, builtIn(key));
    }

    /** Removes the workspace's version: a built-in template is back to how it ships, an own one is gone. */
    @Transactional
    public void delete(String key) {
        RenderTemplate row = templates.findByTemplateKey(key).orElseThrow(() -> new NotFoundException(
                builtIn(key) ? "A saved version of the template " + key : "Layout template " + key));
        templates.delete(row);
    }

    /** A definition from a person: valid JSON of a template with no problems, else 400 naming each problem. */
    LayoutTemplate parse(Map<String, Object> definition) {
        if (definition == null || definition.isEmpty()) {
            throw new InvalidInputException("template", "is empty");
        }
        LayoutTemplate template;
        try {
            template = json.convertValue(definition, LayoutTemplate.class);
        } catch (RuntimeException e) {
            throw new InvalidInputException("template", "is not a layout template: " + rootMessage(e));
        }
        List<String> problems = template.problems();
        if (!problems.isEmpty()) {
            throw new InvalidInputException("template", String.join("; ", problems));
        }
        return template;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.toString() : t.getMessage();
        int newline = m.indexOf('\n');
        return newline > 0 ? m.substring(0, newline) : m;
    }

    private static boolean builtIn(String key) {
        return DefaultTemplates.all().stream().anyMatch(t -> t.key().equals(key));
    }

    private RenderTemplateView view(RenderTemplate row, boolean builtIn) {
        LayoutTemplate t = json.convertValue(row.getDefinition(), LayoutTemplate.class);
        return new RenderTemplateView(row.getTemplateKey(), row.getName(), builtIn, true, t, row.getUpdatedAt());
    }
}
