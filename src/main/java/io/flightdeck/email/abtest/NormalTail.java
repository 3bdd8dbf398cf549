package io.flightdeck.email.abtest;

/**
 * Two-sided tail probabilities of the standard normal distribution, for the z-test's p-values:
 * {@code p = P(|Z| ≥ |z|) = erfc(|z| / √2)}.
 * <p>
 * erfc comes from Abramowitz and Stegun, Handbook of Mathematical Functions (1964), formula 7.1.26: for {@code x ≥ 0},
 * {@code erfc(x) ≈ (a1·t + a2·t² + a3·t³ + a4·t⁴ + a5·t⁵) · e^(−x²)} with {@code t = 1 / (1 + 0.3275911·x)}, whose
 * absolute error is at most 1.5 × 10⁻⁷. That is four orders of magnitude below the smallest threshold a test may ask
 * for (0.001, see {@link AbTestSettings}), and the reason shows confidence in whole percent, so the approximation never
 * changes a decision or a sentence except within 1.5 × 10⁻⁷ of the line. Written here because no statistics library
 * is on the classpath (commons-math3 is deliberately excluded) and one function does not justify adding one.
 */
final class NormalTail {

    private static final double P = 0.3275911;
    private static final double A1 = 0.254829592;
    private static final double A2 = -0.284496736;
    private static final double A3 = 1.421413741;
    private static final double A4 = -1.453152027;
    private static final double A5 = 1.061405429;
    private static final double SQRT_2 = Math.sqrt(2);

    private NormalTail() {
    }

    /** {@code P(|Z| ≥ |z|)} for a standard normal Z: 1 at z = 0, 0.05 at z = 1.96. */
    static double twoSidedPValue(double z) {
        if (Double.isNaN(z)) {
            throw new IllegalArgumentException("z is not a number");
        }
        return Math.min(1, Math.max(0, erfc(Math.abs(z) / SQRT_2)));
    }

    /** The complementary error function for {@code x ≥ 0}, within 1.5 × 10⁻⁷. */
    static double erfc(double x) {
        double t = 1 / (1 + P * x);
        double polynomial = t * (A1 + t * (A2 + t * (A3 + t * (A4 + t * A5))));
        return polynomial * Math.exp(-x * x);
    }
}
