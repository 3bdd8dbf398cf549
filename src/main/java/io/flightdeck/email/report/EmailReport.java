package io.flightdeck.email.report;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What a marketer reads after a send: the headline figures, human opens and clicks over time, clicks per link and the
 * A/B test's variants. One object for the report page (its tables, and the JSON its charts are drawn from) and for
 * the API, so the two never disagree. Rates count people only and divide by the messages sent; a rate is null while
 * nothing was sent, rather than 0 %.
 *
 * @param startedAt when the send started; null for an email never sent (the report is then empty)
 * @param asOf      when these figures were read
 * @param timeZone  the zone the timeline's hours and days are in: the workspace's
 */
@Schema(name = "EmailReport")
public record EmailReport(UUID emailCampaignId, String name, String status, Instant startedAt,
        @Schema(example = "2026-11-02T09:30:00Z") Instant asOf,
        @Schema(example = "Europe/Lisbon") String timeZone, ReportTotals totals, ReportTimeline timeline,
        ReportLinks links, @Schema(description = "The A/B test's variants; null without a test") ReportAbTest abTest) {

    /** Whether anything left yet: before that the page shows its empty states. */
    public boolean sent() {
        return totals.sent() + totals.unconfirmed() > 0;
    }

    /**
     * The headline figures. Sent counts every message handed to the server and accepted (and what became of it
     * after); delivered, bounced and complained come from the provider's reports (Mailjet, SendGrid; plain SMTP
     * reports none).
     *
     * @param unconfirmed      handed to the server with no answer recorded (the app stopped as they left): the server
     *                         may or may not have them, so they are not in {@code sent}
     * @param resent           sent again at a person's request after an unconfirmed hand-over: they may have it twice
     * @param delivered        reported delivered, even when a complaint followed
     * @param deliveryReported whether the provider reported on any message of the send
     * @param waiting          not sent yet: queued, or waiting for the A/B test's winner
     * @param openRate         people who opened / sent, in per cent with one decimal; null while nothing was sent
     * @param clickRate        people who clicked / sent; null while nothing was sent
     */
    @Schema(name = "EmailReportTotals")
    public record ReportTotals(long recipients, long sent, long unconfirmed, long resent, long delivered,
            boolean deliveryReported, long bounced,
            long complained, long unsubscribed, long failed, long skipped, long waiting, long peopleWhoOpened,
            @Schema(example = "42.5") Double openRate, long peopleWhoClicked, @Schema(example = "7.1") Double clickRate,
            long humanOpens, long humanClicks, long machineOpens, long machineClicks) {

        /** The open rate as a person reads it, or why there is none yet. */
        public String openRateText() {
            return percent(openRate);
        }

        public String clickRateText() {
            return percent(clickRate);
        }
    }

    /**
     * Human opens and clicks since the send started: an hour at a time for the first 48 hours (from the start of the
     * send's hour), then a day at a time (the first day from the 48th hour to midnight), for 90 days; anything later is
     * in one last bucket. Buckets run to now; empty ones are there with zeros.
     */
    @Schema(name = "EmailReportTimeline")
    public record ReportTimeline(List<ReportBucket> buckets, long opens, long clicks) {

        public boolean empty() {
            return opens == 0 && clicks == 0;
        }
    }

    /**
     * @param unit  HOUR, DAY or LATER
     * @param label the bucket's start in the workspace's zone, as a person reads it
     */
    @Schema(name = "EmailReportBucket")
    public record ReportBucket(@Schema(example = "2026-11-02T09:00:00Z") Instant start,
            @Schema(example = "2026-11-02T10:00:00Z") Instant end, @Schema(example = "HOUR") String unit,
            @Schema(example = "Mon 2 Nov, 09:00") String label, long opens, long clicks) {
    }

    /**
     * Human clicks per link: the ten links most people clicked, and the others summed.
     *
     * @param rest the links after the first ten, summed (their people counted once each); null when there are no more
     */
    @Schema(name = "EmailReportLinks")
    public record ReportLinks(List<ReportLink> top, ReportLink rest, long linkCount) {

        public boolean empty() {
            return top.isEmpty();
        }
    }

    /**
     * @param url    the link, or for the rest how many links it sums, in words
     * @param people different people who clicked it
     * @param clicks all their clicks
     */
    @Schema(name = "EmailReportLink")
    public record ReportLink(@Schema(example = "https://shop.example/sale") String url, long people, long clicks) {
    }

    /**
     * @param metric the figure the test decides on: CLICKS, CONVERSIONS or OPENS
     * @param status SET_UP, TESTING, WAITING or DECIDED
     */
    @Schema(name = "EmailReportAbTest")
    public record ReportAbTest(String metric, @Schema(example = "click rate") String rateName, String status,
            String winner, List<ReportVariant> variants) {

        /** Whether any variant has left yet. */
        public boolean started() {
            return variants.stream().anyMatch(v -> v.sample() > 0);
        }
    }

    /**
     * @param sample    people it was sent to
     * @param successes people among them who did what the test counts
     * @param rate      successes / sample in per cent with one decimal; null while its sample is empty
     */
    @Schema(name = "EmailReportVariant")
    public record ReportVariant(@Schema(example = "B") String key, long sample, long successes,
            @Schema(example = "8.3") Double rate) {

        public String rateText() {
            return percent(rate);
        }
    }

    static Double rate(long part, long whole) {
        return whole == 0 ? null : Math.round(1000.0 * part / whole) / 10.0;
    }

    private static String percent(Double rate) {
        return rate == null ? "No rate yet: nothing sent" : String.format(Locale.ROOT, "%.1f %%", rate);
    }
}
