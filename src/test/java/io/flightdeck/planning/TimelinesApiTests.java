package io.flightdeck.planning;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

import io.flightdeck.shared.security.Role;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.MutableClock;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generating, reading, recalculating and rescheduling timelines through the API, on a template whose critical path is
 * worked out by hand: a (10 days), then b (5) and c (20) in parallel, then d (10) after both, then the milestone m.
 * The path a, c, d, m takes 40 working days; b has 15 days of slack.
 */
@FlightdeckTest
class TimelinesApiTests {

    static final String PLAN = """
            {"campaignType":"BRAND_AWARENESS","name":"Hand-checked plan","items":[
             {"key":"a","title":"Research","kind":"TASK","durationDays":10,"estimateHours":20,"skills":{"strategy":3}},
             {"key":"b","title":"Media plan","kind":"TASK","durationDays":5,"estimateHours":10,"dependsOn":["a"],"milestone":"m"},
             {"key":"c","title":"Key visuals","kind":"TASK","durationDays":20,"estimateHours":60,"dependsOn":["a"],"milestone":"m"},
             {"key":"d","title":"Rollout","kind":"TASK","durationDays":10,"estimateHours":30,"dependsOn":["b","c"],"milestone":"m"},
             {"key":"m","title":"Launch","kind":"MILESTONE","dependsOn":["d"]}]}""";
    /** A Monday far enough ahead that no plan starting on it is in the past. */
    static final LocalDate MONDAY = LocalDate.parse("2031-03-03");

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    MutableClock clock;

    private PlanningRequests api;
    private Member owner;
    private String templateId;

    @BeforeEach
    void setUp() {
        api = new PlanningRequests(mvc);
        owner = api.workspace(workspaces, "Timelines");
        MvcTestResult created = api.post(owner, PlanningRequests.TEMPLATES, PLAN);
        assertThat(created).as(Json.body(created)).hasStatus(201);
        templateId = Json.read(created, "$.id");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private String generatedWith(String campaignId, String extra) {
        api.generated(owner, campaignId, "{\"templateId\":\"" + templateId + "\"" + extra + "}");
        return campaignId;
    }

    @Test
    void theBufferDependsOnTheCampaignsPriority() {
        Map<String, List<Object>> expected = Map.of(
                "URGENT", List.of(5, 2, "2031-04-29"), "HIGH", List.of(10, 4, "2031-05-01"),
                "MEDIUM", List.of(15, 6, "2031-05-05"), "LOW", List.of(20, 8, "2031-05-07"));
        expected.forEach((priority, figures) -> {
            String id = api.campaign(owner, priority + " plan", "BRAND_AWARENESS", priority, MONDAY, null);
            generatedWith(id, "");
            MvcTestResult timeline = api.timeline(owner, id);
            assertThat(timeline).hasStatusOk();
            assertThat((String) Json.read(timeline, "$.direction")).as(priority).isEqualTo("FORWARD");
            assertThat((Integer) Json.read(timeline, "$.durationDays")).as(priority).isEqualTo(40);
            assertThat((Integer) Json.read(timeline, "$.bufferPct")).as(priority).isEqualTo(figures.get(0));
            assertThat((Integer) Json.read(timeline, "$.bufferDays")).as(priority).isEqualTo(figures.get(1));
            assertThat((String) Json.read(timeline, "$.startDate")).isEqualTo("2031-03-03");
            assertThat((String) Json.read(timeline, "$.workEndDate")).isEqualTo("2031-04-25");
            assertThat((String) Json.read(timeline, "$.endDate")).as(priority).isEqualTo(figures.get(2));
        });
    }

    @Test
    void weekendsAndHolidaysAreSkipped() {
        String id = generatedWith(api.launch(owner, "Working days", MONDAY, null), "");
        MvcTestResult before = api.timeline(owner, id);
        assertThat(PlanningRequests.<String>itemField(before, "a", "finishDate")).isEqualTo("2031-03-14");
        assertThat(PlanningRequests.<String>itemField(before, "c", "startDate")).isEqualTo("2031-03-17");
        assertNoDayOff(before, List.of());

        // a holiday on the Wednesday of a's first week pushes a past the weekend, and everything after it
        List<LocalDate> holidays = List.of(LocalDate.parse("2031-03-05"), LocalDate.parse("2031-04-01"));
        api.settings(owner, false, holidays);
        MvcTestResult after = api.post(owner, PlanningRequests.CAMPAIGNS + "/" + id + "/timeline/recalculate", null);
        assertThat(after).hasStatusOk();
        assertThat(PlanningRequests.<String>itemField(after, "a", "finishDate")).isEqualTo("2031-03-17");
        assertThat(PlanningRequests.<String>itemField(after, "c", "startDate")).isEqualTo("2031-03-18");
        assertThat((List<String>) Json.read(after, "$.holidays")).containsExactly("2031-03-05", "2031-04-01");
        assertNoDayOff(after, holidays);
    }

    private static void assertNoDayOff(MvcTestResult timeline, List<LocalDate> holidays) {
        List<String> days = Json.read(timeline, "$.items[*].startDate");
        days.addAll(Json.read(timeline, "$.items[*].finishDate"));
        days.add(Json.read(timeline, "$.endDate"));
        assertThat(days).hasSizeGreaterThan(10).allSatisfy(day -> {
            LocalDate date = LocalDate.parse(day);
            assertThat(date.getDayOfWeek()).as(day).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            assertThat(holidays).as(day).doesNotContain(date);
        });
    }

    @Test
    void aBackwardPlanEndsOnTheLastWorkingDayOnOrBeforeTheEndDate() {
        // the end date is a Sunday and the Friday before it a holiday: the buffer ends on Thursday
        api.settings(owner, false, List.of(LocalDate.parse("2031-06-13")));
        String id = generatedWith(api.launch(owner, "Deadline", LocalDate.parse("2031-01-06"),
                LocalDate.parse("2031-06-15")), ",\"direction\":\"BACKWARD\"");
        MvcTestResult timeline = api.timeline(owner, id);
        assertThat((String) Json.read(timeline, "$.direction")).isEqualTo("BACKWARD");
        assertThat((String) Json.read(timeline, "$.endDate")).isEqualTo("2031-06-12");
        assertThat((String) Json.read(timeline, "$.workEndDate")).isEqualTo("2031-06-04");
        assertThat((String) Json.read(timeline, "$.startDate")).isEqualTo("2031-04-10");
        assertThat(PlanningRequests.<String>itemField(timeline, "d", "finishDate")).isEqualTo("2031-06-04");
        assertThat((Integer) Json.read(timeline, "$.overrunDays")).isZero();
        assertThat((Object) Json.read(timeline, "$.warning")).isNull();
        assertThat((String) Json.read(timeline, "$.targetEndDate")).isEqualTo("2031-06-15");
    }

    @Test
    void theWarningFollowsTheCampaignsEndDateWhenItMoves() {
        api.settings(owner, false, List.of(LocalDate.parse("2031-06-13")));
        String id = generatedWith(api.launch(owner, "Moved deadline", LocalDate.parse("2031-01-06"),
                LocalDate.parse("2031-06-15")), ",\"direction\":\"BACKWARD\"");

        // the plan ends on Thursday 2031-06-12; the campaign now ends on Tuesday the 10th: two working days short
        assertThat(api.put(owner, PlanningRequests.CAMPAIGNS + "/" + id, """
                {"name":"Moved deadline","type":"PRODUCT_LAUNCH","priority":"MEDIUM",
                 "startDate":"2031-01-06","endDate":"2031-06-10"}""")).hasStatusOk();

        MvcTestResult timeline = api.timeline(owner, id);
        assertThat((String) Json.read(timeline, "$.endDate")).isEqualTo("2031-06-12");
        assertThat((String) Json.read(timeline, "$.targetEndDate")).isEqualTo("2031-06-10");
        assertThat((Integer) Json.read(timeline, "$.overrunDays")).isEqualTo(2);
        assertThat((String) Json.read(timeline, "$.warning"))
                .isEqualTo("The plan ends 2 working days after the campaign's end date (2031-06-10)");
    }

    /**
     * Seen: a campaign running 11 Jan–26 Feb got a plan from 27 Jan to 3 Mar with its first two weeks empty. The
     * default plan now starts on the campaign's first day, and one that is too long says by how much.
     */
    @Test
    void aPlanStartsOnTheCampaignsStartDateAndSaysByHowMuchItDoesNotFit() {
        String id = generatedWith(api.launch(owner, "Winter launch", LocalDate.parse("2027-01-11"),
                LocalDate.parse("2027-02-26")), "");
        MvcTestResult timeline = api.timeline(owner, id);
        assertThat((String) Json.read(timeline, "$.direction")).isEqualTo("FORWARD");
        assertThat((String) Json.read(timeline, "$.startDate")).isEqualTo("2027-01-11");
        assertThat(PlanningRequests.<String>itemField(timeline, "a", "startDate")).isEqualTo("2027-01-11");
        // 40 working days of work and 6 of buffer; the campaign runs 7 weeks, 35 working days
        assertThat((String) Json.read(timeline, "$.endDate")).isEqualTo("2027-03-15");
        assertThat((Integer) Json.read(timeline, "$.planDays")).isEqualTo(46);
        assertThat((Integer) Json.read(timeline, "$.campaignDays")).isEqualTo(35);
        assertThat((String) Json.read(timeline, "$.targetStartDate")).isEqualTo("2027-01-11");
        assertThat((Integer) Json.read(timeline, "$.overrunDays")).isEqualTo(11);
        assertThat((String) Json.read(timeline, "$.warning")).isEqualTo("The plan needs 46 working days; the campaign"
                + " runs 35 working days — it ends 11 working days after the campaign's end date (2027-02-26)");
    }

    @Test
    void aPlanThatFitsUsesTheCampaignsSpanFromItsFirstDay() {
        String id = generatedWith(api.launch(owner, "Roomy", MONDAY, LocalDate.parse("2031-06-27")), "");
        MvcTestResult timeline = api.timeline(owner, id);
        assertThat((String) Json.read(timeline, "$.startDate")).isEqualTo("2031-03-03");
        assertThat((String) Json.read(timeline, "$.endDate")).isEqualTo("2031-05-05");
        assertThat((Integer) Json.read(timeline, "$.overrunDays")).isZero();
        assertThat((Object) Json.read(timeline, "$.warning")).isNull();
    }

    @Test
    void aBackwardPlanTooLongForTheCampaignStartsOnItsStartDateRatherThanBeforeIt() {
        String id = generatedWith(api.launch(owner, "Tight deadline", LocalDate.parse("2027-01-11"),
                LocalDate.parse("2027-02-26")), ",\"direction\":\"BACKWARD\"");
        MvcTestResult timeline = api.timeline(owner, id);
        assertThat((String) Json.read(timeline, "$.direction")).isEqualTo("BACKWARD");
        assertThat((String) Json.read(timeline, "$.startDate")).isEqualTo("2027-01-11");
        assertThat((Integer) Json.read(timeline, "$.overrunDays")).isEqualTo(11);
    }

    @Test
    void aPlanThatWouldStartInThePastStartsTodayAndReportsTheOverrun() {
        // today becomes a Monday T; the campaign ends on Friday T+11, but the plan needs 46 working days
        LocalDate today = LocalDate.now(clock);
        LocalDate monday = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        clock.advance(Duration.ofDays(today.until(monday).getDays()));
        LocalDate end = monday.plusDays(11);
        String id = generatedWith(api.launch(owner, "Too late", null, end), "");

        MvcTestResult timeline = api.timeline(owner, id);
        assertThat((String) Json.read(timeline, "$.startDate")).isEqualTo(monday.toString());
        assertThat((String) Json.read(timeline, "$.endDate")).isEqualTo(monday.plusWeeks(9).toString());
        // T+11 is working day 9 (from 0), the plan's end working day 45
        assertThat((Integer) Json.read(timeline, "$.overrunDays")).isEqualTo(36);
        assertThat((String) Json.read(timeline, "$.warning"))
                .isEqualTo("The plan ends 36 working days after the campaign's end date (" + end + ")");
    }

    @Test
    void movingATaskMovesItsSuccessorsAndTheCriticalPath() {
        String id = generatedWith(api.launch(owner, "Drag", MONDAY, null), "");
        MvcTestResult before = api.timeline(owner, id);
        assertThat(criticalKeys(id)).containsExactly("a", "c", "d", "m");
        assertThat(PlanningRequests.<Integer>itemField(before, "b", "slackDays")).isEqualTo(15);
        assertThat(PlanningRequests.<String>itemField(before, "b", "latestStartDate")).isEqualTo("2031-04-07");
        assertThat(PlanningRequests.<String>itemField(before, "b", "latestFinishDate")).isEqualTo("2031-04-11");
        assertThat(PlanningRequests.<String>itemField(before, "d", "startDate")).isEqualTo("2031-04-14");
        String b = PlanningRequests.itemId(before, "b");

        // b pinned to working day 30: d waits for it (day 35) and b, d, m become the critical path
        MvcTestResult moved = api.schedule(owner, b, "{\"start\":\"2031-04-14\"}");
        assertThat(moved).as(Json.body(moved)).hasStatusOk();
        assertThat(PlanningRequests.<String>itemField(moved, "b", "startDate")).isEqualTo("2031-04-14");
        assertThat(PlanningRequests.<String>itemField(moved, "b", "pinnedStart")).isEqualTo("2031-04-14");
        assertThat(PlanningRequests.<String>itemField(moved, "d", "startDate")).isEqualTo("2031-04-21");
        assertThat(PlanningRequests.<Boolean>itemField(moved, "c", "critical")).isFalse();
        assertThat((Integer) Json.read(moved, "$.durationDays")).isEqualTo(45);
        assertThat(criticalKeys(id)).containsExactly("b", "d", "m");
        MvcTestResult path = api.get(owner, PlanningRequests.CAMPAIGNS + "/" + id + "/timeline/critical-path");
        assertThat((Integer) Json.read(path, "$.durationDays")).isEqualTo(45);

        // a longer c and an unpinned b: c drives the plan again
        String c = PlanningRequests.itemId(moved, "c");
        assertThat(api.schedule(owner, c, "{\"durationDays\":25}")).hasStatusOk();
        MvcTestResult unpinned = api.schedule(owner, b, "{\"start\":null}");
        assertThat((Integer) Json.read(unpinned, "$.durationDays")).isEqualTo(45);
        assertThat(PlanningRequests.<Object>itemField(unpinned, "b", "pinnedStart")).isNull();
        assertThat(criticalKeys(id)).containsExactly("a", "c", "d", "m");

        assertThat(api.schedule(owner, c, "{\"durationDays\":251}")).hasStatus(400);
        assertThat(api.schedule(owner, PlanningRequests.itemId(moved, "m"), "{\"durationDays\":2}")).hasStatus(400);
        assertThat(api.schedule(owner, c, "{\"start\":\"soon\"}")).hasStatus(400);
        assertThat(api.schedule(owner, c, "{}")).hasStatus(400);
    }

    @Test
    void pinningATaskBeforeThePlanLeavesTheOthersWhereTheyWereAndUnpinningBringsTheStartBack() {
        String id = generatedWith(api.launch(owner, "Early pin", MONDAY, null), "");
        MvcTestResult before = api.timeline(owner, id);
        assertThat((String) Json.read(before, "$.startDate")).isEqualTo("2031-03-03");
        String b = PlanningRequests.itemId(before, "b");

        // b may start a week before the plan, but it still waits for a, and a (unpinned) stays on the plan's day
        MvcTestResult pinned = api.schedule(owner, b, "{\"start\":\"2031-02-24\"}");
        assertThat(pinned).as(Json.body(pinned)).hasStatusOk();
        assertThat((String) Json.read(pinned, "$.startDate")).isEqualTo("2031-02-24");
        assertThat(PlanningRequests.<String>itemField(pinned, "a", "startDate")).isEqualTo("2031-03-03");
        assertThat(PlanningRequests.<String>itemField(pinned, "b", "startDate")).isEqualTo("2031-03-17");

        MvcTestResult unpinned = api.schedule(owner, b, "{\"start\":null}");
        assertThat((String) Json.read(unpinned, "$.startDate")).isEqualTo("2031-03-03");
        assertThat(PlanningRequests.<String>itemField(unpinned, "a", "startDate")).isEqualTo("2031-03-03");
        assertThat((Integer) Json.read(unpinned, "$.durationDays")).isEqualTo(40);
    }

    private List<String> criticalKeys(String campaignId) {
        MvcTestResult path = api.get(owner, PlanningRequests.CAMPAIGNS + "/" + campaignId + "/timeline/critical-path");
        assertThat(path).hasStatusOk();
        return Json.read(path, "$.items[*].key");
    }

    @Test
    void generatingTwiceConflictsUnlessReplacing() {
        String id = generatedWith(api.launch(owner, "Twice", MONDAY, null), "");
        MvcTestResult first = api.timeline(owner, id);
        String oldTask = PlanningRequests.itemId(first, "a");

        MvcTestResult again = api.generate(owner, id, "{\"templateId\":\"" + templateId + "\"}");
        assertThat(again).hasStatus(409);
        assertThat((String) Json.read(again, "$.type")).endsWith("/timeline-exists");
        assertThat((Integer) Json.read(again, "$.taskCount")).isEqualTo(5);

        // replacing with the built-in product launch template swaps every task
        MvcTestResult replaced = api.generate(owner, id, "{\"replace\":true}");
        assertThat(replaced).as(Json.body(replaced)).hasStatusOk();
        assertThat((String) Json.read(replaced, "$.templateName")).isEqualTo("Product launch");
        assertThat((List<String>) Json.read(replaced, "$.items[*].id")).hasSize(14).doesNotContain(oldTask);
        assertThat((List<String>) Json.read(replaced, "$.items[?(@.kind == 'MILESTONE')].title"))
                .contains("Brief approved", "Creative locked", "Launch", "Wrap-up report");
        assertThat((List<?>) Json.read(replaced, "$.dependencies")).isNotEmpty();
        assertThat(api.schedule(owner, oldTask, "{\"durationDays\":3}")).hasStatus(404);
    }

    @Test
    void whatGenerationNeedsIsChecked() {
        String other = api.campaign(owner, "Misc", "OTHER", "MEDIUM", MONDAY, null);
        MvcTestResult noTemplate = api.generate(owner, other, "{}");
        assertThat(noTemplate).hasStatus(400);
        assertThat((List<String>) Json.read(noTemplate, "$.errors[*].field")).containsExactly("templateId");
        assertThat(api.timeline(owner, other)).hasStatus(404);

        MvcTestResult backwardWithoutEnd = api.generate(owner, other,
                "{\"templateId\":\"" + templateId + "\",\"direction\":\"BACKWARD\"}");
        assertThat((List<String>) Json.read(backwardWithoutEnd, "$.errors[*].field")).containsExactly("direction");
        MvcTestResult unknownTemplate = api.generate(owner, other,
                "{\"templateId\":\"" + java.util.UUID.randomUUID() + "\"}");
        assertThat((List<String>) Json.read(unknownTemplate, "$.errors[*].field")).containsExactly("templateId");
        assertThat(api.generate(owner, other, "{\"direction\":\"SIDEWAYS\"}")).hasStatus(400);

        // an explicit template works for any type, forwards from the start date
        MvcTestResult generated = api.generate(owner, other, "{\"templateId\":\"" + templateId + "\"}");
        assertThat(generated).hasStatusOk();
        assertThat((String) Json.read(generated, "$.startDate")).isEqualTo("2031-03-03");
        assertThat(api.post(owner, PlanningRequests.CAMPAIGNS + "/" + java.util.UUID.randomUUID()
                + "/timeline/recalculate", null)).hasStatus(404);
    }

    @Test
    void anotherWorkspaceFindsNothingAndRolesAreChecked() {
        String id = generatedWith(api.launch(owner, "Private", MONDAY, null), "");
        String task = PlanningRequests.itemId(api.timeline(owner, id), "b");
        String base = PlanningRequests.CAMPAIGNS + "/" + id + "/timeline";

        Member stranger = api.workspace(workspaces, "Elsewhere");
        assertThat(api.timeline(stranger, id)).hasStatus(404);
        assertThat(api.get(stranger, base + "/critical-path")).hasStatus(404);
        assertThat(api.generate(stranger, id, "{\"replace\":true}")).hasStatus(404);
        assertThat(api.post(stranger, base + "/recalculate", null)).hasStatus(404);
        assertThat(api.schedule(stranger, task, "{\"durationDays\":2}")).hasStatus(404);

        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        Member contributor = workspaces.addMember(owner, Role.CONTRIBUTOR);
        Member manager = workspaces.addMember(owner, Role.MANAGER);
        assertThat(api.timeline(viewer, id)).hasStatusOk();
        assertThat(api.get(viewer, base + "/critical-path")).hasStatusOk();
        assertThat(api.generate(viewer, id, "{\"replace\":true}")).hasStatus(403);
        assertThat(api.post(viewer, base + "/recalculate", null)).hasStatus(403);
        assertThat(api.schedule(viewer, task, "{\"durationDays\":2}")).hasStatus(403);
        assertThat(api.generate(contributor, id, "{\"replace\":true}")).hasStatus(403);
        assertThat(api.post(contributor, base + "/recalculate", null)).hasStatusOk();
        assertThat(api.schedule(contributor, task, "{\"durationDays\":2}")).hasStatusOk();
        assertThat(api.generate(manager, id, "{\"replace\":true,\"templateId\":\"" + templateId + "\"}")).hasStatusOk();
    }
}
