package io.flightdeck.analytics.reports;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import io.flightdeck.analytics.dashboards.CampaignDashboards;
import io.flightdeck.analytics.dashboards.CampaignDashboards.CampaignDashboard;
import io.flightdeck.analytics.dashboards.DashboardWords;
import org.springframework.stereotype.Service;

/**
 * The one way a report's data is made: a {@link ReportQuery} becomes a {@link CampaignReport} from the campaign's
 * dashboard ({@link CampaignDashboards#of}), never from a query of its own, so the report on screen, its files and
 * the dashboard agree. Every format is written from what this answers.
 */
@Service
public class CampaignReports {

    /** How many channels an executive report lists. */
    static final int TOP_CHANNELS = 3;

    private final CampaignDashboards dashboards;

    CampaignReports(CampaignDashboards dashboards) {
        this.dashboards = dashboards;
    }

    /** The report's data; an unknown campaign is a 404, a range the dashboard cannot show a 400. */
    public CampaignReport build(ReportQuery query) {
        // read before the numbers: a fold that lands in between is then in the numbers, and the mark stays true
        Optional<Instant> folded = dashboards.lastFolded(query.campaignId());
        CampaignDashboard dashboard = dashboards.of(query.campaignId(), query.from(), query.to());
        long days = ChronoUnit.DAYS.between(dashboard.from(), dashboard.to()) + 1;
        DashboardWords words = new DashboardWords(days == 1 ? "the day before" : "the " + days + " days before");
        ReportSections sections = new ReportSections(dashboard, words);
        List<ReportSection> tables = switch (query.kind()) {
            case SUMMARY -> List.of(sections.keyFigures(), sections.money(), sections.channels());
            case DETAILED -> List.of(sections.keyFigures(), sections.money(), sections.channels(), sections.days(),
                    sections.channelFigures());
            case EXECUTIVE -> List.of(sections.headlines(), sections.topChannels(TOP_CHANNELS),
                    sections.clicksAndConversions());
        };
        List<String> sentences = new java.util.ArrayList<>();
        if (dashboard.simulated()) {
            // before anything else: a reader who forwards a report must not take made-up numbers for real ones
            sentences.add(DashboardWords.simulatedSource(dashboard.simulatedChannels()));
        }
        if (query.kind() == ReportKind.EXECUTIVE) {
            sentences.addAll(ReportSentences.of(dashboard, words, sections));
        }
        String period = words.day(dashboard.from()) + " to " + words.day(dashboard.to()) + " (" + days
                + (days == 1 ? " day" : " days") + "), beside " + words.day(dashboard.previousFrom()) + " to "
                + words.day(dashboard.previousTo());
        return new CampaignReport(query.kind().title() + ": " + dashboard.campaignName(), query.kind(),
                dashboard.campaignId(), dashboard.campaignName(), dashboard.from(), dashboard.to(),
                dashboard.previousFrom(), dashboard.previousTo(), period, asOf(dashboard, folded),
                dashboard.timeZone(), List.copyOf(sentences), tables);
    }

    /**
     * The dashboard's as-of (the oldest change still waiting for the rollups, or now when none waits), but never
     * later than the last time the campaign's rollups were made: the numbers have not moved since, so every file and
     * screen of the same numbers carries the same as-of, however many seconds apart they are asked for.
     */
    private static Instant asOf(CampaignDashboard dashboard, Optional<Instant> folded) {
        return folded.filter(f -> f.isBefore(dashboard.asOf())).orElse(dashboard.asOf());
    }
}
