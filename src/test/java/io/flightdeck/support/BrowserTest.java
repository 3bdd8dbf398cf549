package io.flightdeck.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole application on a random port, driven through its web UI in Chromium: see {@link ChromiumExtension} for
 * what a test gets ({@link WebUi}, a fresh {@code BrowserContext} or {@code Page}) and when the class is skipped. It is
 * {@link FlightdeckTest}, so browser tests share the one application context of the API and page tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ChromiumExtension.class)
@FlightdeckTest
public @interface BrowserTest {
}
