package io.flightdeck.identity;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.SameSiteAttribute;
import io.flightdeck.support.BrowserTest;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebUi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in and out in Chromium with the sessions kept in the database: the page asked for before signing in opens
 * after it, the session cookie is HTTP-only and same-site, a kept-signed-in browser gets back in without its session,
 * and signing out from the account menu ends it all.
 */
@BrowserTest
class SessionBrowserTests {

    @Autowired
    TestWorkspaces workspaces;

    private static Cookie cookie(BrowserContext context, String name) {
        return context.cookies().stream().filter(c -> c.name.equals(name)).findFirst().orElse(null);
    }

    @Test
    void signingInOpensThePageAskedForAndSigningOutEndsTheSession(WebUi ui, BrowserContext context) {
        Member owner = workspaces.workspace("Browser session");
        Page page = context.newPage();
        page.navigate(ui.url("/profile"));
        assertThat(page).hasURL(ui.url("/login"));
        page.locator("#email").fill(owner.email());
        page.locator("#password").fill(TestWorkspaces.PASSWORD);
        page.getByLabel("Keep me signed in on this device").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page).hasURL(ui.url("/profile?continue"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).isVisible();

        Cookie session = cookie(context, "SESSION");
        assertThat(session).as("the session cookie").isNotNull();
        assertThat(session.httpOnly).isTrue();
        assertThat(session.sameSite).isEqualTo(SameSiteAttribute.LAX);

        // the session gone (as if it expired): the remember-me cookie signs the browser back in, into a new one. The
        // page is closed first: a request it still makes (its badges load after the page) would otherwise sign in
        // too, into a session of its own, and whichever answer comes last sets the cookie, so the next page's form
        // could carry the other session's CSRF token
        page.close();
        context.clearCookies(new BrowserContext.ClearCookiesOptions().setName("SESSION"));
        page = context.newPage();
        page.navigate(ui.url("/profile"));
        assertThat(page).hasURL(ui.url("/profile"));
        assertThat(cookie(context, "SESSION").value).isNotEqualTo(session.value);

        page.locator("summary[aria-label$='account menu']").click();
        page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Sign out")).click();
        assertThat(page).hasURL(ui.url("/login?signedOut"));
        assertThat(cookie(context, "flightdeck-remember-me")).isNull();
        page.navigate(ui.url("/profile"));
        assertThat(page).hasURL(ui.url("/login"));
    }
}
