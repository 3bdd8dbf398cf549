package io.flightdeck.rendering.remote;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import mockwebserver3.MockWebServer;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * One Replicate fake for the whole test JVM, and every application context in it pointed at it. Test contexts share
 * one database, and each runs its own db-scheduler, so any of them may pick up a render job: they must all know the
 * same providers, or a context without Replicate would fail a job another test is watching. Command-line properties
 * (a forked application's) still win.
 */
public class FakeReplicateServer implements EnvironmentPostProcessor {

    public static final byte[] SIGNING_KEY = "a-32-byte-webhook-signing-key!!!".getBytes(StandardCharsets.UTF_8);
    public static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(SIGNING_KEY);

    private static MockWebServer server;
    private static FakeReplicate fake;

    /** The fake every test context talks to, started on first use. */
    public static synchronized FakeReplicate fake() {
        if (server == null) {
            server = new MockWebServer();
            try {
                server.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            fake = new FakeReplicate().at(server.url("/").toString());
            server.setDispatcher(fake);
        }
        return fake;
    }

    static synchronized String url() {
        fake();
        return server.url("/").toString();
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        MapPropertySource replicate = new MapPropertySource("fake-replicate", Map.of(
                "flightdeck.rendering.replicate.api-token", FakeReplicate.TOKEN,
                "flightdeck.rendering.replicate.base-url", url(),
                "flightdeck.rendering.replicate.webhook-secret", SECRET,
                "flightdeck.rendering.webhook-base-url", "https://flightdeck.example.com",
                "flightdeck.rendering.poll-min", "PT0.2S",
                "flightdeck.rendering.poll-max", "PT1S"));
        if (environment.getPropertySources().contains("commandLineArgs")) {
            environment.getPropertySources().addAfter("commandLineArgs", replicate);
        } else {
            environment.getPropertySources().addFirst(replicate);
        }
    }
}
