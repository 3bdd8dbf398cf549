package io.flightdeck.exports;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import io.flightdeck.approvals.ApprovalRequests;
import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.TestCampaigns;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebSessions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.flightdeck.exports.ExportedFiles.assertProblem;
import static io.flightdeck.exports.ExportedFiles.column;
import static io.flightdeck.exports.ExportedFiles.csv;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lists' exports through the API and the pages: the rows the list's filters keep, as CSV (read with Commons CSV)
 * and Excel (read with Apache POI), a formula-like name written as text, another workspace's rows absent, a viewer
 * allowed where the list is theirs to read, and a wrong format a problem.
 */
@FlightdeckTest
class ListExportsApiTests {

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    TestCampaigns campaigns;
    @Autowired
    WebSessions web;
    @Autowired
    MockMvcTester mvc;

    private ListRows make;

    @BeforeEach
    void rowMaker() {
        make = new ListRows(api);
    }

    @Test
    void campaignsExportWhatTheListShows() throws IOException {
        Member owner = workspaces.workspace("Exports campaigns");
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        campaigns.create(owner, "=HYPERLINK(\"x\") spring");
        campaigns.create(owner, "Autumn launch");
        campaigns.create(workspaces.workspace("Exports elsewhere"), "Elsewhere spring");

        MvcTestResult csv = api.as(viewer).get("/api/v1/campaigns/export?format=csv&q=spring");
        assertThat(csv).hasStatusOk();
        assertThat(csv.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION))
                .matches("attachment; filename=\"campaigns-\\d{4}-\\d{2}-\\d{2}\\.csv\"");
        List<List<String>> rows = csv(csv);
        assertThat(rows.get(0)).startsWith("Id", "Name", "Status");
        assertThat(rows.subList(1, rows.size())).extracting(r -> r.get(1))
                .containsExactly("'=HYPERLINK(\"x\") spring");

        MvcTestResult xlsx = api.as(viewer).get("/api/v1/campaigns/export?format=xlsx");
        assertThat(xlsx).hasStatusOk();
        assertThat(xlsx.getResponse().getContentType()).startsWith(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(column(xlsx, "Campaigns", 1)).containsExactlyInAnyOrder("'=HYPERLINK(\"x\") spring", "Autumn launch");

        MockHttpSession session = web.signIn(viewer);
        MvcTestResult page = mvc.get().uri("/campaigns/export?format=csv&q=autumn").session(session).exchange();
        assertThat(page).hasStatusOk();
        assertThat(csv(page).subList(1, 2)).extracting(r -> r.get(1)).containsExactly("Autumn launch");
        assertThat(mvc.get().uri("/campaigns?q=autumn").session(session).exchange()).hasStatusOk().bodyText()
                .contains("/campaigns/export?format=xlsx&amp;q=autumn");

        assertProblem(api.as(viewer).get("/api/v1/campaigns/export?format=pdf"), "format");
        assertThat(api.as(viewer).get("/api/v1/campaigns/export?format=csv&sort=nope")).hasStatus(400);
        assertThat(api.as(viewer).get("/api/v1/campaigns/export?status=NOPE")).hasStatus(400);
    }

    @Test
    void theAuditLogExportsItsRawRowsToAdmins() throws IOException {
        Member owner = workspaces.workspace("Exports audit");
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        String id = campaigns.create(owner, "-1 audited");
        campaigns.create(workspaces.workspace("Exports audit elsewhere"), "Elsewhere audited");

        List<List<String>> rows = csv(api.as(owner).get("/api/v1/audit-log/export?entityId=" + id));
        assertThat(rows.get(0)).startsWith("occurred_at", "actor", "actor_user_id");
        assertThat(rows.subList(1, rows.size())).isNotEmpty().allSatisfy(r -> assertThat(r.get(6)).isEqualTo(id));
        assertThat(rows.subList(1, rows.size()).toString()).contains("-1 audited").doesNotContain("Elsewhere");

        MvcTestResult xlsx = api.as(owner).get("/api/v1/audit-log/export?format=xlsx");
        assertThat(xlsx).hasStatusOk();
        assertThat(xlsx.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION)).endsWith(".xlsx\"");
        assertThat(column(xlsx, "Audit log", 6)).contains(id);
        assertThat(String.join(" ", column(xlsx, "Audit log", 7))).doesNotContain("Elsewhere");

        MockHttpSession session = web.signIn(owner);
        MvcTestResult page = mvc.get().uri("/audit/export?format=xlsx").session(session).exchange();
        assertThat(page).hasStatusOk();
        assertThat(column(page, "Audit log", 6)).contains(id);
        assertThat(mvc.get().uri("/audit").session(session).exchange()).bodyText().contains("/audit/export?format=xlsx");

        // the raw log is the admins': a viewer cannot read it, so cannot export it
        assertThat(api.as(viewer).get("/api/v1/audit-log/export")).hasStatus(403);
        assertProblem(api.as(owner).get("/api/v1/audit-log/export?format=docx"), "format");
        assertThat(api.as(owner).get("/api/v1/audit-log/export?from=yesterday")).hasStatus(400);
    }

    @Test
    void contactsExportToManagersAsTheListFilters() throws IOException {
        Member owner = workspaces.workspace("Exports contacts");
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        make.contact(owner, "ana@example.com", "@Ana");
        make.contact(owner, "bo@example.com", "Bo");
        make.contact(workspaces.workspace("Exports contacts elsewhere"), "theirs@example.com", "Theirs");

        MvcTestResult xlsx = api.as(owner).get("/api/v1/email/contacts/export?format=xlsx&q=ana");
        assertThat(xlsx).hasStatusOk();
        assertThat(xlsx.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION)).contains("contacts-").endsWith(".xlsx\"");
        assertThat(column(xlsx, "Contacts", 0)).containsExactly("ana@example.com");
        assertThat(column(xlsx, "Contacts", 1)).containsExactly("'@Ana");
        List<List<String>> rows = csv(api.as(owner).get("/api/v1/email/contacts/export?format=csv"));
        assertThat(rows.subList(1, rows.size())).extracting(r -> r.get(0))
                .containsExactly("ana@example.com", "bo@example.com");

        MvcTestResult page = mvc.get().uri("/email/contacts/export?format=xlsx").session(web.signIn(owner)).exchange();
        assertThat(column(page, "Contacts", 0)).containsExactly("ana@example.com", "bo@example.com");

        // bulk personal data stays the managers' (as contacts.csv always was)
        assertThat(api.as(viewer).get("/api/v1/email/contacts/export?format=xlsx")).hasStatus(403);
        assertProblem(api.as(owner).get("/api/v1/email/contacts/export?format=ods"), "format");
        assertThat(api.as(owner).get("/api/v1/email/contacts/export?status=LOST")).hasStatus(400);
    }

    @Test
    void tasksExportAsTheirListsFilter() throws IOException {
        Member owner = workspaces.workspace("Exports tasks");
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        String campaign = campaigns.create(owner, "Tasked");
        make.task(owner, campaign, "+Brief the agency");
        make.task(owner, campaign, "Book the venue");
        Member other = workspaces.workspace("Exports tasks elsewhere");
        String theirs = campaigns.create(other, "Their campaign");
        make.task(other, theirs, "Their brief");

        String path = "/api/v1/campaigns/" + campaign + "/tasks/export";
        List<List<String>> rows = csv(api.as(viewer).get(path + "?format=csv&q=brief"));
        assertThat(rows.get(0)).startsWith("Id", "Title", "Kind", "Status");
        assertThat(rows.subList(1, rows.size())).extracting(r -> r.get(1)).containsExactly("'+Brief the agency");
        MvcTestResult xlsx = api.as(viewer).get("/api/v1/tasks/export?format=xlsx");
        assertThat(xlsx).hasStatusOk();
        assertThat(xlsx.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION)).contains("tasks-").endsWith(".xlsx\"");
        assertThat(column(xlsx, "Tasks", 1)).containsExactlyInAnyOrder("'+Brief the agency", "Book the venue");
        assertThat(column(xlsx, "Tasks", 6)).containsOnly("Tasked");

        MockHttpSession session = web.signIn(viewer);
        MvcTestResult page = mvc.get().uri("/campaigns/" + campaign + "/tasks/export?format=csv&q=venue")
                .session(session).exchange();
        assertThat(page).hasStatusOk();
        assertThat(csv(page).subList(1, 2)).extracting(r -> r.get(1)).containsExactly("Book the venue");
        assertThat(mvc.get().uri("/campaigns/" + campaign + "/tasks?q=venue").session(session).exchange())
                .hasStatusOk().bodyText().contains("/campaigns/" + campaign + "/tasks/export?format=xlsx&amp;q=venue");

        assertThat(api.as(viewer).get("/api/v1/campaigns/" + theirs + "/tasks/export?format=csv")).hasStatus(404);
        assertProblem(api.as(viewer).get(path + "?format=pdf"), "format");
        assertProblem(api.as(viewer).get(path + "?status=lost"), "status");
        assertProblem(api.as(viewer).get("/api/v1/tasks/export?sort=nope"), "sort");
    }

    @Test
    void assetsExportWhatTheLibraryFinds() throws IOException {
        Member owner = workspaces.workspace("Exports assets");
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        make.asset(owner, "=SUM(1) hero line");
        make.asset(owner, "Autumn line");
        make.asset(workspaces.workspace("Exports assets elsewhere"), "Their hero line");

        String path = "/api/v1/campaign-assets/search/export";
        List<List<String>> rows = csv(api.as(viewer).get(path + "?format=csv&q=hero"));
        assertThat(rows.get(0)).startsWith("Id", "Name", "Type");
        assertThat(rows.subList(1, rows.size())).extracting(r -> r.get(1)).containsExactly("'=SUM(1) hero line");
        MvcTestResult xlsx = api.as(viewer).get(path + "?format=xlsx&type=HEADLINE");
        assertThat(xlsx).hasStatusOk();
        assertThat(xlsx.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION)).contains("assets-").endsWith(".xlsx\"");
        assertThat(column(xlsx, "Assets", 1)).containsExactlyInAnyOrder("'=SUM(1) hero line", "Autumn line");

        // the page's own filters and orders, the database's (sort=name) as well as the index's
        MockHttpSession session = web.signIn(viewer);
        MvcTestResult page = mvc.get().uri("/assets/export?format=csv&sort=name").session(session).exchange();
        assertThat(page).hasStatusOk();
        assertThat(csv(page).subList(1, 3)).extracting(r -> r.get(1)).containsExactly("'=SUM(1) hero line", "Autumn line");
        assertThat(csv(mvc.get().uri("/assets/export?q=autumn").session(session).exchange()).subList(1, 2))
                .extracting(r -> r.get(1)).containsExactly("Autumn line");
        assertThat(mvc.get().uri("/assets?q=autumn").session(session).exchange()).hasStatusOk().bodyText()
                .contains("/assets/export?format=xlsx&amp;q=autumn");

        assertProblem(api.as(viewer).get(path + "?format=pdf"), "format");
        assertProblem(api.as(viewer).get(path + "?sort=nope"), "sort");
        assertThat(api.as(viewer).get(path + "?type=NOPE")).hasStatus(400);
    }

    @Test
    void postsExportAsTheCalendarListsThem() throws IOException {
        Member owner = workspaces.withoutApprovals("Exports posts");
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        ApprovalRequests requests = new ApprovalRequests(mvc);
        String campaign = requests.campaign(owner, "Posted");
        LocalDate month = LocalDate.now(ZoneOffset.UTC).plusMonths(1).withDayOfMonth(1);
        String account = make.sandboxAccount(owner);
        make.post(owner, campaign, account, "=1+1 is back", month.withDayOfMonth(10));
        make.post(owner, campaign, account, "Spring roast", month.withDayOfMonth(14));
        Member other = workspaces.withoutApprovals("Exports posts elsewhere");
        String theirs = requests.campaign(other, "Theirs");
        make.post(other, theirs, make.sandboxAccount(other), "Their post", month.withDayOfMonth(10));

        String range = "&from=" + month.atStartOfDay(ZoneOffset.UTC).toInstant() + "&to="
                + month.plusMonths(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<List<String>> rows = csv(api.as(viewer).get("/api/v1/social/posts/export?format=csv" + range));
        assertThat(rows.get(0)).startsWith("Id", "Post id", "Campaign id", "Campaign");
        assertThat(rows.subList(1, rows.size())).extracting(r -> r.get(11)).containsExactly("'=1+1 is back", "Spring roast");
        assertThat(rows.subList(1, rows.size())).extracting(r -> r.get(3)).containsOnly("Posted");
        MvcTestResult xlsx = api.as(viewer).get("/api/v1/social/posts/export?format=xlsx&campaignId=" + campaign + range);
        assertThat(xlsx.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION)).contains("posts-").endsWith(".xlsx\"");
        assertThat(column(xlsx, "Posts", 11)).containsExactly("'=1+1 is back", "Spring roast");
        // another workspace's campaign lists nothing through the API, as the list does
        assertThat(csv(api.as(viewer).get("/api/v1/social/posts/export?campaignId=" + theirs + range))).hasSize(1);

        MockHttpSession session = web.signIn(viewer);
        MvcTestResult page = mvc.get().uri("/social/calendar/export?format=csv&date=" + month + "&channel=twitter")
                .session(session).exchange();
        assertThat(page).hasStatusOk();
        assertThat(csv(page).subList(1, 3)).extracting(r -> r.get(11)).containsExactly("'=1+1 is back", "Spring roast");
        assertThat(mvc.get().uri("/social/calendar?date=" + month).session(session).exchange()).hasStatusOk()
                .bodyText().contains("/social/calendar/export?format=xlsx&amp;view=month&amp;date=" + month);
        assertThat(mvc.get().uri("/social/calendar/export?campaignId=" + theirs).session(session).exchange())
                .hasStatus(404);

        assertProblem(api.as(viewer).get("/api/v1/social/posts/export?format=pdf" + range), "format");
        assertProblem(api.as(viewer).get("/api/v1/social/posts/export?from=" + month.plusMonths(1)
                .atStartOfDay(ZoneOffset.UTC).toInstant() + "&to=" + month.atStartOfDay(ZoneOffset.UTC).toInstant()), "to");
        assertThat(api.as(viewer).get("/api/v1/social/posts/export?from=soon&to=later")).hasStatus(400);
        assertThat(mvc.get().uri("/social/calendar/export?view=year").session(session).exchange()).hasStatus(400);
    }

    @Test
    void emailSendsExportWithTheirProgress() throws IOException {
        Member owner = workspaces.workspace("Exports sends");
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        String sale = campaigns.create(owner, "Sale");
        String news = campaigns.create(owner, "News");
        make.email(owner, sale, "-Sale teaser");
        make.email(owner, news, "December news");
        Member other = workspaces.workspace("Exports sends elsewhere");
        String theirs = campaigns.create(other, "Theirs");
        make.email(other, theirs, "Their news");

        List<List<String>> rows = csv(api.as(viewer).get("/api/v1/email/campaigns/export?format=csv"));
        assertThat(rows.get(0)).startsWith("Id", "Name", "Subject", "Status", "Campaign id", "Campaign");
        assertThat(rows.subList(1, rows.size())).extracting(r -> r.get(1)).containsExactly("December news", "'-Sale teaser");
        assertThat(rows.subList(1, rows.size())).extracting(r -> r.get(5)).containsExactly("News", "Sale");
        MvcTestResult xlsx = api.as(viewer).get("/api/v1/email/campaigns/export?format=xlsx&campaignId=" + sale);
        assertThat(xlsx.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION)).contains("email-sends-").endsWith(".xlsx\"");
        assertThat(column(xlsx, "Email sends", 1)).containsExactly("'-Sale teaser");
        // another workspace's campaign lists nothing, as the list does
        assertThat(csv(api.as(viewer).get("/api/v1/email/campaigns/export?campaignId=" + theirs))).hasSize(1);

        MockHttpSession session = web.signIn(viewer);
        MvcTestResult page = mvc.get().uri("/email/campaigns/export?format=xlsx").session(session).exchange();
        assertThat(page).hasStatusOk();
        assertThat(column(page, "Email sends", 1)).containsExactly("December news", "'-Sale teaser");
        assertThat(mvc.get().uri("/email/campaigns").session(session).exchange()).hasStatusOk().bodyText()
                .contains("/email/campaigns/export?format=xlsx");

        assertProblem(api.as(viewer).get("/api/v1/email/campaigns/export?format=pdf"), "format");
        assertThat(api.as(viewer).get("/api/v1/email/campaigns/export?campaignId=nope")).hasStatus(400);
    }
}
