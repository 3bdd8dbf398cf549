package io.flightdeck.analytics.web;

import java.time.LocalDate;
import java.util.UUID;

import io.flightdeck.analytics.dashboards.CampaignDashboards;
import io.flightdeck.analytics.dashboards.CampaignDashboards.CampaignDashboard;
import io.flightdeck.analytics.dashboards.SummarySort;
import io.flightdeck.analytics.dashboards.WorkspaceSummaries;
import io.flightdeck.analytics.dashboards.WorkspaceSummaries.WorkspaceSummary;
import io.flightdeck.analytics.reports.CampaignReport;
import io.flightdeck.analytics.reports.CampaignReports;
import io.flightdeck.analytics.reports.ReportKind;
import io.flightdeck.analytics.reports.ReportQuery;
import io.flightdeck.analytics.schedules.ReportSchedules;
import io.flightdeck.analytics.schedules.ScheduleView;
import io.flightdeck.shared.PageResponse;
import io.flightdeck.shared.Paging;
import io.flightdeck.shared.assistant.AssistantTool;
import io.flightdeck.shared.assistant.AssistantTool.Toolset;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * A campaign's and the workspace's numbers as an AI assistant may read them over MCP, on the services and in the
 * views the API answers: {@code GET /api/v1/analytics/campaigns/{id}/dashboard}, {@code GET
 * /api/v1/analytics/campaigns/all/summary} and the JSON form of {@code POST /api/v1/analytics/campaigns/{id}/report}
 * (built as it is asked, changing nothing), and {@code GET /api/v1/analytics/report-schedules}. The views keep their marks on simulated numbers (the sandbox network's
 * made-up ones), and the descriptions ask the assistant to pass them on.
 */
@Configuration(proxyBeanMethods = false)
class AnalyticsTools {

    private static final String SIMULATED = " Numbers the sandbox network made up are included and marked (simulated "
            + "channels, or a campaign marked simulated): say so whenever you quote them.";

    record DashboardInput(@Schema(description = "The campaign's id, as list_campaigns answers it") @NotNull UUID campaignId,
            @Schema(description = "First day, the workspace's, as 2026-11-01 (default: 29 days before to)") LocalDate from,
            @Schema(description = "Last day, included (default: today)") LocalDate to) {
    }

    record SummaryInput(
            @Schema(description = "First day, the workspace's, as 2026-11-01 (default: 29 days before to)") LocalDate from,
            @Schema(description = "Last day, included (default: today)") LocalDate to,
            @Schema(description = "clicks, conversions, spend or name, optionally with ,asc or ,desc (figures largest "
                    + "first and names from A unless said)") @Size(max = 40) String sort,
            @Schema(description = "The currency spend is compared in when sorting by spend, as EUR (default: the one "
                    + "the most campaigns spent in)") @Size(max = 3) String currency,
            @Schema(description = "The page, from 0") Integer page,
            @Schema(description = "Campaigns a page, 1 to 100 (20 when left out)") Integer size) {
    }

    record ReportInput(@Schema(description = "The campaign's id, as list_campaigns answers it") @NotNull UUID campaignId,
            @Schema(description = "SUMMARY, DETAILED or EXECUTIVE") @NotBlank @Size(max = 20) String kind,
            @Schema(description = "First day, the workspace's, as 2026-11-01 (default: 29 days before to)") LocalDate from,
            @Schema(description = "Last day, included (default: today)") LocalDate to) {
    }

    record SchedulesInput(@Schema(description = "Only this campaign's schedules, as list_campaigns answers its id")
            UUID campaignId,
            @Schema(description = "The page, from 0") Integer page,
            @Schema(description = "Schedules a page, 1 to 100 (20 when left out)") Integer size) {
    }

    @Bean
    AssistantTool campaignDashboardTool(CampaignDashboards dashboards) {
        return AssistantTool.reading("get_campaign_dashboard", "Get a campaign's dashboard",
                "Answers a campaign's key figures for a range of the workspace's days beside the same number of days "
                        + "before (change in per cent), per channel too, the daily trend, money per currency, and as of "
                        + "when." + SIMULATED,
                Toolset.ANALYTICS, DashboardInput.class, CampaignDashboard.class,
                input -> dashboards.of(input.campaignId(), input.from(), input.to()));
    }

    @Bean
    AssistantTool workspaceSummaryTool(WorkspaceSummaries summaries) {
        return AssistantTool.reading("get_workspace_summary", "Get the workspace's campaign summary",
                "Answers every campaign with numbers in a range of the workspace's days (or the days before): its key "
                        + "figures beside the days before, sorted and paged, with the workspace's totals (money per "
                        + "currency, campaigns in the trash included) and as of when. Use it to compare campaigns; use "
                        + "get_campaign_dashboard for one campaign's channels and trend." + SIMULATED,
                Toolset.ANALYTICS, SummaryInput.class, WorkspaceSummary.class,
                input -> summaries.of(input.from(), input.to(), SummarySort.parse(input.sort()), input.currency(),
                        input.page(), input.size()));
    }

    @Bean
    AssistantTool campaignReportTool(CampaignReports reports) {
        return AssistantTool.reading("get_campaign_report", "Get a campaign report",
                "Builds a SUMMARY, DETAILED or EXECUTIVE report of a campaign for a range of the workspace's days, as "
                        + "data: its title, period, sentences that say what happened, and sections of figures, with as "
                        + "of when; the same numbers as the report's CSV, XLSX and PDF files in Flightdeck. Nothing is "
                        + "saved." + SIMULATED,
                Toolset.ANALYTICS, ReportInput.class, CampaignReport.class,
                input -> reports.build(new ReportQuery(input.campaignId(), ReportKind.parse(input.kind()),
                        input.from(), input.to())));
    }

    @Bean
    AssistantTool listReportSchedulesTool(ReportSchedules schedules) {
        return AssistantTool.reading("list_report_schedules", "List report schedules",
                "Lists the workspace's campaign reports sent by email on a schedule, newest first, a page at a time "
                        + "(one campaign's when campaignId is given): each with its campaign, kind, file format, "
                        + "cadence, recipients, whether it is paused, its next report and its last run with the outcome. "
                        + "Use get_campaign_report to read a report's numbers now.",
                Toolset.ANALYTICS, SchedulesInput.class,
                ResolvableType.forClassWithGenerics(PageResponse.class, ScheduleView.class).getType(), input -> {
                    Pageable paging = Paging.of(input.page(), input.size(), Sort.unsorted());
                    return schedules.list(input.campaignId(), paging.getPageNumber(), paging.getPageSize());
                });
    }
}
