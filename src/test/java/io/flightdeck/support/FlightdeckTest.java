package io.flightdeck.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.flightdeck.email.EmailProviderFakes;
import io.flightdeck.publishing.NetworkOAuthFakes;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.TestExecutionListeners.MergeMode;

/**
 * The whole application on a random port and the test database (H2, or PostgreSQL when FLIGHTDECK_TEST_POSTGRES_URL
 * is set), with MockMvc, {@link TestWorkspaces}, {@link TestCampaigns} and {@link WebSessions}. API, page, browser
 * ({@link BrowserTest}) and real-HTTP tests share this one context and one database, so each makes its own workspace.
 * Anything a test needs of the application (a property, a fake's address) goes into the shared test configuration,
 * not onto a test class: another configuration is another context to start (docs/development.md). As in a mock web
 * environment, each test method runs with a request for {@code http://localhost} bound to its thread
 * ({@link RequestPerTest}). Every API answer a test receives through MockMvc is checked against the OpenAPI document
 * ({@link ApiResponseSchemas}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestExecutionListeners(listeners = {RequestPerTest.class, ApiResponseSchemaCheck.class},
        mergeMode = MergeMode.MERGE_WITH_DEFAULTS)
@Import({TestWorkspaces.class, ApiClient.class, TestCampaigns.class, WebSessions.class, TestClockConfiguration.class,
        MockMvcSessionIds.class, CountingReadinessCheck.class, EmailProviderFakes.class, NetworkOAuthFakes.class,
        io.flightdeck.assets.AdPlatformFakes.class,
        ApiResponseSchemas.class})
public @interface FlightdeckTest {
}
