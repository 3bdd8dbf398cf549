package io.flightdeck.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which database each test JVM uses: worked out by hand from the URLs a developer or CI sets. */
class TestDatabaseTests {

    private static final String URL = "jdbc:postgresql://localhost:5432/flightdeck_test";

    @Test
    void theFirstJvmAndARunWithoutForksUseTheDatabaseAsGiven() {
        assertThat(TestDatabase.forFork(URL, "1")).isEqualTo(URL);
        assertThat(TestDatabase.forFork(URL, null)).isEqualTo(URL);
        assertThat(TestDatabase.forFork(URL, "")).isEqualTo(URL);
    }

    @Test
    void anotherJvmUsesTheNameWithItsNumberAndKeepsTheParameters() {
        assertThat(TestDatabase.forFork(URL, "2")).isEqualTo(URL + "_2");
        assertThat(TestDatabase.forFork(URL + "?sslmode=disable&ApplicationName=ci", "2"))
                .isEqualTo(URL + "_2?sslmode=disable&ApplicationName=ci");
    }

    @Test
    void withoutPostgresEveryJvmStaysOnH2() {
        assertThat(TestDatabase.forFork(null, "2")).isNull();
    }
}
