package io.flightdeck.analytics.web;

import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import io.flightdeck.analytics.dashboards.Kpis;
import io.flightdeck.analytics.dashboards.SummarySort;
import io.flightdeck.analytics.dashboards.SummarySort.Field;
import io.flightdeck.analytics.dashboards.WorkspaceSummaries.WorkspaceSummary;
import io.flightdeck.shared.Paging;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the summary page needs beside the summary: links that keep its range and order (a column's heading sorts by
 * it, and a second click turns the order round), the order in words, and a campaign's money in one currency.
 */
final class SummaryView {

    private final WorkspaceSummary summary;
    private final SummarySort sort;

    SummaryView(WorkspaceSummary summary) {
        this.summary = summary;
        this.sort = SummarySort.parse(summary.sort());
    }

    /** The page for the same days in another order; spend is sorted in {@code currency}. */
    public String sortedBy(String field, String currency) {
        Field asked = Field.valueOf(field.toUpperCase(Locale.ROOT));
        boolean descending = isSortedBy(field, currency) ? !sort.descending() : asked != Field.NAME;
        return link(summary.from().toString(), summary.to().toString(), new SummarySort(asked, descending).text(),
                asked == Field.SPEND ? currency : null);
    }

    /** {@code aria-sort}'s value for a column, or null for a column the list is not sorted by. */
    public String ariaSort(String field, String currency) {
        return !isSortedBy(field, currency) ? null : sort.descending() ? "descending" : "ascending";
    }

    /** The last {@code days} days to the range's end, in the same order. */
    public String lastDays(int days) {
        return link(summary.to().minusDays(days - 1L).toString(), summary.to().toString(), summary.sort(),
                summary.sortCurrency());
    }

    /** The list's address without its page, for the pager to add one to; a size asked for is kept. */
    public String pages() {
        String list = link(summary.from().toString(), summary.to().toString(), summary.sort(), summary.sortCurrency());
        int size = summary.campaigns().size();
        return size == Paging.DEFAULT_SIZE ? list : list + "&size=" + size;
    }

    public String campaign(UUID id) {
        return UriComponentsBuilder.fromPath("/analytics/campaigns/{id}").queryParam("from", summary.from())
                .queryParam("to", summary.to()).buildAndExpand(id).toUriString();
    }

    public String order() {
        String direction = sort.descending() ? "most first" : "fewest first";
        return switch (sort.field()) {
            case NAME -> sort.descending() ? "by name, Z to A" : "by name, A to Z";
            case CLICKS -> "by clicks, " + direction;
            case CONVERSIONS -> "by conversions, " + direction;
            case SPEND -> summary.sortCurrency() == null ? "by spend (there was none)"
                    : "by spend in " + summary.sortCurrency() + (sort.descending() ? ", highest first"
                            : ", lowest first");
        };
    }

    /** A campaign's figures in one currency, or null when it had none in it. */
    public Kpis.MoneyKpis money(Kpis kpis, String currency) {
        return kpis.money().stream().filter(m -> m.currency().equals(currency)).findFirst().orElse(null);
    }

    private boolean isSortedBy(String field, String currency) {
        return sort.field().text().equals(field)
                && (sort.field() != Field.SPEND || Objects.equals(currency, summary.sortCurrency()));
    }

    private static String link(String from, String to, String sort, String currency) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("/analytics").queryParam("from", from)
                .queryParam("to", to).queryParam("sort", sort);
        if (currency != null) {
            link.queryParam("currency", currency);
        }
        return link.encode().toUriString();
    }
}
