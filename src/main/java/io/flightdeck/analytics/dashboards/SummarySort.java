package io.flightdeck.analytics.dashboards;

import java.util.Arrays;
import java.util.Locale;

import io.flightdeck.shared.InvalidInputException;

/**
 * How the all-campaigns summary orders its campaigns: {@code sort=field[,asc|desc]} over clicks, conversions, spend
 * and name. Figures go largest first and names from A unless the direction is given. Spend is compared in one
 * currency only, since amounts in two currencies cannot be ordered against each other.
 */
public record SummarySort(Field field, boolean descending) {

    public enum Field {
        CLICKS, CONVERSIONS, SPEND, NAME;

        public String text() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The summary's order when none is asked: most clicks first. */
    public static final SummarySort DEFAULT = new SummarySort(Field.CLICKS, true);

    /** {@code clicks}, {@code spend,asc}, ...; null or blank means {@link #DEFAULT}. */
    public static SummarySort parse(String sort) {
        if (sort == null || sort.isBlank()) {
            return DEFAULT;
        }
        String[] parts = sort.split(",", -1);
        Field field = Arrays.stream(Field.values()).filter(f -> f.text().equals(parts[0].strip()))
                .findFirst().orElseThrow(() -> new InvalidInputException("sort",
                        "must be one of clicks, conversions, spend, name, optionally followed by ,asc or ,desc"));
        if (parts.length == 1) {
            return new SummarySort(field, field != Field.NAME);
        }
        String direction = parts[1].strip();
        if (parts.length > 2 || !(direction.equals("asc") || direction.equals("desc"))) {
            throw new InvalidInputException("sort", "direction must be asc or desc");
        }
        return new SummarySort(field, direction.equals("desc"));
    }

    /** The order as the {@code sort} parameter writes it: {@code clicks,desc}. */
    public String text() {
        return field.text() + (descending ? ",desc" : ",asc");
    }
}
