package io.flightdeck.identity.security;

import java.io.IOException;
import java.time.Duration;
import java.util.Properties;

import io.flightdeck.identity.domain.IdentityProperties;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The BCrypt cost of new password hashes is a setting (the test profile uses the lowest, 4, since the suite signs up
 * thousands of people): the product ships with 10, a hash is checked at the cost it was made with whatever the
 * setting, and a cost BCrypt cannot use stops the start with the setting's name.
 */
class PasswordHashCostTests {

    @Test
    void theProductShipsWithCostTen() throws IOException {
        Properties shipped = PropertiesLoaderUtils.loadProperties(new ClassPathResource("application.properties"));
        String value = new StandardEnvironment().resolvePlaceholders(
                shipped.getProperty("flightdeck.security.password-hash-cost"));
        assertThat(value).isEqualTo(System.getenv().getOrDefault("FLIGHTDECK_PASSWORD_HASH_COST", "10"));
        assertThat(encoder(Integer.parseInt(value)).encode("secret")).startsWith("{bcrypt}$2a$" + value + "$");
    }

    @Test
    void aHashIsCheckedAtTheCostItWasMadeWith() {
        String madeAtTen = encoder(10).encode("correct horse");
        assertThat(madeAtTen).startsWith("{bcrypt}$2a$10$");

        PasswordEncoder cheaper = encoder(4);
        assertThat(cheaper.matches("correct horse", madeAtTen)).isTrue();
        assertThat(cheaper.matches("wrong horse", madeAtTen)).isFalse();
        assertThat(cheaper.encode("correct horse")).startsWith("{bcrypt}$2a$04$");
    }

    @Test
    void aCostOutsideBcryptsRangeStopsTheStart() {
        assertThatThrownBy(() -> encoder(3)).isInstanceOf(IllegalStateException.class)
                .hasMessage("flightdeck.security.password-hash-cost must be from 4 to 31, not 3");
        assertThatThrownBy(() -> encoder(32)).hasMessageContaining("not 32");
    }

    private static PasswordEncoder encoder(int cost) {
        return new SecurityConfiguration().passwordEncoder(new IdentityProperties(Duration.ofMinutes(15),
                Duration.ofDays(7), Duration.ofDays(14), new IdentityProperties.SignIn(5, 20, Duration.ofMinutes(15)),
                cost));
    }
}
