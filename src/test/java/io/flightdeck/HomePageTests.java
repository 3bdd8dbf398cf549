package io.flightdeck;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import io.flightdeck.approvals.ApprovalItems;
import io.flightdeck.approvals.ApprovalRequests;
import io.flightdeck.approvals.ItemSubmission;
import io.flightdeck.approvals.Urgency;
import io.flightdeck.planning.PlanningRequests;
import io.flightdeck.planning.TaskTestDataApi;
import io.flightdeck.shared.security.Role;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.MutableClock;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebSessions;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The home page says what needs the signed-in member (issue 11, "What needs me"): approvals waiting, their tasks,
 * their campaigns that are blocked or at risk, decisions on what they requested, and the navigation badges; onboarding
 * only while the workspace is empty; never another workspace's items.
 */
@FlightdeckTest
class HomePageTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    WebSessions web;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    TestCampaigns campaigns;
    @Autowired
    ApprovalItems items;
    @Autowired
    MutableClock clock;
    @Autowired
    EntityManagerFactory entityManagerFactory;

    private ApprovalRequests approvals() {
        return new ApprovalRequests(mvc);
    }

    @Test
    void anApproverWithSixApprovalsWaitingSeesThemOnHomeAndABadgeOfSix() {
        Member owner = workspaces.workspace("Six waiting");
        Member approver = workspaces.addMember(owner, Role.APPROVER);
        String campaign = approvals().campaign(owner, "Spring sale");
        approvals().initialized(owner, campaign); // strategy, content, schedule, ads: each routed to approvers
        workspaces.as(owner, () -> {
            items.submit(new ItemSubmission(UUID.fromString(campaign), "content", "email", UUID.randomUUID(),
                    "Launch email", 120, null));
            items.submit(new ItemSubmission(UUID.fromString(campaign), "content", "creative", UUID.randomUUID(),
                    "Hero banner", 12, Urgency.URGENT));
            return null;
        });
        MockHttpSession session = web.signIn(approver);
        try {
            clock.advance(Duration.ofHours(6)); // the urgent banner is overdue, the rest are not
            whatWaits(session);
        } finally {
            clock.reset();
        }
        String strategy = approvals().scopeId(owner, campaign, "strategy");
        assertThat(approvals().approve(approver, strategy)).hasStatusOk();
        assertThat(web.fragment(session, "/nav/badges")).contains("5 waiting");
        assertThat(web.fragment(session, "/home/approvals/waiting")).contains(">5</span>");

        // The owner decides too (owners include every role) but a contributor has nothing waiting: no badge.
        MockHttpSession contributor = web.signIn(workspaces.addMember(owner, Role.CONTRIBUTOR));
        assertThat(web.fragment(contributor, "/home/approvals/waiting")).contains("Nothing waits for your decision");
        assertThat(web.fragment(contributor, "/nav/badges")).contains("id=\"nav-badge-approvals\"")
                .doesNotContain("waiting)</span>");
    }

    private void whatWaits(MockHttpSession session) {
        String home = web.page(session, "/");
        assertThat(home).doesNotContain("Get your workspace ready").doesNotContain("You are in")
                .contains("hx-get=\"/home/approvals/waiting\"").contains("hx-trigger=\"load, fd:changed from:body, fd:elsewhere from:body\"")
                .contains("hx-get=\"/home/tasks\"").contains("hx-get=\"/home/campaigns\"")
                .contains("hx-get=\"/home/approvals/decisions\"");
        // The badge on the Approvals entry, read as "Approvals (6 waiting)".
        assertThat(home).contains("id=\"nav-badge-approvals\"").contains("<span class=\"sr-only\">(6 waiting)</span>")
                .contains("hx-get=\"/nav/badges\"");

        String waiting = web.fragment(session, "/home/approvals/waiting");
        assertThat(waiting).contains("Approvals waiting for you").contains(">6</span>").contains("Spring sale")
                .contains("See all 6 in your inbox").containsPattern("href=\"/approvals/[0-9a-f-]{36}\"")
                .doesNotContain("<html");
        // overdue first: the urgent banner leads, marked; five of the six are listed
        assertThat(waiting.indexOf("Hero banner")).isLessThan(waiting.indexOf(">Strategy<")).isPositive();
        assertThat(waiting).containsPattern("<li class=\"overdue\">\\s*<a href=\"/approvals/[0-9a-f-]{36}\">Hero banner</a>")
                .contains("overdue by 2 hours");
        assertThat(waiting.split("<li").length - 1).isEqualTo(5);

        // The badges fragment swaps each badge out of band.
        assertThat(web.fragment(session, "/nav/badges")).contains("id=\"nav-badge-approvals\"")
                .contains("hx-swap-oob=\"true\"").contains("6 waiting").doesNotContain("<html");
    }

    @Test
    void aRequesterWhoseContentWasRejectedSeesTheDecisionOnHome() {
        Member owner = workspaces.workspace("Rejected content");
        Member contributor = workspaces.addMember(owner, Role.CONTRIBUTOR);
        Member approver = workspaces.addMember(owner, Role.APPROVER);
        String campaign = approvals().campaign(owner, "Autumn drop");
        approvals().initialized(contributor, campaign); // the contributor requested the review
        String content = approvals().scopeId(owner, campaign, "content");
        assertThat(approvals().reject(approver, content, "The headline overpromises")).hasStatusOk();
        assertThat(approvals().approve(approver, approvals().scopeId(owner, campaign, "ads"))).hasStatusOk();

        String decisions = web.fragment(web.signIn(contributor), "/home/approvals/decisions");
        assertThat(decisions).contains("Decisions on what you requested").contains("href=\"/approvals/" + content + "\"")
                .contains("Rejected").contains("The headline overpromises").contains("Autumn drop")
                .contains("Approved").contains(">Ads<");
        // Someone who requested nothing hears of nothing.
        assertThat(web.fragment(web.signIn(approver), "/home/approvals/decisions"))
                .contains("No decisions in the last 14 days on approvals you requested")
                .doesNotContain("The headline overpromises");
    }

    @Test
    void aMemberWithAnOverdueTaskSeesItAndTheBadge() {
        PlanningRequests planning = new PlanningRequests(mvc);
        TaskTestDataApi tasks = new TaskTestDataApi(mvc);
        Member owner = planning.workspace(workspaces, "Overdue task");
        Member member = workspaces.addMember(owner, Role.CONTRIBUTOR);
        String campaign = tasks.campaign(owner, "Webinar week");
        LocalDate today = LocalDate.now();
        String late = tasks.createId(owner, campaign, """
                {"title":"Write the invitation","dueDate":"%s"}""".formatted(today.minusDays(3)));
        String soon = tasks.createId(owner, campaign, """
                {"title":"Book the speaker","dueDate":"%s"}""".formatted(today));
        String later = tasks.createId(owner, campaign, """
                {"title":"Send the recording","dueDate":"%s"}""".formatted(today.plusDays(30)));
        for (String task : new String[] {late, soon, later}) {
            assertThat(tasks.assign(owner, task, member.userId().toString())).hasStatusOk();
        }
        MockHttpSession session = web.signIn(member);

        String home = web.page(session, "/");
        assertThat(home).contains("id=\"nav-badge-tasks-mine\"").contains("<span class=\"sr-only\">(1 overdue)</span>");
        String section = web.fragment(session, "/home/tasks");
        assertThat(section).contains("Overdue").contains("href=\"/tasks/" + late + "\"").contains("Write the invitation")
                .contains("Due this week").contains("Book the speaker").doesNotContain("Send the recording")
                .contains("Webinar week").contains("href=\"/tasks/mine\"");

        // Done, it leaves the section and the badge.
        assertThat(tasks.move(member, late, "IN_PROGRESS")).hasStatusOk();
        assertThat(tasks.move(member, late, "DONE")).hasStatusOk();
        assertThat(web.fragment(session, "/nav/badges")).contains("id=\"nav-badge-tasks-mine\"")
                .doesNotContain("overdue)</span>");
        assertThat(web.fragment(session, "/home/tasks")).doesNotContain("Write the invitation").contains("Book the speaker");
    }

    @Test
    void theOwnersBlockedAndAtRiskCampaignsAreListedWithTheReason() {
        Member owner = workspaces.workspace("Blocked campaigns");
        String blocked = approvals().campaign(owner, "Gated launch");
        approvals().initialized(owner, blocked);
        String section = web.fragment(web.signIn(owner), "/home/campaigns");
        assertThat(section).contains("Gated launch").contains("Blocked").contains("Blocked by 4 open items")
                .contains("href=\"/campaigns/" + blocked + "\"").contains("href=\"/campaigns/" + blocked + "/tabs/approvals#approvals\"");

        // Without a publish gate, a campaign below the threshold is at risk once its start date is near.
        Member ungated = workspaces.withoutApprovals("At risk campaigns");
        LocalDate today = LocalDate.now();
        String rushed = campaigns.draft("Rushed promo").dates(today.plusDays(5), today.plusDays(19)).createdBy(ungated);
        campaigns.draft("Calm promo").dates(today.plusDays(60), today.plusDays(74)).createdBy(ungated);
        String risky = web.fragment(web.signIn(ungated), "/home/campaigns");
        assertThat(risky).contains("Rushed promo").contains("At risk").contains("starts in 5 days")
                .contains("% of the 80 % needed").contains("href=\"/campaigns/" + rushed + "\"")
                .doesNotContain("Calm promo");
        // Campaigns the member does not own are not theirs to unblock.
        MockHttpSession manager = web.signIn(workspaces.addMember(owner, Role.MANAGER));
        assertThat(web.fragment(manager, "/home/campaigns")).doesNotContain("Gated launch")
                .contains("None of your campaigns is blocked");
    }

    @Test
    void onboardingShowsOnlyWhileTheWorkspaceIsEmpty() {
        Member owner = workspaces.workspace("Empty at first");
        MockHttpSession session = web.signIn(owner);
        assertThat(web.page(session, "/")).contains("Get your workspace ready").doesNotContain("hx-get=\"/home/");
        MockHttpSession viewer = web.signIn(workspaces.addMember(owner, Role.VIEWER));
        assertThat(web.page(viewer, "/")).contains("You are in").doesNotContain("hx-get=\"/home/");

        approvals().campaign(owner, "First campaign");
        assertThat(web.page(session, "/")).doesNotContain("Get your workspace ready").contains("hx-get=\"/home/campaigns\"");
        assertThat(web.page(viewer, "/")).doesNotContain("You are in").contains("hx-get=\"/home/approvals/waiting\"");
    }

    @Test
    void anotherWorkspacesItemsAreNeverShown() {
        Member owner = workspaces.workspace("Busy workspace");
        String campaign = approvals().campaign(owner, "Secret launch");
        // a manager asks for the reviews: under separation of duties the owner decides only what others requested
        approvals().initialized(workspaces.addMember(owner, Role.MANAGER), campaign);
        TaskTestDataApi tasks = new TaskTestDataApi(mvc);
        String late = tasks.createId(owner, tasks.campaign(owner, "Secret work"), """
                {"title":"Secret task","dueDate":"%s"}""".formatted(LocalDate.now().minusDays(3)));
        assertThat(tasks.assign(owner, late, owner.userId().toString())).hasStatusOk();
        MockHttpSession busy = web.signIn(owner);
        assertThat(web.fragment(busy, "/home/approvals/waiting")).contains("Secret launch");
        assertThat(web.fragment(busy, "/home/tasks")).contains("Secret task");
        assertThat(web.fragment(busy, "/nav/badges")).contains("waiting)</span>").contains("(1 overdue)</span>");

        Member other = workspaces.workspace("Quiet workspace");
        Member otherApprover = workspaces.addMember(other, Role.APPROVER);
        approvals().campaign(other, "Own campaign");
        for (MockHttpSession session : new MockHttpSession[] {web.signIn(other), web.signIn(otherApprover)}) {
            assertThat(web.fragment(session, "/home/approvals/waiting")).contains("Nothing waits for your decision")
                    .doesNotContain("Secret launch");
            assertThat(web.fragment(session, "/home/tasks")).doesNotContain("Secret task");
            assertThat(web.fragment(session, "/home/campaigns")).doesNotContain("Secret launch");
            assertThat(web.fragment(session, "/home/approvals/decisions")).doesNotContain("Secret launch");
            assertThat(web.fragment(session, "/nav/badges")).doesNotContain("waiting)</span>").doesNotContain("overdue)</span>");
        }
    }

    @Test
    void theSectionsAndBadgesRunTheSameQueriesForOneEntryAsForMany() {
        Member owner = workspaces.workspace("Query counts");
        Member approver = workspaces.addMember(owner, Role.APPROVER);
        TaskTestDataApi tasks = new TaskTestDataApi(mvc);
        MockHttpSession ownerSession = web.signIn(owner);
        MockHttpSession approverSession = web.signIn(approver);
        String[] paths = {"/home/approvals/waiting", "/home/approvals/decisions", "/home/tasks", "/nav/badges"};

        addWork(owner, approver, tasks, "First");
        long[] few = new long[paths.length];
        for (int i = 0; i < paths.length; i++) {
            few[i] = statements(paths[i].contains("approvals/waiting") ? approverSession : ownerSession, paths[i]);
            assertThat(few[i]).as("statements for %s", paths[i]).isPositive();
        }
        addWork(owner, approver, tasks, "Second");
        addWork(owner, approver, tasks, "Third");
        for (int i = 0; i < paths.length; i++) {
            long many = statements(paths[i].contains("approvals/waiting") ? approverSession : ownerSession, paths[i]);
            assertThat(many).as("statements for %s with three times the entries", paths[i]).isEqualTo(few[i]);
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A campaign whose approvals wait for the approver and whose content they reject; two late tasks for the owner. */
    private void addWork(Member owner, Member approver, TaskTestDataApi tasks, String name) {
        String campaign = approvals().campaign(owner, name + " campaign");
        approvals().initialized(owner, campaign);
        assertThat(approvals().reject(approver, approvals().scopeId(owner, campaign, "content"), "Not yet")).hasStatusOk();
        String work = tasks.campaign(owner, name + " work");
        for (int i = 0; i < 2; i++) {
            String task = tasks.createId(owner, work, """
                    {"title":"%s task %d","dueDate":"%s"}""".formatted(name, i, LocalDate.now().minusDays(i + 1)));
            assertThat(tasks.assign(owner, task, owner.userId().toString())).hasStatusOk();
        }
    }

    /**
     * The fewest statements of a few runs, a moment apart: the counts are the whole application's, and the work just
     * added sets off listeners and jobs (notifications and their email) whose queries must not count.
     */
    private long statements(MockHttpSession session, String path) {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        boolean enabled = statistics.isStatisticsEnabled();
        statistics.setStatisticsEnabled(true);
        try {
            long least = Long.MAX_VALUE;
            for (int i = 0; i < 5; i++) {
                sleep(Duration.ofMillis(250));
                statistics.clear();
                web.fragment(session, path);
                least = Math.min(least, statistics.getPrepareStatementCount());
            }
            return least;
        } finally {
            statistics.setStatisticsEnabled(enabled);
        }
    }
}
