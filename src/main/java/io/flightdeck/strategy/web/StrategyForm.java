package io.flightdeck.strategy.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.flightdeck.campaigns.Channel;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.strategy.AdObjective;
import io.flightdeck.strategy.domain.AdsConfig;
import io.flightdeck.strategy.domain.StrategyDetails;
import io.flightdeck.strategy.domain.StrategyView;
import jakarta.validation.constraints.Size;

/**
 * The strategy editor on the page: lists as one item per line, platforms as checkboxes, the budget split as rows of
 * platform and percent. Item counts and lengths are checked by the service, which names the field; the rows are read
 * here, where a half-filled row can still be named by its position.
 */
record StrategyForm(List<Channel> platforms,
        @Size(max = 5000, message = "is too long: at most 20 goals, each up to 200 characters") String goals,
        @Size(max = 4000, message = "is at most 4000 characters") String targetAudience,
        @Size(max = 5000, message = "is too long: at most 20 pillars, each up to 200 characters") String contentPillars,
        @Size(max = 2000, message = "is at most 2000 characters") String brandTone,
        @Size(max = 4000, message = "is at most 4000 characters") String constraints,
        @Size(max = 2000, message = "is at most 2000 characters") String cadence,
        @Size(max = 1000, message = "is too long: one line per platform") String channelMix,
        AdObjective adObjective,
        @Size(max = 20, message = "has more rows than there are platforms") List<BudgetRow> budgetRows,
        @Size(max = 2000, message = "is at most 2000 characters") String biddingNotes,
        Integer basedOnVersion) {

    /**
     * One row of the budget split. Both parts stay text so that any input, however odd, comes back to the form with
     * a sentence instead of a binding failure.
     */
    record BudgetRow(String platform, String percent) {

        boolean isBlank() {
            return (platform == null || platform.isBlank()) && (percent == null || percent.isBlank());
        }
    }

    StrategyForm {
        platforms = platforms == null ? List.of() : platforms;
        // Kept as bound, gaps and all: the binder sets the rows' fields by index once the record is built.
        budgetRows = budgetRows == null ? List.of() : budgetRows;
    }

    /** Rows the browser left empty, or gaps in the numbering, are not rows anyone meant. */
    private List<BudgetRow> filledRows() {
        return budgetRows.stream().filter(r -> r != null && !r.isBlank()).toList();
    }

    /** A new strategy starts from the channels the campaign runs on. */
    static StrategyForm empty(Collection<Channel> campaignChannels) {
        return new StrategyForm(ordered(campaignChannels), "", "", "", "", "", "", "", null, List.of(), "", 0);
    }

    /** Prefilled from a version, to be saved on top of it; no platforms chosen yet means the campaign's channels. */
    static StrategyForm of(StrategyView v, Collection<Channel> campaignChannels) {
        AdsConfig ads = v.adsConfig();
        List<BudgetRow> rows = ads == null ? List.of() : ads.budgetSplit().entrySet().stream()
                .map(e -> new BudgetRow(e.getKey().name(), String.valueOf(e.getValue()))).toList();
        List<Channel> platforms = v.platforms().isEmpty() ? ordered(campaignChannels) : v.platforms();
        return new StrategyForm(platforms, String.join("\n", v.goals()), v.targetAudience(),
                String.join("\n", v.contentPillars()), v.brandTone(), v.constraints(), v.cadence(), mixText(v.channelMix()),
                ads == null ? null : ads.objective(), rows, ads == null ? null : ads.biddingNotes(), v.version());
    }

    private static List<Channel> ordered(Collection<Channel> channels) {
        return channels == null ? List.of() : channels.stream().sorted().toList();
    }

    /**
     * The details; budget rows or channel mix lines it cannot read add a problem to {@code unreadable} and are left
     * out of their split.
     */
    StrategyDetails toDetails(List<InvalidInputException.Problem> unreadable) {
        return new StrategyDetails(platforms, lines(goals), targetAudience, lines(contentPillars), brandTone, constraints,
                cadence, new AdsConfig(adObjective, split(unreadable), biddingNotes), mix(unreadable));
    }

    /** A channel mix as the text area shows it: one line per platform, its label and its percent. */
    static String mixText(Map<Channel, Integer> mix) {
        return String.join("\n", mix.entrySet().stream().map(e -> e.getKey().label() + ": " + e.getValue()).toList());
    }

    /** The text area's lines as a mix: a platform (its label or name) and a whole percent on each. */
    private Map<Channel, Integer> mix(List<InvalidInputException.Problem> unreadable) {
        Map<Channel, Integer> mix = new EnumMap<>(Channel.class);
        List<String> problems = new ArrayList<>();
        for (String line : lines(channelMix)) {
            int colon = Math.max(line.lastIndexOf(':'), line.lastIndexOf(' '));
            String name = colon < 0 ? line : line.substring(0, colon).strip().replaceAll(":$", "").strip();
            Optional<Channel> platform = Arrays.stream(Channel.values())
                    .filter(c -> c.name().equalsIgnoreCase(name) || c.label().equalsIgnoreCase(name)).findFirst();
            Integer percent = colon < 0 ? null : percent(line.substring(colon + 1));
            if (platform.isEmpty() || percent == null) {
                problems.add("\"" + line + "\" is not a platform and a whole percent, such as \"Instagram: 60\"");
            } else if (mix.putIfAbsent(platform.get(), percent) != null) {
                problems.add(platform.get().label() + " has more than one line");
            }
        }
        if (!problems.isEmpty()) {
            unreadable.add(new InvalidInputException.Problem("channelMix", String.join(". ", problems) + "."));
            return Map.of();
        }
        return mix;
    }

    /** The rows to show: at least one, so there is always a row to fill in. Public: the template calls it. */
    public List<BudgetRow> shownRows() {
        List<BudgetRow> rows = filledRows();
        return rows.isEmpty() ? List.of(new BudgetRow("", "")) : rows;
    }

    /** What the live total says before any script runs, in the same words. */
    public String budgetTotal() {
        int sum = 0;
        List<BudgetRow> rows = filledRows();
        for (BudgetRow row : rows) {
            Integer percent = percent(row.percent());
            sum += percent == null ? 0 : percent;
        }
        return totalText(sum, rows.isEmpty());
    }

    static String totalText(int sum, boolean noRows) {
        if (noRows) {
            return "No split yet. Leave it empty when there is no paid media.";
        }
        if (sum == 100) {
            return "Total 100 % — all of the budget is allocated";
        }
        return sum < 100 ? "Total " + sum + " % — " + (100 - sum) + " % unallocated"
                : "Total " + sum + " % — " + (sum - 100) + " % too much";
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The rows as a split; whether the platforms belong to the strategy and add up to 100 is the service's rule. */
    private Map<Channel, Integer> split(List<InvalidInputException.Problem> unreadable) {
        Map<Channel, Integer> split = new EnumMap<>(Channel.class);
        List<String> problems = new ArrayList<>();
        List<BudgetRow> rows = filledRows();
        for (int i = 0; i < rows.size(); i++) {
            BudgetRow row = rows.get(i);
            String where = "Row " + (i + 1);
            Optional<Channel> platform = platform(row.platform());
            Integer percent = percent(row.percent());
            if (platform.isEmpty()) {
                problems.add(where + " needs a platform");
            } else if (row.percent() == null || row.percent().isBlank()) {
                problems.add(where + " (" + platform.get().label() + ") needs a percent");
            } else if (percent == null || percent < 0 || percent > 100) {
                problems.add(where + " (" + platform.get().label() + ") needs a whole percent from 0 to 100, not \""
                        + row.percent().strip() + "\"");
            } else if (split.putIfAbsent(platform.get(), percent) != null) {
                problems.add(platform.get().label() + " has more than one row; give it one row with its whole share");
            }
        }
        if (!problems.isEmpty()) {
            unreadable.add(new InvalidInputException.Problem("budgetRows", String.join(". ", problems) + "."));
            return Map.of();
        }
        return split;
    }

    private static Optional<Channel> platform(String name) {
        return name == null ? Optional.empty()
                : Arrays.stream(Channel.values()).filter(c -> c.name().equals(name.strip())).findFirst();
    }

    private static Integer percent(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip().replace("%", "").strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
