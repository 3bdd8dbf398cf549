package io.flightdeck.planning;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.flightdeck.shared.security.Role;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.MutableClock;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.flightdeck.planning.TaskTestData.task;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tasks through the API: create, read, update with If-Match, delete and restore, validation, lists with filters, sorting
 * and paging, overdue and at-risk flags as time passes, tasks on a timeline, comments, roles and tenancy.
 */
@FlightdeckTest
class TasksApiTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    MutableClock clock;
    @Autowired
    ApplicationContext context;

    private TaskTestDataApi api;
    private TaskTestData data;
    private Member owner;
    private Member contributor;
    private Member viewer;
    private String campaign;

    @BeforeEach
    void setUp() {
        api = new TaskTestDataApi(mvc);
        data = new TaskTestData(context);
        owner = workspaces.workspace("Tasks API");
        contributor = workspaces.addMember(owner, Role.CONTRIBUTOR);
        viewer = workspaces.addMember(owner, Role.VIEWER);
        api.rename(contributor, "Cleo Contributor");
        campaign = api.campaign(owner, "Spring launch");
    }

    @Test
    void aContributorCreatesATaskWithEverythingAndReadsItBack() {
        MvcTestResult created = api.create(contributor, campaign, """
                {"title":"  Write the launch email  ","description":"Three variants","priority":"HIGH",
                 "estimateHours":6.5,"durationDays":3,"startDate":"2031-03-03","dueDate":"2031-03-05",
                 "skills":{"copywriting":3},"checklist":[{"text":"Subject lines","done":false},{"text":"Body","done":true}],
                 "attachments":[{"name":"Brief","url":"https://docs.example.com/brief"}]}""");

        assertThat(created).hasStatus(201).hasHeader(HttpHeaders.ETAG, "\"0\"");
        String id = Json.read(created, "$.id");
        assertThat(created.getResponse().getHeader(HttpHeaders.LOCATION)).isEqualTo("/api/v1/tasks/" + id);
        MvcTestResult read = api.task(viewer, id);
        assertThat(read).hasStatusOk();
        assertThat((String) Json.read(read, "$.title")).isEqualTo("Write the launch email");
        assertThat((String) Json.read(read, "$.campaignName")).isEqualTo("Spring launch");
        assertThat((String) Json.read(read, "$.status")).isEqualTo("TODO");
        assertThat((List<String>) Json.read(read, "$.allowedStatuses")).containsExactly("IN_PROGRESS", "BLOCKED", "CANCELLED");
        assertThat((String) Json.read(read, "$.kind")).isEqualTo("TASK");
        assertThat((String) Json.read(read, "$.priority")).isEqualTo("HIGH");
        assertThat((Double) Json.read(read, "$.estimateHours")).isEqualTo(6.5);
        assertThat((String) Json.read(read, "$.startDate")).isEqualTo("2031-03-03");
        assertThat((String) Json.read(read, "$.dueDate")).isEqualTo("2031-03-05");
        assertThat((Integer) Json.read(read, "$.skills.copywriting")).isEqualTo(3);
        assertThat((Integer) Json.read(read, "$.checklistDone")).isEqualTo(1);
        assertThat((Integer) Json.read(read, "$.checklistTotal")).isEqualTo(2);
        assertThat((String) Json.read(read, "$.attachments[0].url")).isEqualTo("https://docs.example.com/brief");
        assertThat((Boolean) Json.read(read, "$.overdue")).isFalse();
        assertThat((Boolean) Json.read(read, "$.atRisk")).isFalse();
        assertThat((Object) Json.read(read, "$.timelineId")).isNull();
    }

    @Test
    void invalidTasksAnswer400NamingTheField() {
        String milestoneElsewhere = api.createId(owner, api.campaign(owner, "Other"), "{\"title\":\"Go live\",\"kind\":\"MILESTONE\"}");
        String task = api.task(owner, campaign, "Not a milestone");
        Map<String, String> bodies = Map.ofEntries(
                Map.entry("{\"title\":\"   \"}", "title"),
                Map.entry("{\"title\":\"" + "x".repeat(201) + "\"}", "title"),
                Map.entry("{\"title\":\"T\",\"description\":\"" + "x".repeat(4001) + "\"}", "description"),
                Map.entry("{\"title\":\"T\",\"estimateHours\":1001}", "estimateHours"),
                Map.entry("{\"title\":\"T\",\"estimateHours\":-1}", "estimateHours"),
                Map.entry("{\"title\":\"T\",\"durationDays\":251}", "durationDays"),
                Map.entry("{\"title\":\"T\",\"startDate\":\"2031-03-05\",\"dueDate\":\"2031-03-04\"}", "dueDate"),
                Map.entry("{\"title\":\"T\",\"skills\":{\"design\":6}}", "skills"),
                Map.entry("{\"title\":\"T\",\"milestoneId\":\"" + milestoneElsewhere + "\"}", "milestoneId"),
                Map.entry("{\"title\":\"T\",\"milestoneId\":\"" + task + "\"}", "milestoneId"),
                Map.entry("{\"title\":\"T\",\"attachments\":[{\"name\":\"x\",\"url\":\"ftp://x.example.com\"}]}", "attachments[0].url"),
                Map.entry("{\"title\":\"T\",\"checklist\":[{\"text\":\"" + "x".repeat(201) + "\"}]}", "checklist[0].text"));
        bodies.forEach((body, field) -> {
            MvcTestResult refused = api.create(contributor, campaign, body);
            assertThat(refused).as(body).hasStatus(400).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat((List<String>) Json.read(refused, "$.errors[*].field")).as(body)
                    .anySatisfy(f -> assertThat(f).startsWith(field));
        });
        String tooMany = "{\"title\":\"T\",\"checklist\":[" + String.join(",",
                java.util.Collections.nCopies(51, "{\"text\":\"a\"}")) + "]}";
        assertThat((List<String>) Json.read(api.create(contributor, campaign, tooMany), "$.errors[*].field")).contains("checklist");
        assertThat(api.create(contributor, campaign, "{\"title\":\"T\",\"kind\":\"EPIC\"}")).hasStatus(400);
    }

    @Test
    void updatesNeedTheCurrentVersionAndKeepWhatTheyDoNotName() {
        String id = api.createId(contributor, campaign, "{\"title\":\"Draft posts\",\"estimateHours\":4,\"skills\":{\"social\":2}}");
        String milestone = api.createId(contributor, campaign, "{\"title\":\"Content ready\",\"kind\":\"MILESTONE\"}");

        MvcTestResult updated = api.patch(contributor, id, "{\"title\":\"Draft ten posts\",\"milestoneId\":\"" + milestone
                + "\",\"checklist\":[{\"text\":\"Instagram\",\"done\":true}]}", "\"0\"");
        assertThat(updated).hasStatusOk().hasHeader(HttpHeaders.ETAG, "\"1\"");
        assertThat((String) Json.read(updated, "$.title")).isEqualTo("Draft ten posts");
        assertThat((Double) Json.read(updated, "$.estimateHours")).isEqualTo(4.0);
        assertThat((Integer) Json.read(updated, "$.skills.social")).isEqualTo(2);
        assertThat((String) Json.read(updated, "$.milestone.title")).isEqualTo("Content ready");
        assertThat((Integer) Json.read(updated, "$.checklistDone")).isEqualTo(1);

        MvcTestResult stale = api.patch(contributor, id, "{\"title\":\"Too late\"}", "\"0\"");
        assertThat(stale).hasStatus(412).hasHeader(HttpHeaders.ETAG, "\"1\"");
        assertThat(api.patch(contributor, id, "{\"removeMilestone\":true}", "\"1\"")).hasStatusOk();
        assertThat((Object) api.read(viewer, id, "$.milestone")).isNull();
        assertThat(api.patch(contributor, id, "{\"kind\":\"MILESTONE\"}", null)).hasStatus(400);

        MvcTestResult toggled = api.post(contributor, "/api/v1/tasks/" + id + "/checklist/0/toggle", null);
        assertThat((Boolean) Json.read(toggled, "$.checklist[0].done")).isFalse();
        assertThat(api.post(contributor, "/api/v1/tasks/" + id + "/checklist/3/toggle", null)).hasStatus(400);
    }

    @Test
    void deletedTasksLeaveListsAndComeBackOnRestore() {
        String id = api.task(contributor, campaign, "Book photographer");
        assertThat(api.delete(contributor, "/api/v1/tasks/" + id)).hasStatus(204);
        assertThat(api.task(viewer, id)).hasStatus(404);
        assertThat(api.titles(viewer, "/api/v1/campaigns/" + campaign + "/tasks")).doesNotContain("Book photographer");

        assertThat(api.post(contributor, "/api/v1/tasks/" + id + "/restore", null)).hasStatusOk();
        assertThat(api.titles(viewer, "/api/v1/campaigns/" + campaign + "/tasks")).contains("Book photographer");
    }

    @Test
    void listsFilterSortAndPage() {
        String a = api.createId(contributor, campaign, "{\"title\":\"Alpha banner\",\"priority\":\"LOW\",\"dueDate\":\"2031-05-10\"}");
        String b = api.createId(contributor, campaign, "{\"title\":\"Beta banner\",\"priority\":\"URGENT\",\"dueDate\":\"2031-05-01\"}");
        api.createId(contributor, campaign, "{\"title\":\"Gamma email\",\"priority\":\"HIGH\"}");
        String other = api.campaign(owner, "Autumn");
        api.createId(contributor, other, "{\"title\":\"Delta email\",\"priority\":\"MEDIUM\",\"dueDate\":\"2031-04-01\"}");
        assertThat(api.move(contributor, b, "in_progress")).hasStatusOk();
        assertThat(api.assign(owner, a, contributor.userId().toString())).hasStatusOk();

        String base = "/api/v1/campaigns/" + campaign + "/tasks";
        assertThat(api.titles(viewer, base)).containsExactly("Alpha banner", "Beta banner", "Gamma email");
        assertThat(api.titles(viewer, base + "?sort=priority")).containsExactly("Beta banner", "Gamma email", "Alpha banner");
        assertThat(api.titles(viewer, base + "?sort=dueDate")).containsExactly("Beta banner", "Alpha banner", "Gamma email");
        assertThat(api.titles(viewer, base + "?status=todo")).containsExactly("Alpha banner", "Gamma email");
        assertThat(api.titles(viewer, base + "?status=todo&status=in_progress")).hasSize(3);
        assertThat(api.titles(viewer, base + "?priority=urgent")).containsExactly("Beta banner");
        assertThat(api.titles(viewer, base + "?q=BANNER")).containsExactly("Alpha banner", "Beta banner");
        assertThat(api.titles(viewer, base + "?assignee=" + contributor.userId())).containsExactly("Alpha banner");
        assertThat(api.titles(viewer, base + "?assignee=none")).containsExactly("Beta banner", "Gamma email");
        assertThat(api.titles(contributor, base + "?assignee=me")).containsExactly("Alpha banner");
        assertThat(api.titles(contributor, "/api/v1/tasks/mine")).containsExactly("Alpha banner");
        assertThat(api.titles(viewer, "/api/v1/tasks")).containsExactly("Delta email", "Beta banner", "Alpha banner", "Gamma email");

        MvcTestResult paged = api.get(viewer, base + "?size=2&page=1");
        assertThat((Integer) Json.read(paged, "$.total")).isEqualTo(3);
        assertThat((Integer) Json.read(paged, "$.totalPages")).isEqualTo(2);
        assertThat((List<String>) Json.read(paged, "$.items[*].title")).containsExactly("Gamma email");
        assertThat((String) Json.read(paged, "$.items[0].assigneeName")).isNull();
        assertThat((String) Json.read(api.get(viewer, base + "?q=alpha"), "$.items[0].assigneeName")).isEqualTo("Cleo Contributor");

        assertThat(api.get(viewer, base + "?status=sleeping")).hasStatus(400);
        assertThat(api.get(viewer, base + "?sort=colour")).hasStatus(400);
        assertThat(api.get(viewer, base + "?assignee=someone")).hasStatus(400);
    }

    @Test
    void tasksPastTheirDueDateAreOverdueUntilDone() {
        LocalDate today = LocalDate.now(clock);
        String id = api.createId(contributor, campaign, "{\"title\":\"Print flyers\",\"startDate\":\"" + today
                + "\",\"dueDate\":\"" + today.plusDays(2) + "\"}");
        String base = "/api/v1/campaigns/" + campaign + "/tasks?overdue=true";
        assertThat((Boolean) api.read(viewer, id, "$.overdue")).isFalse();
        assertThat(api.titles(viewer, base)).isEmpty();
        try {
            clock.advance(Duration.ofDays(4));
            assertThat((Boolean) api.read(viewer, id, "$.overdue")).isTrue();
            assertThat(api.titles(viewer, base)).containsExactly("Print flyers");
            assertThat(api.titles(viewer, "/api/v1/tasks?overdue=true")).containsExactly("Print flyers");
            assertThat(api.move(contributor, id, "in_progress")).hasStatusOk();
            assertThat(api.move(contributor, id, "done")).hasStatusOk();
            assertThat((Boolean) api.read(viewer, id, "$.overdue")).isFalse();
            assertThat(api.titles(viewer, base)).isEmpty();
        } finally {
            clock.reset();
        }
    }

    @Test
    void criticalTasksAreAtRiskWithoutAnAssigneeOrWhenNotStartedInTime() {
        data.timeline(owner.workspaceId(), java.util.UUID.fromString(campaign), List.of(
                task("brief", "Write brief", 10, 20, Map.of()),
                task("design", "Design assets", 3, 12, Map.of(), "brief"),
                task("side", "Order swag", 1, 2, Map.of())));
        MvcTestResult list = api.get(viewer, "/api/v1/campaigns/" + campaign + "/tasks");
        String brief = ((List<String>) Json.read(list, "$.items[?(@.title == 'Write brief')].id")).get(0);
        assertThat((List<Boolean>) Json.read(list, "$.items[*].critical")).containsExactly(true, true, false);
        assertThat(api.titles(viewer, "/api/v1/campaigns/" + campaign + "/tasks?atRisk=true"))
                .containsExactly("Write brief", "Design assets");

        assertThat(api.assign(owner, brief, contributor.userId().toString())).hasStatusOk();
        assertThat((Boolean) api.read(viewer, brief, "$.atRisk")).isFalse();
        assertThat(api.titles(viewer, "/api/v1/tasks?atRisk=true")).containsExactly("Design assets");
        try {
            clock.advance(Duration.ofDays(4)); // past the brief's latest start (the plan's first day), not its due date
            assertThat((Boolean) api.read(viewer, brief, "$.overdue")).isFalse();
            assertThat((Boolean) api.read(viewer, brief, "$.atRisk")).isTrue();
            assertThat(api.move(contributor, brief, "in_progress")).hasStatusOk();
            assertThat((Boolean) api.read(viewer, brief, "$.atRisk")).isFalse();
        } finally {
            clock.reset();
        }
    }

    @Test
    void tasksOnATimelineTakeTheirDatesFromThePlan() {
        data.timeline(owner.workspaceId(), java.util.UUID.fromString(campaign), List.of(task("brief", "Write brief", 2, 4, Map.of())));
        LocalDate first = data.firstWorkingDay();
        String brief = Json.read(api.get(viewer, "/api/v1/campaigns/" + campaign + "/tasks"), "$.items[0].id");
        assertThat((String) api.read(viewer, brief, "$.startDate")).isEqualTo(first.toString());

        String shoot = api.createId(contributor, campaign, "{\"title\":\"Photo shoot\",\"durationDays\":3}");
        assertThat((String) api.read(viewer, shoot, "$.timelineId")).isNotNull();
        assertThat((String) api.read(viewer, shoot, "$.startDate")).isEqualTo(first.toString());
        assertThat(api.depend(contributor, shoot, brief)).hasStatus(201);
        LocalDate briefDue = LocalDate.parse(api.read(viewer, brief, "$.dueDate"));
        LocalDate shootStart = LocalDate.parse(api.read(viewer, shoot, "$.startDate"));
        assertThat(shootStart).isAfter(briefDue);
        assertThat((List<String>) api.read(viewer, shoot, "$.predecessors[*].title")).containsExactly("Write brief");
        assertThat((List<String>) api.read(viewer, brief, "$.successors[*].title")).containsExactly("Photo shoot");

        // the timeline owns the dates now
        assertThat(api.patch(contributor, shoot, "{\"durationDays\":5}", null)).hasStatus(400);
        assertThat(api.create(contributor, campaign, "{\"title\":\"X\",\"dueDate\":\"2031-01-01\"}")).hasStatus(400);
        // cancelling the predecessor lets the successor move up
        assertThat(api.move(contributor, brief, "cancelled")).hasStatusOk();
        assertThat((String) api.read(viewer, shoot, "$.startDate")).isEqualTo(first.toString());
        assertThat((Boolean) api.read(viewer, brief, "$.critical")).isFalse();
        assertThat(api.move(contributor, brief, "todo")).hasStatusOk();
        assertThat(LocalDate.parse(api.read(viewer, shoot, "$.startDate"))).isAfter(first);
        // deleting it too, and restoring it brings the wait back
        assertThat(api.delete(contributor, "/api/v1/tasks/" + brief)).hasStatus(204);
        assertThat((String) api.read(viewer, shoot, "$.startDate")).isEqualTo(first.toString());
        assertThat(api.post(contributor, "/api/v1/tasks/" + brief + "/restore", null)).hasStatusOk();
        assertThat(LocalDate.parse(api.read(viewer, shoot, "$.startDate"))).isAfter(first);
    }

    @Test
    void contributorsCommentAndEveryoneReads() {
        String id = api.task(contributor, campaign, "Shoot video");
        MvcTestResult posted = api.post(contributor, "/api/v1/tasks/" + id + "/comments", "{\"body\":\"Studio booked for Tuesday\"}");
        assertThat(posted).hasStatus(201);
        assertThat((String) Json.read(posted, "$.authorName")).isEqualTo("Cleo Contributor");
        assertThat(api.post(contributor, "/api/v1/tasks/" + id + "/comments", "{\"body\":\"  \"}")).hasStatus(400);
        assertThat(api.post(viewer, "/api/v1/tasks/" + id + "/comments", "{\"body\":\"Hi\"}")).hasStatus(403);
        Member approver = workspaces.addMember(owner, Role.APPROVER);
        assertThat(api.post(approver, "/api/v1/tasks/" + id + "/comments", "{\"body\":\"Hi\"}")).hasStatus(403);
        MvcTestResult thread = api.get(viewer, "/api/v1/tasks/" + id + "/comments");
        assertThat((List<String>) Json.read(thread, "$[*].body")).containsExactly("Studio booked for Tuesday");
    }

    @Test
    void viewersReadButChangeNothing() {
        String id = api.task(contributor, campaign, "Viewer target");
        String other = api.task(contributor, campaign, "Other");
        assertThat(api.create(viewer, campaign, "{\"title\":\"No\"}")).hasStatus(403);
        assertThat(api.patch(viewer, id, "{\"title\":\"No\"}", null)).hasStatus(403);
        assertThat(api.delete(viewer, "/api/v1/tasks/" + id)).hasStatus(403);
        assertThat(api.post(viewer, "/api/v1/tasks/" + id + "/restore", null)).hasStatus(403);
        assertThat(api.move(viewer, id, "in_progress")).hasStatus(403);
        assertThat(api.depend(viewer, id, other)).hasStatus(403);
        assertThat(api.delete(viewer, "/api/v1/tasks/" + id + "/dependencies/" + other)).hasStatus(403);
        assertThat(api.post(viewer, "/api/v1/tasks/" + id + "/checklist/0/toggle", null)).hasStatus(403);
        assertThat(api.autoAssign(viewer, id, true)).hasStatus(403);
        assertThat(api.assign(viewer, id, null)).hasStatus(403);
        assertThat(api.post(viewer, "/api/v1/campaigns/" + campaign + "/tasks/auto-assign", null)).hasStatus(403);
        assertThat(api.post(viewer, "/api/v1/tasks/auto-assign", "{\"taskIds\":[\"" + id + "\"]}")).hasStatus(403);
        assertThat(api.task(viewer, id)).hasStatusOk();
        assertThat(api.status(viewer, id)).isEqualTo("TODO");
    }

    @Test
    void anotherWorkspaceFindsNothing() {
        String id = api.task(contributor, campaign, "Private");
        String other = api.task(contributor, campaign, "Private too");
        Member stranger = workspaces.workspace("Elsewhere");
        String theirs = api.task(stranger, api.campaign(stranger, "Theirs"), "Theirs");
        String task = "/api/v1/tasks/" + id;
        List<MvcTestResult> answers = List.of(
                api.task(stranger, id),
                api.patch(stranger, id, "{\"title\":\"Mine\"}", null),
                api.delete(stranger, task),
                api.post(stranger, task + "/restore", null),
                api.move(stranger, id, "in_progress"),
                api.get(stranger, task + "/dependencies"),
                api.depend(stranger, id, other),
                api.delete(stranger, task + "/dependencies/" + other),
                api.get(stranger, task + "/comments"),
                api.post(stranger, task + "/comments", "{\"body\":\"Hi\"}"),
                api.post(stranger, task + "/checklist/0/toggle", null),
                api.autoAssign(stranger, id, true),
                api.assign(stranger, id, null),
                api.create(stranger, campaign, "{\"title\":\"Sneaky\"}"),
                api.get(stranger, "/api/v1/campaigns/" + campaign + "/tasks"),
                api.post(stranger, "/api/v1/campaigns/" + campaign + "/tasks/auto-assign", null),
                api.post(stranger, "/api/v1/tasks/auto-assign", "{\"taskIds\":[\"" + id + "\"]}"));
        assertThat(answers).allSatisfy(answer -> assertThat(answer).hasStatus(404));
        // nor can a task of ours wait for one of theirs
        assertThat(api.depend(contributor, id, theirs)).hasStatus(400);
        assertThat(api.titles(stranger, "/api/v1/tasks")).containsExactly("Theirs");
        assertThat(api.status(owner, id)).isEqualTo("TODO");
    }
}
