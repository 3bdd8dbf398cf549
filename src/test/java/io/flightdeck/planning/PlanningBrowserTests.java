package io.flightdeck.planning;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.flightdeck.support.BrowserTest;
import io.flightdeck.support.WebUi;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Planning in a real browser (Debian's Chromium driven by Playwright): a manager creates a campaign, generates its
 * timeline on the Gantt page, then drags a task on the board from To do to In progress; after a reload the card is in
 * its new column and the API says the task is in progress. Skipped, with the reason, when Chromium is missing.
 */
@BrowserTest
class PlanningBrowserTests {

    private static final Pattern CAMPAIGN_PAGE = Pattern.compile(".*/campaigns/[0-9a-f-]{36}$");

    @Autowired
    TestWorkspaces workspaces;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aManagerGeneratesATimelineAndMovesATaskOnTheBoard(WebUi ui) throws Exception {
        Member owner = workspaces.workspace("Planning browser");
        // the timeline comes from the button in this test, not from the automatic one a new campaign gets
        assertThat(api(ui, owner, "PUT", "/api/v1/planning-settings", """
                {"autoTimeline":false,"bufferUrgent":5,"bufferHigh":10,"bufferMedium":15,"bufferLow":20,"holidays":[]}""")
                .statusCode()).isEqualTo(200);

        Page page = ui.signIn(owner);
        page.navigate(ui.url("/campaigns/new"));
        page.locator("#name").fill("Spring Launch 2031");
        page.locator("#type").selectOption("PRODUCT_LAUNCH");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create campaign")).click();
        assertThat(page).hasURL(CAMPAIGN_PAGE);
        String campaignId = page.url().substring(page.url().lastIndexOf('/') + 1);

        // 1. The Gantt page: generate the timeline and see its bars.
        page.navigate(ui.url("/campaigns/" + campaignId + "/timeline"));
        page.waitForLoadState();
        page.locator("#generate-timeline").click();
        Locator bars = page.locator(".gantt-bar");
        bars.first().waitFor();
        page.waitForLoadState();
        assertThat(bars.count()).isPositive();
        page.evaluate("window.scrollTo(0, 0)");
        page.screenshot(ui.screenshot("planning-gantt"));

        // 2. The board: the first task of the plan waits for nothing, so it may start.
        String tasks = api(ui, owner, "GET", "/api/v1/campaigns/" + campaignId + "/tasks?status=todo&size=100", null).body();
        String taskId = JsonPath.<java.util.List<String>>read(tasks,
                "$.items[?(@.kind == 'TASK' && @.predecessors.length() == 0)].id").get(0);
        String title = JsonPath.<java.util.List<String>>read(tasks, "$.items[?(@.id == '" + taskId + "')].title").get(0);
        page.navigate(ui.url("/campaigns/" + campaignId + "/board"));
        page.waitForLoadState(); // task-board.js is a deferred script
        Locator todo = page.locator(".board-column[data-status=todo]");
        Locator inProgress = page.locator(".board-column[data-status=in_progress]");
        Locator card = page.locator(".task-card[data-task-id='" + taskId + "']");
        assertThat(todo.locator(".task-card[data-task-id='" + taskId + "']")).hasCount(1);
        assertThat(inProgress.locator(".task-card")).hasCount(0);

        // dropped near the column's top: a drop point lower down makes Playwright scroll mid-drag
        card.dragTo(inProgress, new Locator.DragToOptions().setTargetPosition(60, 30));
        assertThat(page.locator("#board-live")).hasText(title + " moved to In progress");
        page.reload();
        assertThat(inProgress.locator(".task-card[data-task-id='" + taskId + "']")).hasCount(1);
        assertThat(todo.locator(".task-card[data-task-id='" + taskId + "']")).hasCount(0);
        String task = api(ui, owner, "GET", "/api/v1/tasks/" + taskId, null).body();
        assertThat(JsonPath.<String>read(task, "$.status")).isEqualTo("IN_PROGRESS");

        // A move the task cannot make is refused before the drop, with the reason: a successor of a task that is not
        // done is marked as waiting, and the column it may not go to says why; the card stays.
        String waiting = JsonPath.<java.util.List<String>>read(tasks,
                "$.items[?(@.kind == 'TASK' && @.predecessors.length() > 0)].id").get(0);
        assertThat(page.locator(".task-card[data-task-id='" + waiting + "'] .task-waiting")).containsText("Waiting for");
        page.locator(".task-card[data-task-id='" + waiting + "']").dragTo(inProgress,
                new Locator.DragToOptions().setTargetPosition(60, 30));
        assertThat(page.locator("#board-live")).containsText("cannot start yet");
        assertThat(page.locator("#board [role=alert]")).hasCount(0);
        assertThat(todo.locator(".task-card[data-task-id='" + waiting + "']")).hasCount(1);
        page.evaluate("window.scrollTo(0, 0)");
        page.screenshot(ui.screenshot("planning-board"));
    }

    private HttpResponse<String> api(WebUi ui, Member member, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ui.url(path)))
                .header("Authorization", member.bearer()).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

}
