package io.flightdeck.content.providers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.flightdeck.content.generation.ContentBrief;
import io.flightdeck.content.generation.GenerationRequest;
import io.flightdeck.content.PlatformLimits;
import io.flightdeck.content.TextKind;
import org.springframework.stereotype.Component;

/**
 * The prompts sent to language models: versioned text files under {@code content/prompts/} ({@code caption.v1.txt},
 * ...; a new wording is a new version, so usage and versions say which one wrote what), filled from the request. A
 * line whose placeholders have no value is left out, so a brief with no audience never says "Audience: null".
 */
@Component
class PromptTemplates {

    static final String VERSION = "v1";
    /** Kinds whose wording changed since {@link #VERSION}: the strategy draft asks for a channel mix and budget split. */
    private static final Map<TextKind, String> NEWER = Map.of(TextKind.STRATEGY_DRAFT, "v2");
    private static final Pattern SLOT = Pattern.compile("\\{\\{([a-zA-Z]+)}}");

    /** @param version e.g. {@code caption.v1}, recorded with the answer */
    public record RenderedPrompt(String system, String user, String version) {
    }

    private final String system;
    private final Map<TextKind, String> templates = new EnumMap<>(TextKind.class);

    public PromptTemplates() {
        system = read("system." + VERSION);
        for (TextKind kind : TextKind.values()) {
            templates.put(kind, read(kind.name().toLowerCase(Locale.ROOT) + "." + version(kind)));
        }
    }

    public RenderedPrompt render(GenerationRequest request) {
        Map<String, String> values = values(request);
        String name = request.kind().name().toLowerCase(Locale.ROOT);
        return new RenderedPrompt(fill(system, values), fill(templates.get(request.kind()), values),
                name + "." + version(request.kind()));
    }

    private static Map<String, String> values(GenerationRequest r) {
        ContentBrief b = r.brief();
        PlatformLimits limits = PlatformLimits.of(r.channel());
        Map<String, String> v = new LinkedHashMap<>();
        v.put("brand", r.brand().name() != null ? r.brand().name() : "the brand");
        v.put("voice", r.brand().voice());
        v.put("wordsToUse", join(r.brand().wordsToUse()));
        v.put("wordsToAvoid", join(r.brand().wordsToAvoid()));
        v.put("hashtags", String.join(" ", r.brand().hashtags()));
        v.put("footer", r.brand().legalFooter());
        v.put("campaign", b.campaignName() != null ? b.campaignName() : "our campaign");
        v.put("topic", b.topic());
        v.put("audience", b.targetAudience());
        v.put("goals", join(b.goals()));
        v.put("pillars", join(b.contentPillars()));
        v.put("tone", b.tone());
        v.put("constraints", b.constraints());
        v.put("channel", r.channel() != null ? r.channel().label() : "social media");
        v.put("limit", limits.maxChars() > 0 ? String.valueOf(limits.maxChars()) : null);
        v.put("maxHashtags", String.valueOf(limits.maxHashtags() > 0 ? Math.min(limits.maxHashtags(), 8) : 5));
        v.put("headlineMax", String.valueOf(limits.headlineMax() > 0 ? limits.headlineMax() : 90));
        v.put("source", r.sourceText());
        return v;
    }

    static String fill(String template, Map<String, String> values) {
        List<String> lines = new ArrayList<>();
        for (String line : template.split("\n", -1)) {
            Matcher m = SLOT.matcher(line);
            StringBuilder out = new StringBuilder();
            boolean missing = false;
            while (m.find()) {
                String value = values.get(m.group(1));
                if (value == null || value.isBlank()) {
                    missing = true;
                    break;
                }
                m.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            if (!missing) {
                m.appendTail(out);
                lines.add(out.toString());
            }
        }
        return String.join("\n", lines).strip();
    }

    private static String join(List<String> values) {
        return values.isEmpty() ? null : String.join(", ", values);
    }

    private static String version(TextKind kind) {
        return NEWER.getOrDefault(kind, VERSION);
    }

    private static String read(String name) {
        String path = "/content/prompts/" + name + ".txt";
        try (InputStream in = PromptTemplates.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing prompt template " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + path, e);
        }
    }
}
