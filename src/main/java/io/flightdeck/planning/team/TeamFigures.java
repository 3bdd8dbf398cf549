package io.flightdeck.planning.team;

/** Rounding and load bands shared by the team, workload and performance figures. */
public final class TeamFigures {

    private static final double EPSILON = 1e-9;

    private TeamFigures() {
    }

    /** Hours and days to one decimal, as the API and pages show them. */
    public static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    /** Assigned as a share of available, in whole percent; null when nothing is available (no share to speak of). */
    public static Integer utilisationPct(double assigned, double available) {
        return available <= EPSILON ? null : (int) Math.round(assigned / available * 100);
    }

    /** More work than hours, including work for someone with no hours at all. */
    public static boolean overAllocated(double assigned, double available) {
        return assigned > available + EPSILON;
    }

    /**
     * The heat map's band: {@code none} (no hours and no work), {@code low} (under 50 %), {@code medium} (50 to 85 %),
     * {@code high} (85 to 100 %) or {@code over} (more work than hours).
     */
    public static String band(double assigned, double available) {
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
