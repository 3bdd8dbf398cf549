package io.flightdeck.publishing.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import io.flightdeck.shared.export.ExportFormat;
import io.flightdeck.shared.security.CurrentActor;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The calendar's Export CSV and Export Excel, signed in by the session: the posts of the month, week or day on screen
 * (in the member's zone) with its campaign and channel.
 */
@Controller
class PostExportPagesController {

    private final PostExport export;
    private final CalendarCampaigns campaigns;

    PostExportPagesController(PostExport export, CalendarCampaigns campaigns) {
        this.export = export;
        this.campaigns = campaigns;
    }

    @GetMapping(CalendarFilter.PATH + "/export")
    void export(@RequestParam(required = false) String format, @RequestParam(required = false) String view,
            @RequestParam(required = false) String date, @RequestParam(required = false) UUID campaignId,
            @RequestParam(required = false) String channel, HttpServletResponse response) throws IOException {
        ExportFormat.parse(format); // a wrong format is a 400 before a campaign can be a 404
        ZoneId zone = CurrentActor.zone();
        CalendarPeriod period = CalendarPeriod.of(CalendarPeriod.View.parse(view),
                CalendarPeriod.parseDate("date", date, LocalDate.now(zone)));
        CalendarFilter filter = CalendarFilter.of(campaignId, channel);
        // another workspace's campaign is not found, as on the calendar
        campaigns.requireChosen(filter.campaignId(), List.of());
        export.send(response, format, period.first().atStartOfDay(zone).toInstant(),
                period.last().plusDays(1).atStartOfDay(zone).toInstant(), filter.campaignId(), filter.channel(), false);
    }
}
