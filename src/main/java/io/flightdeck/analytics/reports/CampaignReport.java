package io.flightdeck.analytics.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A report's data, from which the screen and every file are written: what it is, the campaign, the range and the days
 * it is compared with (the workspace's days, in its time zone), as of when the numbers hold everything written, a few
 * sentences in words (executive reports) and the sections, each a table of typed cells.
 *
 * @param period the range in words, e.g. "16 Nov 2026 to 22 Nov 2026 (7 days), beside 9 Nov 2026 to 15 Nov 2026"
 * @param asOf   every fact written before this instant is in the numbers
 */
public record CampaignReport(String title, ReportKind kind, UUID campaignId, String campaignName, LocalDate from,
        LocalDate to, LocalDate previousFrom, LocalDate previousTo, String period, Instant asOf, String timeZone,
        List<String> sentences, List<ReportSection> sections) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

    /** The as-of on the workspace's clock, as the dashboard writes it: Mon 23 Nov 2026, 10:30. */
    public String asOfWords() {
        return WHEN.format(asOf.atZone(ZoneId.of(timeZone)));
    }
}
