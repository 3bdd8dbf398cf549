package io.flightdeck.mcp.client;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.campaigns.Channel;
import io.flightdeck.shared.InvalidInputException;

/**
 * A tool's arguments with a campaign's data filled in: any text in them may name a field as
 * {@code {{campaign.name}}}, and the call is recorded with the values in place, so a person sees exactly what was
 * sent. Pure: a campaign and the arguments in, the filled arguments out, or the first unknown field refused.
 */
final class CampaignArguments {

    /** The fields a text may name, each read from the campaign. */
    static final Map<String, Function<CampaignSnapshot, Object>> FIELDS = fields();
    /** Nesting deeper than this is refused: no tool's arguments need it, and a deep document costs to walk. */
    static final int MAX_DEPTH = 10;
    private static final Pattern FIELD = Pattern.compile("\\{\\{\\s*campaign\\.([A-Za-z]+)\\s*}}");

    private CampaignArguments() {
    }

    /** The arguments with every {@code {{campaign.x}}} replaced; a text that is only one field keeps its type. */
    static Map<String, Object> fill(Map<String, Object> arguments, CampaignSnapshot campaign) {
        Object filled = fill(arguments, campaign, 0);
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) filled;
        return map;
    }

    private static Object fill(Object value, CampaignSnapshot campaign, int depth) {
        if (depth > MAX_DEPTH) {
            throw new InvalidInputException("arguments", "The arguments are nested more than " + MAX_DEPTH + " deep");
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> filled = new LinkedHashMap<>();
            map.forEach((key, inner) -> filled.put(String.valueOf(key), fill(inner, campaign, depth + 1)));
            return filled;
        }
        if (value instanceof List<?> list) {
            List<Object> filled = new ArrayList<>(list.size());
            list.forEach(inner -> filled.add(fill(inner, campaign, depth + 1)));
            return filled;
        }
        if (value instanceof String text) {
            return text(text, campaign);
        }
        return value;
    }

    private static Object text(String text, CampaignSnapshot campaign) {
        Matcher whole = FIELD.matcher(text);
        if (whole.matches()) {
            return field(whole.group(1), campaign);
        }
        Matcher m = FIELD.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object field = field(m.group(1), campaign);
            m.appendReplacement(out, Matcher.quoteReplacement(field == null ? "" : String.valueOf(field)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Object field(String name, CampaignSnapshot campaign) {
        Function<CampaignSnapshot, Object> field = FIELDS.get(name);
        if (field == null) {
            throw new InvalidInputException("arguments", "{{campaign." + name + "}} is not a campaign field; use one of "
                    + String.join(", ", FIELDS.keySet().stream().map(f -> "{{campaign." + f + "}}").toList()));
        }
        return field.apply(campaign);
    }

    private static Map<String, Function<CampaignSnapshot, Object>> fields() {
        Map<String, Function<CampaignSnapshot, Object>> fields = new LinkedHashMap<>();
        fields.put("id", c -> c.id().toString());
        fields.put("name", CampaignSnapshot::name);
        fields.put("description", c -> c.description() == null ? "" : c.description());
        fields.put("objective", c -> c.objective() == null ? "" : c.objective());
        fields.put("type", c -> c.type().name());
        fields.put("status", c -> c.status().name());
        fields.put("priority", c -> c.priority() == null ? "" : c.priority().name());
        fields.put("startDate", c -> date(c.startDate()));
        fields.put("endDate", c -> date(c.endDate()));
        fields.put("channels", c -> new ArrayList<>(new TreeSet<>(c.channels().stream().map(Channel::name).toList())));
        fields.put("tags", c -> new ArrayList<>(new TreeSet<>(c.tags())));
        return java.util.Collections.unmodifiableMap(fields);
    }

    private static String date(LocalDate date) {
        return date == null ? "" : date.toString();
    }
}
