package io.flightdeck.audit;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import io.flightdeck.support.WebSessions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit log as a marketer reads it: one entry per request with each record it changed, kinds and fields in words,
 * people's names instead of ids, a link to each record; the raw rows only for admins, on demand.
 */
@FlightdeckTest
class AuditReadingTests {

    private static final String ENTRIES = "/api/v1/audit-log/entries";

    @Autowired
    MockMvcTester mvc;
    @Autowired
    WebSessions web;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private static String campaignBody(String name, int amount, Object ownerId) {
        return """
                {"name":"%s","type":"EVENT","channels":["EMAIL"],"startDate":"2027-06-01","endDate":"2027-06-30",
                 "budget":{"amount":%d,"currency":"USD"}%s}""".formatted(name, amount,
                ownerId == null ? "" : ",\"ownerId\":\"" + ownerId + "\"");
    }

    private String createCampaign(Member as, String name) {
        MvcTestResult created = api.as(as).post("/api/v1/campaigns", campaignBody(name, 900, null));
        assertThat(created).hasStatus(201);
        return Json.read(created, "$.id");
    }

    @Test
    void entriesNameTheRecordTheFieldsAndThePeopleAndLinkToTheRecord() throws Exception {
        Member owner = workspaces.withoutApprovals("Audit in words");
        Member manager = workspaces.addMember(owner, Role.MANAGER);
        String id = createCampaign(owner, "Autumn push");
        assertThat(api.as(owner).put("/api/v1/campaigns/" + id, campaignBody("Autumn push", 1200, manager.userId())))
                .hasStatusOk();

        MvcTestResult answer = api.as(manager).get(ENTRIES + "?entityId=" + id);
        assertThat(answer).hasStatusOk();
        List<Map<String, Object>> entries = Json.read(answer, "$.items");
        assertThat(entries).hasSize(2);
        Map<String, Object> newest = entries.get(0);
        assertThat(newest).containsEntry("who", owner.actor().displayName()).containsEntry("viaApiKey", false);
        List<Map<String, Object>> records = Json.read(answer, "$.items[0].records");
        assertThat(records).singleElement().satisfies(r -> assertThat(r).containsEntry("action", "updated")
                .containsEntry("kind", "Campaign").containsEntry("title", "Autumn push")
                .containsEntry("url", "/campaigns/" + id));
        List<Map<String, Object>> fields = Json.read(answer, "$.items[0].records[0].fields");
        assertThat(fields).contains(Map.of("field", "Budget", "from", "900", "to", "1200"),
                Map.of("field", "Owner", "from", owner.actor().displayName(), "to", manager.actor().displayName()));
        String body = answer.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).doesNotContain("budgetAmount").doesNotContain("ownerId")
                .doesNotContain(manager.userId().toString()).doesNotContain("clientAddress");
        // The created entry lists what was filled in, in words: the type and channel as people write them.
        List<Map<String, Object>> created = Json.read(answer, "$.items[1].records[0].fields");
        assertThat(created).extracting(f -> f.get("field") + ": " + f.get("to"))
                .contains("Type: Event", "Channels: Email", "Budget: 900", "Status: Draft");

        // The page says the same for a manager, with the link, and without the raw values.
        MockHttpSession page = web.signIn(manager);
        String html = html(mvc.get().uri("/audit?entityId=" + id).session(page).exchange());
        // Ids may stay in the filter's values; the entries themselves show none.
        html = html.substring(html.indexOf("<ol class=\"audit-entries\">"));
        assertThat(html).contains("Campaign · Budget").contains("Campaign · Owner")
                .contains("href=\"/campaigns/" + id + "\"").contains(">Autumn push</a>")
                .contains(owner.actor().displayName()).contains(manager.actor().displayName())
                .doesNotContain("budgetAmount").doesNotContain(manager.userId().toString())
                .doesNotContain("Raw values").doesNotContain("Export CSV");
    }

    @Test
    void oneRequestThatChangesSeveralRecordsIsOneEntry() {
        Member owner = workspaces.withoutApprovals("Audit one entry");
        String id = createCampaign(owner, "Grouped");
        String strategies = "/api/v1/campaigns/" + id + "/strategies";
        assertThat(api.as(owner).post(strategies, "{\"goals\":[\"Leads\"],\"basedOnVersion\":0}")).hasStatus(201);
        // Saving version 2 creates it and supersedes version 1: two rows, one request.
        assertThat(api.as(owner).post(strategies, "{\"goals\":[\"More leads\"],\"basedOnVersion\":1}")).hasStatus(201);

        MvcTestResult raw = api.as(owner).get("/api/v1/audit-log?entityType=StrategyVersion");
        assertThat((Integer) Json.read(raw, "$.total")).isEqualTo(3);
        MvcTestResult answer = api.as(owner).get(ENTRIES + "?entityType=StrategyVersion&size=1");
        assertThat((Integer) Json.read(answer, "$.total")).isEqualTo(2);
        assertThat((Integer) Json.read(answer, "$.totalPages")).isEqualTo(2);
        List<Map<String, Object>> records = Json.read(answer, "$.items[0].records");
        assertThat(records).extracting(r -> r.get("action")).containsExactlyInAnyOrder("created", "updated");
        assertThat(records).extracting(r -> r.get("kind")).containsOnly("Strategy");
        assertThat(records).extracting(r -> r.get("title")).containsExactlyInAnyOrder("Version 1 of Grouped", "Version 2 of Grouped");
        assertThat(records).extracting(r -> r.get("url")).contains("/campaigns/" + id + "/strategy/versions/2");
        List<String> changeSets = Json.read(raw, "$.items[*].changeSet");
        String newest = Json.read(answer, "$.items[0].changeSet");
        assertThat(changeSets).filteredOn(newest::equals).hasSize(2);
        assertThat(changeSets.stream().distinct()).hasSize(2);
        assertThat(Json.<Object>read(answer, "$.items[0].records[?(@.action == 'updated')].fields[*].to").toString())
                .contains("Superseded");
    }

    @Test
    void rawValuesAreForAdminsOnDemandAndLowerRolesSeeNothing() {
        Member owner = workspaces.withoutApprovals("Audit raw");
        String id = createCampaign(owner, "Raw values");
        MockHttpSession admin = web.signIn(owner);

        String plain = html(mvc.get().uri("/audit?entityId=" + id).session(admin).exchange());
        assertThat(plain).contains("<details class=\"audit-raw\">").contains("<summary>Raw values</summary>")
                .contains("budgetAmount").contains("Show raw values").contains("Export CSV");
        String open = html(mvc.get().uri("/audit?raw=1&entityId=" + id).session(admin).exchange());
        assertThat(open).contains("<details class=\"audit-raw\" open=\"open\">").contains("Hide raw values");

        Member manager = workspaces.addMember(owner, Role.MANAGER);
        MockHttpSession managerPage = web.signIn(manager);
        String managers = html(mvc.get().uri("/audit?raw=1&entityId=" + id).session(managerPage).exchange());
        assertThat(managers).contains("Campaign · Budget").doesNotContain("audit-raw").doesNotContain("budgetAmount");
        assertThat(mvc.get().uri("/audit/export").session(managerPage).exchange()).hasStatus(403);
        assertThat(api.as(manager).get("/api/v1/audit-log")).hasStatus(403);

        for (Role role : List.of(Role.CONTRIBUTOR, Role.VIEWER)) {
            Member member = workspaces.addMember(owner, role);
            assertThat(api.as(member).get(ENTRIES)).as(role.name()).hasStatus(403);
            assertThat(mvc.get().uri("/audit").session(web.signIn(member)).exchange()).as(role.name()).hasStatus(403);
        }
        // Another workspace's admin sees none of it.
        Member stranger = workspaces.withoutApprovals("Audit raw elsewhere");
        assertThat((Integer) Json.read(api.as(stranger).get(ENTRIES + "?entityId=" + id), "$.total")).isZero();
    }

    @Test
    void structuredValuesAndIdsOfOtherRecordsReadInWords() throws Exception {
        Member owner = workspaces.withoutApprovals("Audit values in words");
        String id = createCampaign(owner, "Winter sale");
        // A scope's stages were stored as "StageRule[name=Review, approverRole=APPROVER, ...]" and shown so.
        assertThat(api.as(owner).post("/api/v1/approval-scopes", """
                {"key":"legal","name":"Legal review","stages":[{"name":"Review","approverRole":"APPROVER"},
                 {"name":"Brand","approverRole":"MANAGER","requiredApprovals":2}]}""")).hasStatus(201);
        MvcTestResult scopes = api.as(owner).get(ENTRIES + "?entityType=ApprovalScope");
        assertThat(scopes).hasStatusOk();
        List<Map<String, Object>> scopeFields = Json.read(scopes, "$.items[0].records[0].fields");
        assertThat(scopeFields).extracting(f -> f.get("field") + ": " + f.get("to"))
                .contains("Stages: Review (Approvers, 1 approval) → Brand (Managers, 2 approvals)", "Enabled: Yes");
        assertThat(scopes.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .doesNotContain("StageRule").doesNotContain("approverRole");

        // A task's campaign was its id; it reads as the campaign's name.
        assertThat(api.as(owner).post("/api/v1/campaigns/" + id + "/tasks", "{\"title\":\"[Draft] Write the launch email\"}"))
                .hasStatus(201);
        MvcTestResult tasks = api.as(owner).get(ENTRIES + "?entityType=Task");
        assertThat(tasks).hasStatusOk();
        List<Map<String, Object>> taskFields = Json.read(tasks, "$.items[0].records[0].fields");
        assertThat(taskFields).extracting(f -> f.get("field") + ": " + f.get("to"))
                .contains("Campaign: Winter sale", "Title: [Draft] Write the launch email").noneMatch(text -> text.contains(id));
        assertThat((String) Json.read(tasks, "$.items[0].records[0].title")).isEqualTo("[Draft] Write the launch email");

        // The campaign's dates read in the workspace's format, not as ISO text.
        List<Map<String, Object>> campaignFields = Json.read(api.as(owner).get(ENTRIES + "?entityId=" + id),
                "$.items[0].records[0].fields");
        assertThat(campaignFields).extracting(f -> f.get("field") + ": " + f.get("to"))
                .contains("Start date: 1 Jun 2027", "End date: 30 Jun 2027");
    }

    @Test
    void rowsWrittenBeforeReadInWordsTooAndUnknownStructuresOnlySayChanged() {
        Member owner = workspaces.withoutApprovals("Audit older rows");
        Member other = workspaces.withoutApprovals("Audit someone else's workspace");
        // As rows were stored before: a record's toString(), a map's toString(), an account's workspace id.
        insertRow(owner, "ApprovalScope", """
                {"stages":{"from":null,"to":["StageRule[name=Review, approverRole=APPROVER, approverIds=[], \
                requiredApprovals=1, escalateToRole=MANAGER, escalateToMember=null]"]},
                 "weeklyHours":{"from":"{MONDAY=8.0}","to":"Settings[a=1]"}}""");
        insertRow(owner, "UserAccount", """
                {"lastWorkspaceId":{"from":"%s","to":"%s"}}""".formatted(other.workspaceId(), owner.workspaceId()));

        MvcTestResult scope = api.as(owner).get(ENTRIES + "?entityType=ApprovalScope");
        assertThat(scope).hasStatusOk();
        List<Map<String, Object>> fields = Json.read(scope, "$.items[0].records[0].fields");
        assertThat(fields).extracting(f -> f.get("field") + ": " + f.get("from") + " → " + f.get("to"))
                .containsExactlyInAnyOrder("Stages: null → Review (Approvers, 1 approval)", "Weekly hours: null → changed");
        assertThat(Json.body(scope)).doesNotContain("StageRule").doesNotContain("MONDAY");

        MvcTestResult account = api.as(owner).get(ENTRIES + "?entityType=UserAccount");
        assertThat((String) Json.read(account, "$.items[0].records[0].kind")).isEqualTo("Account");
        List<Map<String, Object>> accountFields = Json.read(account, "$.items[0].records[0].fields");
        assertThat(accountFields).extracting(f -> f.get("field") + ": " + f.get("from") + " → " + f.get("to"))
                .containsExactly("Last workspace: Another workspace → Audit older rows");
        assertThat(Json.body(account)).doesNotContain(other.workspaceId().toString())
                .doesNotContain("Audit someone else");
    }

    /** A row as the recorder wrote it before values were stored as JSON, newest of all. */
    private void insertRow(Member owner, String entityType, String changes) {
        jdbc.update("""
                insert into audit_log (id, tenant_id, actor_user_id, actor_name, action, entity_type, entity_id, changes,
                                       occurred_at, change_set) values (?, ?, ?, ?, 'updated', ?, ?, ?, ?, ?)""",
                java.util.UUID.randomUUID(), owner.workspaceId(), owner.userId(), "Someone", entityType,
                java.util.UUID.randomUUID(), changes, java.sql.Timestamp.from(java.time.Instant.parse("2100-01-01T00:00:00Z")),
                java.util.UUID.randomUUID().toString());
    }

    @Test
    void anApprovalIsNamedByItsScopeAndCampaign() {
        Member owner = workspaces.withoutApprovals("Audit approval names");
        String id = createCampaign(owner, "Spring launch");
        assertThat(api.as(owner).post("/api/v1/approval-scopes", """
                {"key":"legal","name":"Legal review"}""")).hasStatus(201);
        assertThat(api.as(owner).post("/api/v1/campaigns/" + id + "/approvals/initialize", "{}")).hasStatusOk();

        MvcTestResult answer = api.as(owner).get(ENTRIES + "?entityType=Approval");
        assertThat(answer).hasStatusOk();
        List<Map<String, Object>> records = Json.read(answer, "$.items[0].records");
        assertThat(records).extracting(r -> r.get("title")).contains("Legal review · Spring launch");
        assertThat(records).allSatisfy(r -> assertThat((String) r.get("url")).startsWith("/approvals/"));
        List<Map<String, Object>> fields = Json.read(answer, "$.items[0].records[0].fields");
        assertThat(fields).extracting(f -> f.get("field") + ": " + f.get("to")).contains("Campaign: Spring launch")
                .anyMatch(text -> text.startsWith("Stages: Review (Approvers, 1 approval)"));
    }

    @Test
    void badFiltersAreProblemsNotErrors() {
        Member owner = workspaces.withoutApprovals("Audit bad filters");
        assertThat(api.as(owner).get(ENTRIES + "?entityId=not-an-id")).hasStatus(400);
        assertThat(api.as(owner).get(ENTRIES + "?from=yesterday")).hasStatus(400);
        // An action the log never records was an empty page; it is a mistake, said as a problem.
        MvcTestResult action = api.as(owner).get(ENTRIES + "?action=exploded");
        assertThat(action).hasStatus(400).hasContentTypeCompatibleWith("application/problem+json");
        assertThat(Json.body(action)).contains("created, updated or deleted");
        assertThat(api.as(owner).get("/api/v1/audit-log?action=exploded")).hasStatus(400);
        assertThat(api.as(owner).get(ENTRIES + "?size=lots")).hasStatus(400);
        MockHttpSession page = web.signIn(owner);
        assertThat(mvc.get().uri("/audit?from=yesterday").session(page).exchange()).hasStatus(400);
        assertThat(mvc.get().uri("/audit?action=exploded").session(page).exchange()).hasStatus(400);
    }

    private static String html(MvcTestResult result) {
        assertThat(result).hasStatusOk();
        try {
            return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
