package io.flightdeck.strategy.web;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.flightdeck.campaigns.Channel;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.strategy.domain.AdObjective;
import io.flightdeck.strategy.domain.AdsConfig;
import io.flightdeck.strategy.domain.StrategyDetails;
import io.flightdeck.strategy.domain.StrategyView;
import jakarta.validation.constraints.Size;

/**
 * The strategy editor on the page: lists as one item per line, platforms as checkboxes, the budget split as
 * {@code INSTAGRAM=60} lines. Item counts and lengths are checked by the service, which names the field.
 */
record StrategyForm(List<Channel> platforms,
        @Size(max = 5000, message = "is too long: at most 20 goals of 200 characters") String goals,
        @Size(max = 4000, message = "is at most 4000 characters") String targetAudience,
        @Size(max = 5000, message = "is too long: at most 20 pillars of 200 characters") String contentPillars,
        @Size(max = 2000, message = "is at most 2000 characters") String brandTone,
        @Size(max = 4000, message = "is at most 4000 characters") String constraints,
        @Size(max = 2000, message = "is at most 2000 characters") String cadence,
        AdObjective adObjective,
        @Size(max = 1000, message = "is too long: one PLATFORM=percent line per platform") String budgetSplit,
        @Size(max = 2000, message = "is at most 2000 characters") String biddingNotes,
        Integer basedOnVersion) {

    static StrategyForm empty() {
        return new StrategyForm(List.of(), "", "", "", "", "", "", null, "", "", 0);
    }

    /** Prefilled from a version, to be saved on top of it. */
    static StrategyForm of(StrategyView v) {
        AdsConfig ads = v.adsConfig();
        String split = ads == null ? "" : ads.budgetSplit().entrySet().stream()
                .map(e -> e.getKey().name() + "=" + e.getValue()).collect(Collectors.joining("\n"));
        return new StrategyForm(v.platforms(), String.join("\n", v.goals()), v.targetAudience(),
                String.join("\n", v.contentPillars()), v.brandTone(), v.constraints(), v.cadence(),
                ads == null ? null : ads.objective(), split, ads == null ? null : ads.biddingNotes(), v.version());
    }

    StrategyDetails toDetails() {
        return new StrategyDetails(platforms, lines(goals), targetAudience, lines(contentPillars), brandTone, constraints,
                cadence, new AdsConfig(adObjective, split(budgetSplit), biddingNotes));
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Lines such as {@code INSTAGRAM=60}, {@code Instagram: 60%} or {@code linkedin = 40}. */
    private static Map<Channel, Integer> split(String text) {
        Map<Channel, Integer> split = new EnumMap<>(Channel.class);
        List<String> lines = lines(text);
        for (int i = 0; i < lines.size(); i++) {
            String[] parts = lines.get(i).split("[=:]", 2);
            String where = "line " + (i + 1) + " (\"" + lines.get(i) + "\")";
            if (parts.length != 2) {
                throw new InvalidInputException("budgetSplit", where + " is not PLATFORM=percent, such as INSTAGRAM=60");
            }
            Channel platform = platform(parts[0].strip())
                    .orElseThrow(() -> new InvalidInputException("budgetSplit", where + " names no platform; use one of "
                            + Arrays.stream(Channel.values()).map(Enum::name).collect(Collectors.joining(", "))));
            try {
                split.put(platform, Integer.parseInt(parts[1].strip().replace("%", "").strip()));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("budgetSplit", where + " needs a whole percent after the =");
            }
        }
        return split;
    }

    private static java.util.Optional<Channel> platform(String name) {
        String wanted = name.toUpperCase(Locale.ROOT).replace(' ', '_');
        return Arrays.stream(Channel.values())
                .filter(c -> c.name().equals(wanted) || c.label().equalsIgnoreCase(name)).findFirst();
    }
}
