package io.flightdeck.support;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PageAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.flightdeck.support.TestWorkspaces.Member;

/**
 * The application's web UI in Chromium, for one test: URLs on the test server, browser contexts (one per person, all
 * closed after the test), sign-in through the login form, and screenshots under {@link Chromium#SCREENSHOTS}.
 * {@link ChromiumExtension} hands one to each test that asks for it.
 */
public final class WebUi implements AutoCloseable {

    private final Chromium chromium;
    private final boolean ownChromium;
    private final int port;
    private final List<BrowserContext> contexts = new ArrayList<>();
    private BrowserContext context;

    WebUi(Chromium chromium, int port) {
        this(chromium, false, port);
    }

    private WebUi(Chromium chromium, boolean ownChromium, int port) {
        this.chromium = chromium;
        this.ownChromium = ownChromium;
        this.port = port;
    }

    /**
     * The same application in a Chromium of its own, for browser work on another thread: Playwright's objects belong
     * to the thread that made them, so make it, use it and close it (which stops that Chromium) on that thread.
     */
    public WebUi inAnotherChromium() throws IOException {
        return new WebUi(Chromium.start(), true, port);
    }

    /** The address of a path on the test server. */
    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** The test's own browser context (the one a {@code BrowserContext} or {@code Page} parameter lives in). */
    public BrowserContext context() {
        if (context == null) {
            context = newContext();
        }
        return context;
    }

    /** Another fresh, signed-out browser context, for a second person in the same test. */
    public BrowserContext newContext() {
        BrowserContext fresh = chromium.newContext();
        contexts.add(fresh);
        return fresh;
    }

    /** Signs the member in through the login form, in a browser context of their own; answers the home page. */
    public Page signIn(Member member) {
        Page page = newContext().newPage();
        signIn(page, member);
        return page;
    }

    /** Signs the member in through the login form on this page, and waits for the home page. */
    public void signIn(Page page, Member member) {
        page.navigate(url("/login"));
        page.locator("#email").fill(member.email());
        page.locator("#password").fill(TestWorkspaces.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        // the home page renders every module's section: on a CI machine busy with forks it took over the default 5 s,
        // and once over 15 s while the other test JVM started contexts and an OpenSearch node (a wait only costs its
        // length when it fails)
        assertThat(page).hasURL(url("/"), new PageAssertions.HasURLOptions().setTimeout(30_000));
    }

    /** Options for a full-page screenshot to {@code target/screenshots/<name>.png}; change them as needed. */
    public Page.ScreenshotOptions screenshot(String name) {
        return new Page.ScreenshotOptions().setPath(Chromium.SCREENSHOTS.resolve(name + ".png")).setFullPage(true);
    }

    @Override
    public void close() {
        contexts.forEach(BrowserContext::close);
        if (ownChromium) {
            chromium.close();
        }
    }
}
