package io.flightdeck.analytics.schedules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import io.flightdeck.analytics.reports.ReportFormat;
import io.flightdeck.analytics.reports.ReportKind;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.InvalidInputException.Problem;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A new schedule as asked for: the campaign, the report's kind, the file sent with it (PDF, CSV or XLSX), how often,
 * to whom (members' or anyone's addresses; the person who asks when none), and whether a period with no numbers is
 * skipped. {@link #check} answers every problem at once.
 */
@Schema(name = "ReportScheduleRequest")
public record ScheduleRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID campaignId,
        @Schema(example = "EXECUTIVE") String kind, @Schema(example = "PDF") String format,
        @Schema(example = "WEEKLY") String cadence,
        @ArraySchema(schema = @Schema(example = "boss@example.com"), maxItems = MAX_RECIPIENTS) List<String> recipients,
        Boolean skipWhenEmpty) {

    /** The most addresses one schedule sends to. */
    public static final int MAX_RECIPIENTS = 10;

    // one address as a person types it: something before and after an at sign, a dot in the domain, no spaces
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s,;<>\"]{1,64}@[^@\\s,;<>\"]+\\.[^@\\s,;<>\"]+");

    /** The request's settings, checked; the schedule's owner's address when it names no recipient. */
    Checked check(String ownerEmail) {
        List<Problem> problems = new ArrayList<>();
        if (campaignId == null) {
            problems.add(new Problem("campaignId", "Choose the campaign the report is about"));
        }
        ReportKind parsedKind = attempt(problems, () -> ReportKind.parse(kind == null ? "SUMMARY" : kind));
        ReportFormat parsedFormat = attempt(problems, () -> ReportFormat.parse(format == null ? "PDF" : format,
                ReportFormat.PDF, ReportFormat.XLSX, ReportFormat.CSV));
        ReportCadence parsedCadence = attempt(problems, () -> cadence(cadence));
        List<String> addresses = recipients(recipients, ownerEmail, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The schedule was not saved", problems);
        }
        return new Checked(campaignId, parsedKind, parsedFormat, parsedCadence, addresses,
                skipWhenEmpty == null || skipWhenEmpty);
    }

    record Checked(UUID campaignId, ReportKind kind, ReportFormat format, ReportCadence cadence,
            List<String> recipients, boolean skipWhenEmpty) {
    }

    static ReportCadence cadence(String value) {
        if (value != null) {
            for (ReportCadence cadence : ReportCadence.values()) {
                if (cadence.name().equals(value.strip().toUpperCase(Locale.ROOT))) {
                    return cadence;
                }
            }
        }
        throw new InvalidInputException("cadence", "Choose how often: DAILY, WEEKLY or MONTHLY");
    }

    /** The addresses, trimmed, lower case and each once; the owner's when there are none. */
    static List<String> recipients(List<String> asked, String ownerEmail, List<Problem> problems) {
        if (asked == null || asked.isEmpty()) {
            return List.of(ownerEmail.toLowerCase(Locale.ROOT));
        }
        if (asked.size() > MAX_RECIPIENTS) {
            problems.add(new Problem("recipients", "Send to at most " + MAX_RECIPIENTS + " addresses"));
            return List.of();
        }
        Set<String> addresses = new LinkedHashSet<>();
        for (String address : asked) {
            String trimmed = address == null ? "" : address.strip().toLowerCase(Locale.ROOT);
            if (trimmed.length() > 254 || !ADDRESS.matcher(trimmed).matches()) {
                problems.add(new Problem("recipients", "Not an email address: "
                        + (address == null ? "(empty)" : address.length() > 60 ? address.substring(0, 60) + "…" : address)));
            } else {
                addresses.add(trimmed);
            }
        }
        return List.copyOf(addresses);
    }

    private static <T> T attempt(List<Problem> problems, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
            return null;
        }
    }
}
