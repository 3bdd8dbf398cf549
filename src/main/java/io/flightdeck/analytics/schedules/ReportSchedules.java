package io.flightdeck.analytics.schedules;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.flightdeck.analytics.dashboards.CampaignDashboards;
import io.flightdeck.analytics.reports.ReportFormat;
import io.flightdeck.analytics.reports.ReportKind;
import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.identity.MemberDirectory;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.PageResponse;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A workspace's report schedules: made, changed (paused, recipients, skip when empty), removed with their runs, and
 * listed with their next report and last run. Every query names the workspace.
 */
@Service
public class ReportSchedules {

    static final String COLUMNS = "s.id, s.campaign_id, s.owner_id, s.kind, s.format, s.cadence, s.recipients,"
            + " s.skip_when_empty, s.paused, s.created_at";

    private final JdbcClient jdbc;
    private final CampaignDirectory campaigns;
    private final MemberDirectory members;
    private final ReportRuns runs;
    private final CampaignDashboards dashboards;
    private final Clock clock;

    ReportSchedules(JdbcClient jdbc, CampaignDirectory campaigns, MemberDirectory members, ReportRuns runs,
            CampaignDashboards dashboards, Clock clock) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.members = members;
        this.runs = runs;
        this.dashboards = dashboards;
        this.clock = clock;
    }

    /** A schedule as stored. */
    record Schedule(UUID id, UUID campaignId, UUID ownerId, ReportKind kind, ReportFormat format,
            ReportCadence cadence, List<String> recipients, boolean skipWhenEmpty, boolean paused, Instant createdAt) {

        static Schedule read(ResultSet r) throws SQLException {
            return new Schedule(r.getObject(1, UUID.class), r.getObject(2, UUID.class), r.getObject(3, UUID.class),
                    ReportKind.valueOf(r.getString(4)), ReportFormat.valueOf(r.getString(5)),
                    ReportCadence.valueOf(r.getString(6)), Arrays.asList(r.getString(7).split("\n")),
                    r.getBoolean(8), r.getBoolean(9), r.getTimestamp(10).toInstant());
        }
    }

    @Transactional
    public ScheduleView create(ScheduleRequest request) {
        var actor = CurrentActor.require();
        ScheduleRequest.Checked checked = request.check(actor.email());
        campaign(checked.campaignId());
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into analytics_report_schedules (id, tenant_id, campaign_id, owner_id, kind, format, cadence,"
                        + " recipients, skip_when_empty, paused, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?)")
                .params(id, TenantScope.require(), checked.campaignId(), actor.userId(), checked.kind().name(),
                        checked.format().name(), checked.cadence().name(), String.join("\n", checked.recipients()),
                        checked.skipWhenEmpty(), Timestamp.from(clock.instant()))
                .update();
        return get(id);
    }

    /** Pauses or resumes, changes the recipients or the skip; what is absent stays. */
    @Transactional
    public ScheduleView change(UUID id, Boolean paused, List<String> recipients, Boolean skipWhenEmpty) {
        Schedule schedule = find(id);
        List<InvalidInputException.Problem> problems = new java.util.ArrayList<>();
        List<String> addresses = recipients == null ? schedule.recipients()
                : ScheduleRequest.recipients(recipients, CurrentActor.require().email(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The schedule was not changed", problems);
        }
        jdbc.sql("update analytics_report_schedules set paused = ?, recipients = ?, skip_when_empty = ?"
                        + " where id = ? and tenant_id = ?")
                .params(paused == null ? schedule.paused() : paused, String.join("\n", addresses),
                        skipWhenEmpty == null ? schedule.skipWhenEmpty() : skipWhenEmpty, id, TenantScope.require())
                .update();
        return get(id);
    }

    /** Removes the schedule with its runs' records; a run being sent finishes the mail in hand and stops. */
    @Transactional
    public void delete(UUID id) {
        find(id);
        jdbc.sql("delete from analytics_report_schedules where id = ? and tenant_id = ?")
                .params(id, TenantScope.require()).update();
    }

    /** Sends the schedule's last due period now (see {@link ReportRuns#sendNow}). */
    public RunView sendNow(UUID id) {
        return runs.sendNow(find(id));
    }

    public ScheduleView get(UUID id) {
        return views(List.of(find(id))).get(0);
    }

    /** The workspace's schedules, newest first, one campaign's when asked. */
    public PageResponse<ScheduleView> list(UUID campaignId, int page, int size) {
        UUID tenant = TenantScope.require();
        String where = " where s.tenant_id = ?" + (campaignId == null ? "" : " and s.campaign_id = ?");
        List<Object> params = campaignId == null ? List.of(tenant) : List.of(tenant, campaignId);
        long total = jdbc.sql("select count(*) from analytics_report_schedules s" + where).params(params)
                .query(Long.class).single();
        List<Schedule> schedules = jdbc.sql("select " + COLUMNS + " from analytics_report_schedules s" + where
                        + " order by s.created_at desc, s.id offset " + ((long) page * size) + " rows fetch next " + size
                        + " rows only")
                .params(params).query((r, i) -> Schedule.read(r)).list();
        return new PageResponse<>(views(schedules), page, size, total, (int) ((total + size - 1) / size));
    }

    Schedule find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from analytics_report_schedules s where s.id = ? and s.tenant_id = ?")
                .params(id, TenantScope.require()).query((r, i) -> Schedule.read(r)).optional()
                .orElseThrow(() -> new NotFoundException("report schedule " + id));
    }

    private CampaignSnapshot campaign(UUID campaignId) {
        return campaigns.find(campaignId).orElseThrow(() -> new NotFoundException("campaign " + campaignId));
    }

    /** Views in one read each of campaigns, members and last runs, however many schedules. */
    private List<ScheduleView> views(List<Schedule> schedules) {
        if (schedules.isEmpty()) {
            return List.of();
        }
        Map<UUID, CampaignSnapshot> named = campaigns.findAll(schedules.stream().map(Schedule::campaignId).toList());
        Map<UUID, String> owners = members.displayNames(schedules.stream().map(Schedule::ownerId).toList());
        Map<UUID, RunView> last = runs.lastRuns(schedules.stream().map(Schedule::id).toList());
        ZoneId zone = dashboards.workspaceZone();
        Instant now = clock.instant();
        return schedules.stream().map(s -> {
            ReportPeriod next = s.cadence().nextDue(now, zone);
            return new ScheduleView(s.id(), s.campaignId(),
                    Optional.ofNullable(named.get(s.campaignId())).map(CampaignSnapshot::name).orElse("(removed)"),
                    s.ownerId(), owners.getOrDefault(s.ownerId(), "a former member"), s.kind(), s.format(),
                    s.cadence(), s.recipients(), s.skipWhenEmpty(), s.paused(), s.createdAt(), next,
                    s.cadence().dueAt(next, zone), last.get(s.id()));
        }).toList();
    }
}
