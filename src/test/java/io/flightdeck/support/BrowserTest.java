package io.flightdeck.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a random port, driven through its web UI in Chromium: see {@link ChromiumExtension} for
 * what a test gets ({@link WebUi}, a fresh {@code BrowserContext} or {@code Page}) and when the class is skipped. The
 * same beans as {@link FlightdeckTest}, so all browser test classes share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ChromiumExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({TestWorkspaces.class, ApiClient.class, TestClockConfiguration.class})
public @interface BrowserTest {
}
