package io.flightdeck.planning.workload;

/** Delivery figures over the last weeks: completed, on-time rate, throughput, cycle time and utilisation. */
public interface TeamPerformanceReport {

    /** The last {@code weeks} weeks (default 12, at most 52) up to and including today. */
    TeamPerformanceView performance(Integer weeks);
}
