package io.flightdeck.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on the test database (H2, or PostgreSQL when FLIGHTDECK_TEST_POSTGRES_URL is set), with
 * MockMvc, {@link TestWorkspaces}, {@link TestCampaigns} and {@link WebSessions}. Tests share one context and one
 * database, so each makes its own workspace.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({TestWorkspaces.class, ApiClient.class, TestCampaigns.class, WebSessions.class, TestClockConfiguration.class,
        MockMvcSessionIds.class})
public @interface FlightdeckTest {
}
