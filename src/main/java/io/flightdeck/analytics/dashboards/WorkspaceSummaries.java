package io.flightdeck.analytics.dashboards;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import io.flightdeck.analytics.SimulatedNumbers;
import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignLabel;
import io.flightdeck.campaigns.CampaignStatus;
import io.flightdeck.identity.WorkspaceDirectory;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.PageResponse;
import io.flightdeck.shared.Paging;
import io.flightdeck.shared.tenancy.TenantScope;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The all-campaigns summary: for a range of the workspace's days, each campaign with numbers in it or in the same
 * number of days before, its key figures beside the days before, and the workspace's totals. One query over the
 * rollups' running totals (never the facts) gives each campaign's sums by metric, currency and part of the range; the
 * campaigns' names come in one more query. Totals are the workspace's: they include
 * campaigns in the trash, which the list leaves out and counts instead. Money stays per currency throughout.
 */
@Service
public class WorkspaceSummaries {

    private final JdbcClient jdbc;
    private final CampaignDirectory campaigns;
    private final Clock clock;
    private final SimulatedNumbers simulated;
    private final WorkspaceDirectory workspaces;

    WorkspaceSummaries(JdbcClient jdbc, CampaignDirectory campaigns, Clock clock, SimulatedNumbers simulated,
            WorkspaceDirectory workspaces) {
        this.jdbc = jdbc;
        this.workspaces = workspaces;
        this.simulated = simulated;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    /** One campaign's line: its key figures for the range beside the days before. */
    public record CampaignSummaryRow(@Schema(example = "0b4c6f2e-8d7a-4e1b-9c3d-2a5f6e7b8c9d") UUID campaignId,
            @Schema(example = "Winter sale") String name, CampaignStatus status, Kpis kpis,
            @Schema(description = "some of its numbers were made up by the sandbox network, not measured")
            boolean simulated) {
    }

    public record WorkspaceSummary(@Schema(example = "Europe/Berlin") String timeZone,
            @Schema(example = "2026-11-16") LocalDate from, @Schema(example = "2026-11-22") LocalDate to,
            @Schema(example = "2026-11-09") LocalDate previousFrom,
            @Schema(example = "2026-11-15") LocalDate previousTo,
            @Schema(description = "every number written before this instant is in", example = "2026-11-23T09:30:00Z") Instant asOf,
            @Schema(description = "the whole workspace's figures, every campaign's, those in the trash included") Kpis totals,
            @Schema(description = "the campaigns' order", example = "clicks,desc") String sort,
            @Schema(description = "the currency spend is compared in when sorting by spend", example = "EUR") @Nullable String sortCurrency,
            @Schema(description = "campaigns in the trash with numbers in either period: in the totals, not the list", example = "0") int campaignsInTrash,
            PageResponse<CampaignSummaryRow> campaigns) {
    }

    /**
     * The summary for {@code from} to {@code to}, the workspace's days, both included (null ends mean the default),
     * its campaigns in {@code sort}'s order, one page of them. Spend is compared in {@code currency}, or when none is
     * given in the currency the most campaigns spent in.
     */
    @Transactional(readOnly = true)
    public WorkspaceSummary of(LocalDate from, LocalDate to, SummarySort sort, String currency, Integer page,
            Integer size) {
        if (currency != null && !currency.matches("[A-Z]{3}")) {
            throw new InvalidInputException("currency", "must be an ISO 4217 code in capitals, such as EUR");
        }
        UUID tenant = TenantScope.require();
        DayRange range = DayRange.of(from, to, DayRange.zoneOf(workspaces, tenant), clock.instant());
        PageRequest paging = Paging.of(page, size, Sort.unsorted());

        Map<UUID, Halves> byCampaign = sums(tenant, range);
        Halves workspace = new Halves();
        byCampaign.values().forEach(workspace::add);
        Map<UUID, CampaignLabel> listed = campaigns.labels(byCampaign.keySet());
        Set<UUID> madeUp = simulated.of(listed.keySet()).keySet();
        List<CampaignSummaryRow> rows = new ArrayList<>();
        byCampaign.forEach((id, sums) -> {
            CampaignLabel campaign = listed.get(id);
            if (campaign != null) {
                rows.add(new CampaignSummaryRow(id, campaign.name(), campaign.status(), sums.kpis(),
                        madeUp.contains(id)));
            }
        });
        Kpis totals = workspace.kpis();
        String sortCurrency = sort.field() != SummarySort.Field.SPEND ? null
                : currency != null ? currency : mostSpentIn(rows, totals);
        rows.sort(order(sort, sortCurrency));

        int first = (int) Math.min(paging.getOffset(), rows.size());
        int last = Math.min(first + paging.getPageSize(), rows.size());
        PageResponse<CampaignSummaryRow> listedPage = PageResponse.of(
                new PageImpl<>(List.copyOf(rows.subList(first, last)), paging, rows.size()), r -> r);
        return new WorkspaceSummary(range.zone().getId(), range.from(), range.to(), range.previousFrom(),
                range.previousTo(), asOf(tenant), totals, sort.text(), sortCurrency,
                byCampaign.size() - rows.size(), listedPage);
    }

    /**
     * Each campaign's sums per metric and currency, now and before, from the running totals: a part's sum is the total
     * at its last day less the total at the day before it. The totals at the three days come from the index by day;
     * a campaign whose numbers end before the range does has no rows at the later days, so its totals at its last day
     * come too and stand for every day after it. A few rows per campaign, metric and currency, whatever the range.
     */
    private Map<UUID, Halves> sums(UUID tenant, DayRange range) {
        LocalDate end = range.to();
        LocalDate nowStart = range.from().minusDays(1);
        LocalDate beforeStart = range.previousFrom().minusDays(1);
        Map<UUID, LocalDate> endedOn = new HashMap<>();
        Map<TotalKey, Map<LocalDate, Total>> totals = new HashMap<>();
        jdbc.sql("select campaign_id, metric, currency, total_day, running_value, running_rows, 0"
                + " from analytics_running_totals where tenant_id = ? and total_day in (?, ?, ?)"
                + " union all select t.campaign_id, t.metric, t.currency, t.total_day, t.running_value, t.running_rows, 1"
                + " from analytics_folds f join analytics_running_totals t on t.tenant_id = f.tenant_id"
                + " and t.campaign_id = f.campaign_id and t.total_day = f.totals_through"
                + " where f.tenant_id = ? and f.totals_through > ? and f.totals_through < ?")
                .params(tenant, end, nowStart, beforeStart, tenant, beforeStart, end)
                .query((RowCallbackHandler) r -> {
                    UUID campaign = r.getObject(1, UUID.class);
                    LocalDate day = r.getObject(4, LocalDate.class);
                    if (r.getInt(7) == 1) {
                        endedOn.put(campaign, day);
                    }
                    totals.computeIfAbsent(new TotalKey(campaign, r.getString(2), r.getString(3)), k -> new HashMap<>())
                            .put(day, new Total(r.getBigDecimal(5), r.getLong(6)));
                });
        Map<UUID, Halves> byCampaign = new HashMap<>();
        totals.forEach((key, byDay) -> {
            LocalDate last = endedOn.get(key.campaign());
            Total atEnd = at(byDay, end, last);
            Total atNowStart = at(byDay, nowStart, last);
            Total atBeforeStart = at(byDay, beforeStart, last);
            // a part with no rollup rows has no numbers (a part whose rows sum to 0 has a 0)
            long rowsNow = atEnd.rows() - atNowStart.rows();
            long rowsBefore = atNowStart.rows() - atBeforeStart.rows();
            if (rowsNow > 0 || rowsBefore > 0) {
                Halves halves = byCampaign.computeIfAbsent(key.campaign(), id -> new Halves());
                String metric = Kpis.Sums.key(key.metric(), key.currency());
                if (rowsNow > 0) {
                    halves.put(true, metric, atEnd.value().subtract(atNowStart.value()));
                }
                if (rowsBefore > 0) {
                    halves.put(false, metric, atNowStart.value().subtract(atBeforeStart.value()));
                }
            }
        });
        return byCampaign;
    }

    private record TotalKey(UUID campaign, String metric, String currency) {
    }

    private record Total(BigDecimal value, long rows) {
    }

    /** The running total at {@code day}: the one at the campaign's last day when it ended before; none before it began. */
    private static Total at(Map<LocalDate, Total> byDay, LocalDate day, LocalDate lastDay) {
        LocalDate read = lastDay != null && day.isAfter(lastDay) ? lastDay : day;
        return byDay.getOrDefault(read, new Total(BigDecimal.ZERO, 0));
    }

    /** Everything before the workspace's oldest change still waiting for the rollups is in; else all of it. */
    private Instant asOf(UUID tenant) {
        Timestamp waiting = jdbc.sql("select min(changed_at) from analytics_changes where tenant_id = ?")
                .param(tenant).query(Timestamp.class).optional().orElse(null);
        return waiting != null ? waiting.toInstant() : clock.instant();
    }

    /** The currency the most listed campaigns spent in during the range (the first by code on a tie). */
    private static String mostSpentIn(List<CampaignSummaryRow> rows, Kpis totals) {
        Map<String, Integer> spenders = new TreeMap<>();
        rows.forEach(row -> row.kpis().money().stream().filter(m -> m.spend().value().signum() > 0)
                .forEach(m -> spenders.merge(m.currency(), 1, Integer::sum)));
        return spenders.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey)
                .orElse(totals.money().isEmpty() ? null : totals.money().get(0).currency());
    }

    private static Comparator<CampaignSummaryRow> order(SummarySort sort, String currency) {
        Comparator<CampaignSummaryRow> byName = Comparator.comparing(CampaignSummaryRow::name,
                String.CASE_INSENSITIVE_ORDER);
        Comparator<CampaignSummaryRow> primary = switch (sort.field()) {
            case CLICKS -> Comparator.comparing((CampaignSummaryRow row) -> row.kpis().clicks().value());
            case CONVERSIONS -> Comparator.comparing((CampaignSummaryRow row) -> row.kpis().conversions().value());
            case SPEND -> Comparator.comparing((CampaignSummaryRow row) -> spend(row, currency));
            case NAME -> byName;
        };
        // ties by name, then id, so a page boundary never moves between two requests
        return (sort.descending() ? primary.reversed() : primary).thenComparing(byName)
                .thenComparing(CampaignSummaryRow::campaignId);
    }

    private static BigDecimal spend(CampaignSummaryRow row, String currency) {
        return row.kpis().money().stream().filter(m -> m.currency().equals(currency)).findFirst()
                .map(m -> m.spend().value()).orElse(BigDecimal.ZERO);
    }

    /** Sums by metric and currency ({@link Kpis.Sums#key}) for the range's days and for the days before. */
    private static final class Halves {

        private final Map<String, BigDecimal> now = new HashMap<>();
        private final Map<String, BigDecimal> before = new HashMap<>();

        void put(boolean isNow, String key, BigDecimal value) {
            (isNow ? now : before).merge(key, value, BigDecimal::add);
        }

        void add(Halves other) {
            other.now.forEach((key, value) -> put(true, key, value));
            other.before.forEach((key, value) -> put(false, key, value));
        }

        Kpis kpis() {
            return Kpis.of(new Kpis.Sums(now), new Kpis.Sums(before));
        }
    }
}
