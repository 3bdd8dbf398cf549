package io.flightdeck.planning.domain;

/** Rounding and load bands shared by the workload and performance figures. */
final class TeamFigures {

    private static final double EPSILON = 1e-9;

    private TeamFigures() {
    }

    /** Hours and days to one decimal, as the API and pages show them. */
    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    /** Assigned as a share of available, in whole percent; null when nothing is available (no share to speak of). */
    static Integer utilisationPct(double assigned, double available) {
        return available <= EPSILON ? null : (int) Math.round(assigned / available * 100);
    }

    /** More work than hours, including work for someone with no hours at all. */
    static boolean overAllocated(double assigned, double available) {
        return assigned > available + EPSILON;
    }

    /**
     * The heat map's band: {@code none} (no hours and no work), {@code low} (under 50 %), {@code medium} (50 to 85 %),
     * {@code high} (85 to 100 %) or {@code over} (more work than hours).
     */
    static String band(double assigned, double available) {
        if (overAllocated(assigned, available)) {
            return "over";
        }
        if (available <= EPSILON) {
            return "none";
        }
        double share = assigned / available * 100;
        return share < 50 ? "low" : share < 85 ? "medium" : "high";
    }
}
