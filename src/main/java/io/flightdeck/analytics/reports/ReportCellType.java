package io.flightdeck.analytics.reports;

/**
 * What a report cell holds, which decides how each format writes it: a spreadsheet formats numbers by it, a CSV file
 * writes the plain number, the screen and the PDF write the cell's words.
 */
enum ReportCellType {
    TEXT,
    /** A number of things: impressions, clicks. */
    COUNT,
    /** A rate in per cent (2.5 means 2.5 %). */
    PERCENT,
    /** A change on the days before, in per cent; absent when there was nothing before. */
    CHANGE,
    /** A plain ratio: return on ad spend, revenue per unit spent. */
    RATIO,
    /** An amount in the cell's currency. */
    MONEY,
    DATE
}
