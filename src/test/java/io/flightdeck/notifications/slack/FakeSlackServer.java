package io.flightdeck.notifications.slack;

import java.io.IOException;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * One Slack fake for the whole test JVM, and every application context in it pointed at it. Test contexts share one
 * database and each runs its own db-scheduler, so any of them may run a Slack delivery: they must all talk to the same
 * Slack, or a context pointed at slack.com would fail a delivery another test is watching (as {@code
 * FakeReplicateServer} does for renders). Command-line properties (a forked application's) still win.
 */
public class FakeSlackServer implements EnvironmentPostProcessor {

    private static FakeSlackApi fake;

    /** The fake every test context talks to, started on first use. */
    public static synchronized FakeSlackApi fake() {
        if (fake == null) {
            try {
                fake = new FakeSlackApi();
            } catch (IOException e) {
                throw new IllegalStateException("The Slack fake did not start", e);
            }
        }
        return fake;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        MapPropertySource slack = new MapPropertySource("fake-slack", Map.of(
                "flightdeck.slack.api-base", fake().apiBase().toString(),
                "flightdeck.slack.client-id", FakeSlackApi.CLIENT_ID,
                "flightdeck.slack.client-secret", FakeSlackApi.CLIENT_SECRET,
                "flightdeck.slack.signing-secret", FakeSlackApi.SIGNING_SECRET));
        if (environment.getPropertySources().contains("commandLineArgs")) {
            environment.getPropertySources().addAfter("commandLineArgs", slack);
        } else {
            environment.getPropertySources().addFirst(slack);
        }
    }
}
