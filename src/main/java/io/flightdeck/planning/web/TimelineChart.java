package io.flightdeck.planning.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.flightdeck.planning.tasks.TimelineDependencyView;
import io.flightdeck.planning.tasks.TimelineItemView;
import io.flightdeck.planning.tasks.TimelineView;

/**
 * The Gantt chart of a timeline in pixels, worked out on the server so the page needs no chart library: one column
 * per calendar day from the Monday before the plan to the Sunday after it (weekends and holidays shaded), one row per
 * planned item, bars and milestone diamonds placed by date, elbow arrows for the dependencies, the buffer after the
 * last task, the campaign's start and end dates (lines with a label each) and today.
 */
record TimelineChart(int dayWidth, int rowHeight, int width, int height, LocalDate origin, List<Day> days,
        List<Month> months, List<Row> rows, List<Arrow> arrows, List<Integer> offDays, Integer todayX, Band buffer,
        Integer targetX, List<TimelineItemView> unplanned, Integer startX, String startLabel, String endLabel) {

    static final int ROW_HEIGHT = 36;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final int MILESTONE_HALF = 8;

    /** A header cell: x, the day of the month, and whether it is a day off. */
    record Day(int x, int dayOfMonth, boolean off, String date) {
    }

    record Month(int x, String label) {
    }

    /** A horizontal band over the whole height (the buffer), from x over width. */
    record Band(int x, int width, int days) {
    }

    /** One item's row: its bar (or diamond) at x with width, and the classes that colour it. */
    record Row(TimelineItemView item, int index, int y, int x, int width, String barClass, String dates) {

        public boolean milestone() {
            return item.milestone();
        }
    }

    /** A dependency arrow as an SVG path. */
    record Arrow(String path, boolean critical) {
    }

    static TimelineChart of(TimelineView timeline, LocalDate today) {
        List<TimelineItemView> planned = timeline.items().stream().filter(TimelineItemView::planned).toList();
        List<TimelineItemView> unplanned = timeline.items().stream().filter(i -> !i.planned()).toList();
        LocalDate first = timeline.startDate();
        LocalDate last = timeline.endDate();
        for (TimelineItemView item : planned) {
            first = item.startDate().isBefore(first) ? item.startDate() : first;
            last = item.finishDate().isAfter(last) ? item.finishDate() : last;
        }
        if (timeline.targetEndDate() != null && timeline.targetEndDate().isAfter(last)
                && ChronoUnit.DAYS.between(last, timeline.targetEndDate()) < 366) {
            last = timeline.targetEndDate();
        }
        LocalDate campaignStart = timeline.targetStartDate();
        if (campaignStart != null && campaignStart.isBefore(first)
                && ChronoUnit.DAYS.between(campaignStart, first) < 366) {
            first = campaignStart;
        }
        LocalDate origin = first.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate end = last.plusDays(1).with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        int dayCount = (int) ChronoUnit.DAYS.between(origin, end) + 1;
        int dayWidth = dayCount <= 120 ? 24 : dayCount <= 300 ? 14 : 6;
        Set<LocalDate> holidays = new HashSet<>(timeline.holidays());

        List<Day> days = new ArrayList<>(dayCount);
        List<Month> months = new ArrayList<>();
        List<Integer> offDays = new ArrayList<>();
        for (int i = 0; i < dayCount; i++) {
            LocalDate day = origin.plusDays(i);
            boolean off = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY
                    || holidays.contains(day);
            days.add(new Day(i * dayWidth, day.getDayOfMonth(), off, day.toString()));
            if (off) {
                offDays.add(i * dayWidth);
            }
            if (i == 0 || day.getDayOfMonth() == 1) {
                months.add(new Month(i * dayWidth, MONTH.format(day)));
            }
        }

        Map<UUID, Row> rowsById = new HashMap<>();
        List<Row> rows = new ArrayList<>(planned.size());
        for (TimelineItemView item : planned) {
            int index = rows.size();
            int startX = x(origin, item.startDate(), dayWidth);
            Row row;
            if (item.milestone()) {
                row = new Row(item, index, index * ROW_HEIGHT, startX + dayWidth / 2 - MILESTONE_HALF,
                        2 * MILESTONE_HALF, barClass(item, "gantt-milestone"), SHORT.format(item.startDate()));
            } else {
                int width = x(origin, item.finishDate(), dayWidth) + dayWidth - startX;
                row = new Row(item, index, index * ROW_HEIGHT, startX, width, barClass(item, "gantt-task"),
                        SHORT.format(item.startDate()) + " – " + SHORT.format(item.finishDate()));
            }
            rows.add(row);
            rowsById.put(item.id(), row);
        }

        List<Arrow> arrows = new ArrayList<>();
        for (TimelineDependencyView link : timeline.dependencies()) {
            Row from = rowsById.get(link.predecessorId());
            Row to = rowsById.get(link.successorId());
            if (from != null && to != null) {
                arrows.add(new Arrow(path(from, to), link.critical()));
            }
        }

        int width = dayCount * dayWidth;
        Integer todayX = today.isBefore(origin) || today.isAfter(end) ? null
                : x(origin, today, dayWidth) + dayWidth / 2;
        Band buffer = null;
        if (timeline.bufferDays() > 0 && timeline.endDate().isAfter(timeline.workEndDate())) {
            int bx = x(origin, timeline.workEndDate(), dayWidth) + dayWidth;
            buffer = new Band(bx, x(origin, timeline.endDate(), dayWidth) + dayWidth - bx, timeline.bufferDays());
        }
        Integer targetX = timeline.targetEndDate() == null || timeline.targetEndDate().isBefore(origin)
                || timeline.targetEndDate().isAfter(end) ? null
                : x(origin, timeline.targetEndDate(), dayWidth) + dayWidth;
        // the start line on the left edge of the campaign's first day, the end line on the right edge of its last
        Integer startX = campaignStart == null || campaignStart.isBefore(origin) || campaignStart.isAfter(end) ? null
                : x(origin, campaignStart, dayWidth);
        String startLabel = startX == null ? null : "Campaign starts " + SHORT.format(campaignStart);
        String endLabel = targetX == null ? null : "Campaign ends " + SHORT.format(timeline.targetEndDate());
        return new TimelineChart(dayWidth, ROW_HEIGHT, width, Math.max(rows.size(), 1) * ROW_HEIGHT, origin,
                List.copyOf(days), List.copyOf(months), List.copyOf(rows), List.copyOf(arrows), List.copyOf(offDays),
                todayX, buffer, targetX, unplanned, startX, startLabel, endLabel);
    }

    /** Whether the header has a row for the campaign's start and end labels. */
    public boolean marked() {
        return startX != null || targetX != null;
    }

    /** Day numbers fit only when columns are wide. */
    public boolean showDayNumbers() {
        return dayWidth >= 18;
    }

    private static int x(LocalDate origin, LocalDate day, int dayWidth) {
        return (int) ChronoUnit.DAYS.between(origin, day) * dayWidth;
    }

    private static String barClass(TimelineItemView item, String kind) {
        StringBuilder classes = new StringBuilder("gantt-bar ").append(kind);
        if (item.critical()) {
            classes.append(" gantt-critical");
        }
        classes.append(" gantt-status-").append(item.status().key().replace('_', '-'));
        if (item.pinnedStart() != null) {
            classes.append(" gantt-pinned");
        }
        return classes.toString();
    }

    /** Out of the predecessor's end (a diamond's bottom tip), down to the successor's row, into its start. */
    private static String path(Row from, Row to) {
        int half = ROW_HEIGHT / 2;
        int x1 = from.milestone() ? from.x() + MILESTONE_HALF : from.x() + from.width();
        int y1 = from.milestone() ? from.y() + half + MILESTONE_HALF : from.y() + half;
        int x2 = to.x();
        int y2 = to.y() + half;
        int bend = x2 - x1 >= 8 ? x2 - 6 : x1 + (from.milestone() ? 0 : 4);
        if (from.milestone()) {
            return "M" + x1 + " " + y1 + " V" + y2 + " H" + x2;
        }
        return "M" + x1 + " " + y1 + " H" + bend + " V" + y2 + " H" + x2;
    }
}
