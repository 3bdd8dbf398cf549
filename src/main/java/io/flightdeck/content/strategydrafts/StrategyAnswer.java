package io.flightdeck.content.strategydrafts;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.flightdeck.campaigns.Channel;
import io.flightdeck.content.generation.GenerationFailedException;
import io.flightdeck.strategy.AdObjective;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A generator's answer read as a strategy, or refused as {@code malformed-answer}: an AI provider may answer anything,
 * so what is saved as a version must be checked here first. Goals must be there; the channel mix and the budget split
 * must give whole percents to the campaign's channels only, adding up to 100 (a channel left out gets 0).
 */
final class StrategyAnswer {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StrategyAnswer() {
    }

    record Read(List<String> goals, String targetAudience, List<String> contentPillars, String brandTone,
            String cadence, Map<Channel, Integer> channelMix, Map<Channel, Integer> budgetSplit,
            AdObjective adObjective) {
    }

    static Read read(String text, String provider, Set<Channel> channels) {
        JsonNode json;
        try {
            json = JSON.readTree(text);
        } catch (JacksonException e) {
            throw malformed(provider, "did not answer with a strategy we can read", e);
        }
        if (json == null || !json.isObject()) {
            throw malformed(provider, "did not answer with a strategy we can read", null);
        }
        List<String> goals = strings(json.path("goals"));
        if (goals.isEmpty()) {
            throw malformed(provider, "answered a strategy without goals", null);
        }
        return new Read(goals, text(json.path("targetAudience")), strings(json.path("contentPillars")),
                text(json.path("brandTone")), text(json.path("cadence")),
                shares(json.path("channelMix"), "channel mix", provider, channels),
                shares(json.path("budgetSplit"), "budget split", provider, channels),
                objective(text(json.path("adObjective"))));
    }

    /** An objective by its name or its label; none for anything else (the person chooses one before saving). */
    private static AdObjective objective(String answered) {
        if (answered == null) {
            return null;
        }
        for (AdObjective o : AdObjective.values()) {
            if (o.name().equalsIgnoreCase(answered) || o.label().equalsIgnoreCase(answered)) {
                return o;
            }
        }
        return null;
    }

    private static Map<Channel, Integer> shares(JsonNode node, String what, String provider, Set<Channel> channels) {
        Map<Channel, Integer> shares = new EnumMap<>(Channel.class);
        if (channels.isEmpty() && (node.isMissingNode() || node.isNull() || node.isEmpty())) {
            return shares;
        }
        if (!node.isObject()) {
            throw malformed(provider, "answered no " + what, null);
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            Channel channel = channel(e.getKey());
            if (channel == null || !channels.contains(channel)) {
                throw malformed(provider, "gave a " + what + " share to " + e.getKey()
                        + ", which is not one of the campaign's channels", null);
            }
            JsonNode value = e.getValue();
            if (!value.isNumber() || value.doubleValue() != Math.rint(value.doubleValue()) || value.intValue() < 0
                    || value.intValue() > 100) {
                throw malformed(provider, "gave " + channel.label() + " a " + what + " share of " + value
                        + "; each is a whole percent from 0 to 100", null);
            }
            shares.put(channel, value.intValue());
        }
        int sum = shares.values().stream().mapToInt(Integer::intValue).sum();
        if (sum != 100) {
            throw malformed(provider, "answered a " + what + " that adds up to " + sum + " % instead of 100 %", null);
        }
        return shares;
    }

    private static Channel channel(String key) {
        for (Channel c : Channel.values()) {
            if (c.name().equalsIgnoreCase(key.strip()) || c.label().toLowerCase(Locale.ROOT).equals(key.strip()
                    .toLowerCase(Locale.ROOT))) {
                return c;
            }
        }
        return null;
    }

    private static GenerationFailedException malformed(String provider, String what, Throwable cause) {
        return new GenerationFailedException("malformed-answer", provider + " " + what
                + "; nothing was saved: try again or use the built-in generator", cause);
    }

    private static String text(JsonNode node) {
        String s = node.isString() ? node.asString().strip() : "";
        return s.isEmpty() ? null : s.length() > 2000 ? s.substring(0, 2000) : s;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array.isArray()) {
            for (JsonNode item : array) {
                String s = item.asString("").strip();
                if (!s.isEmpty() && out.size() < 10) {
                    out.add(s.length() > 200 ? s.substring(0, 200) : s);
                }
            }
        }
        return out;
    }
}
