package io.flightdeck.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/**
 * Debian's Chromium driven by Playwright, started the way ARCHITECTURE.md asks (headless, no sandbox, no background
 * networking), for the browser tests. {@link ChromiumExtension} starts one per JVM. Screenshots go to {@link #SCREENSHOTS}.
 */
public final class Chromium implements AutoCloseable {

    /** Debian's package, or the binary named by CHROMIUM_PATH. */
    public static final String PATH = System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium");
    public static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    private static final Path TARGET = Paths.get("target");

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static boolean installed() {
        return Files.isExecutable(Paths.get(PATH));
    }

    /** Starts Playwright and a headless Chromium; the driver and each launch's throw-away profile live under target/. */
    public static Chromium start() throws IOException {
        Path driverTmp = Files.createDirectories(TARGET.resolve("playwright-driver").toAbsolutePath());
        System.setProperty("playwright.driver.tmpdir", driverTmp.toString());
        // Playwright rejects --user-data-dir with launch(); it gives every launch a fresh user-data dir in TMPDIR.
        Path browserTmp = Files.createDirectories(TARGET.resolve("playwright-tmp").toAbsolutePath());
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1", "TMPDIR", browserTmp.toString())));
        Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get(PATH))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
        Files.createDirectories(SCREENSHOTS);
        return new Chromium(playwright, browser);
    }

    /** A fresh, signed-out browser context at a desktop size. */
    public BrowserContext newContext() {
        return newContext(null);
    }

    /**
     * The same, telling sites it is the given browser: headless Chromium names itself in its user agent, and email
     * tracking counts such a visitor as a machine, not a person.
     */
    public BrowserContext newContext(String userAgent) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800)
                .setLocale("en-US").setUserAgent(userAgent));
        context.setDefaultTimeout(10_000);
        return context;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
