package io.flightdeck;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.flightdeck.support.Chromium;
import io.flightdeck.support.PageChecks;

/**
 * The page walk on the demo workspace a newcomer signs in to (its owner's view, with the demo's own data: a team with
 * workloads, campaigns with strategies, creatives, approvals and timelines), at a phone's width, where data that is
 * longer or wider than a fixture's shows (the laptop's width is the fixture walk's business): every
 * page of the navigation, every settings area, each demo campaign and each tab of the first. Checks what
 * {@link PageWalkBrowserTests} checks (axe-core's serious and critical findings, sideways scrolling), whose fixture
 * is a fresh workspace: the demo's data once made {@code /team} scroll 135 px sideways on a phone, which no fixture
 * showed.
 */
final class DemoWorkspaceWalk {

    static final String EMAIL = "demo@flightdeck.local";
    static final String PASSWORD = "flightdeck-demo";
    private static final int[] WIDTHS = {390};
    private static final List<String> TABS = List.of("strategy", "content", "posts", "approvals", "plan", "assets",
            "analytics", "activity");

    private final String base;

    DemoWorkspaceWalk(int port) {
        this.base = "http://localhost:" + port;
    }

    /** Walks every page at each width; answers what it found, each problem naming its page and width. */
    List<String> problems() throws Exception {
        try (Chromium chromium = Chromium.start()) {
            BrowserContext context = chromium.newContext();
            PageChecks.install(context);
            Page page = context.newPage();
            page.navigate(base + "/login");
            page.locator("#email").fill(EMAIL);
            page.locator("#password").fill(PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            page.waitForURL(base + "/");
            List<String> paths = stops(page);
            List<String> problems = new ArrayList<>();
            for (int width : WIDTHS) {
                page.setViewportSize(width, 900);
                for (String path : paths) {
                    problems.addAll(check(page, path, width));
                }
            }
            context.close();
            return problems;
        }
    }

    /** The navigation's pages, the settings areas, the demo's campaigns and the first one's tabs. */
    private List<String> stops(Page page) {
        Set<String> paths = new LinkedHashSet<>(hrefs(page, "#sidenav a[href]"));
        page.navigate(base + "/settings");
        paths.addAll(hrefs(page, ".settings-areas a[href]"));
        page.navigate(base + "/campaigns");
        List<String> campaigns = hrefs(page, "a[href^='/campaigns/']").stream()
                .filter(href -> href.matches("/campaigns/[0-9a-f-]{36}")).distinct().toList();
        if (campaigns.isEmpty()) {
            throw new AssertionError("the demo workspace lists no campaign");
        }
        paths.addAll(campaigns);
        String first = campaigns.get(0);
        TABS.forEach(tab -> paths.add(first + "/tabs/" + tab));
        paths.add(first.replace("/campaigns/", "/analytics/campaigns/"));
        return List.copyOf(paths);
    }

    private static List<String> hrefs(Page page, String selector) {
        return page.locator(selector).all().stream().map(link -> link.getAttribute("href"))
                .filter(href -> href != null && href.startsWith("/") && !href.startsWith("/logout")).toList();
    }

    private List<String> check(Page page, String path, int width) {
        return PageChecks.problems(page, base + path, 200, "demo " + path + " at " + width + " px: ");
    }
}
