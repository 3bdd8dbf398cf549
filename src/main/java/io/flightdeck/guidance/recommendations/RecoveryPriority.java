package io.flightdeck.guidance.recommendations;

/** How pressing a recovery is by how many posts or recipients it saves: n / (n + 10), so ten score 0.5. */
final class RecoveryPriority {

    private RecoveryPriority() {
    }

    static double of(long count) {
        return count <= 0 ? 0 : (double) count / (count + 10);
    }
}
