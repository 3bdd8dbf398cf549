package io.flightdeck.email.report;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.email.report.EmailReport.ReportAbTest;
import io.flightdeck.email.report.EmailReport.ReportLink;
import io.flightdeck.email.report.EmailReport.ReportLinks;
import io.flightdeck.email.report.EmailReport.ReportTimeline;
import io.flightdeck.email.report.EmailReport.ReportVariant;
import io.flightdeck.email.sending.AbTestView;
import io.flightdeck.email.sending.AbTests;
import io.flightdeck.email.sending.EmailCampaignView;
import io.flightdeck.email.sending.EmailCampaigns;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An email's report (issue 28): the page and the API both ask here, so they show the same figures. Another
 * workspace's email is not found (404); an email never sent has a report with nothing in it, not an error. The
 * queries are a fixed handful (the email, the zone, the ledger, the engagements, by hour, the links and the A/B
 * test's own), whatever the size of the send.
 */
@Service
public class EmailReports {

    private final EmailCampaigns emails;
    private final AbTests abTests;
    private final ReportQueries queries;
    private final Clock clock;

    EmailReports(EmailCampaigns emails, AbTests abTests, ReportQueries queries, Clock clock) {
        this.emails = emails;
        this.abTests = abTests;
        this.queries = queries;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public EmailReport of(UUID emailCampaignId) {
        EmailCampaignView email = emails.get(emailCampaignId);
        Instant now = clock.instant();
        ZoneId zone = queries.zone();
        return new EmailReport(email.id(), email.name(), email.status().name(), email.startedAt(), now, zone.getId(),
                queries.totals(email.id()), timeline(email, zone, now), links(email.id()),
                abTests.find(email.id()).map(EmailReports::abTest).orElse(null));
    }

    private ReportTimeline timeline(EmailCampaignView email, ZoneId zone, Instant now) {
        if (email.startedAt() == null) {
            return new ReportTimeline(List.of(), 0, 0);
        }
        TimelineBuckets buckets = new TimelineBuckets(email.startedAt(), zone);
        Map<Long, long[]> hourly = queries.hourly(email.id(), buckets.base(), buckets.laterHour());
        return buckets.layOut(now, hourly);
    }

    private ReportLinks links(UUID emailCampaignId) {
        List<ReportLink> top = queries.topLinks(emailCampaignId);
        long[] others = queries.otherLinks(emailCampaignId, top.stream().map(ReportLink::url).toList());
        ReportLink rest = others[0] == 0 ? null
                : new ReportLink(others[0] == 1 ? "1 other link" : others[0] + " other links", others[1], others[2]);
        return new ReportLinks(top, rest, top.size() + others[0]);
    }

    private static ReportAbTest abTest(AbTestView test) {
        List<ReportVariant> variants = test.variants().stream().map(v -> new ReportVariant(v.key(), v.sent(),
                v.successes(), EmailReport.rate(v.successes(), v.sent()))).toList();
        return new ReportAbTest(test.metric().name(), test.metric().rateName(), test.status(), test.winner(), variants);
    }
}
