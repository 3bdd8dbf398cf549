package io.flightdeck.audit;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import com.jayway.jsonpath.JsonPath;
import io.flightdeck.shared.crypto.Hashing;
import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.MutableClock;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import jakarta.persistence.EntityManager;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit log as an admin reads it: every write of a campaign, a membership or an API key leaves one row with who,
 * what, which fields changed, the request id and the client address; secrets are redacted; filters narrow; other
 * workspaces and lower roles see nothing; the CSV export holds the same rows; a rolled-back write leaves no row.
 */
@FlightdeckTest
class AuditLogTests {

    private static final String CAMPAIGNS = "/api/v1/campaigns";
    private static final String AUDIT = "/api/v1/audit-log";
    private static final String CSV_HEADER = "occurred_at,actor,actor_user_id,actor_api_key_id,action,entity_type,"
            + "entity_id,changes,request_id,client_address,change_set";

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApiClient api;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    EntityManager entityManager;
    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    // --- requests ---

    private static String campaignBody(String name) {
        return """
                {"name":"%s","description":"A campaign worth auditing, described","type":"EVENT","channels":["EMAIL"],
                 "startDate":"2027-06-01","endDate":"2027-06-30","budget":{"amount":900,"currency":"USD"}}""".formatted(name);
    }

    private MvcTestResult createCampaign(String bearer, String body, String requestId) {
        var request = mvc.post().uri(CAMPAIGNS).header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON).content(body);
        if (requestId != null) {
            request = request.header("X-Request-Id", requestId);
        }
        return request.exchange();
    }

    private String createCampaign(Member as, String name) {
        MvcTestResult created = createCampaign(as.bearer(), campaignBody(name), null);
        assertThat(created).hasStatus(201);
        return Json.read(created, "$.id");
    }

    private MvcTestResult post(Member as, String path, String requestId) {
        return mvc.post().uri(path).header(HttpHeaders.AUTHORIZATION, as.bearer()).header("X-Request-Id", requestId).exchange();
    }

    /** A launch that confirms it is early (the audited campaigns start in 2027). */
    private MvcTestResult launch(Member as, String id, String requestId) {
        return mvc.post().uri(CAMPAIGNS + "/" + id + "/launch").header(HttpHeaders.AUTHORIZATION, as.bearer())
                .header("X-Request-Id", requestId).contentType(MediaType.APPLICATION_JSON).content("{\"confirm\":true}")
                .exchange();
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The audit log answer for a query such as {@code entityId=...&action=created}; values are encoded here. */
    private MvcTestResult auditLog(Member as, String query) {
        return mvc.get().uri(URI.create(AUDIT + "?size=100" + encodedQuery(query)))
                .header(HttpHeaders.AUTHORIZATION, as.bearer()).exchange();
    }

    private static String encodedQuery(String query) {
        StringBuilder encoded = new StringBuilder();
        for (String pair : query.isEmpty() ? new String[0] : query.split("&")) {
            int eq = pair.indexOf('=');
            encoded.append('&').append(pair, 0, eq).append('=').append(encoded(pair.substring(eq + 1)));
        }
        return encoded.toString();
    }

    /** The rows of the audit log for a query, newest first. */
    private List<Map<String, Object>> rows(Member admin, String query) {
        MvcTestResult log = auditLog(admin, query);
        assertThat(log).hasStatusOk();
        return Json.read(log, "$.items");
    }

    private List<Map<String, Object>> rowsOf(Member admin, String entityId) {
        return rows(admin, "entityId=" + entityId);
    }

    private static Map<String, Object> single(List<Map<String, Object>> rows, String key, Object value) {
        List<Map<String, Object>> matching = rows.stream().filter(row -> value.equals(row.get(key))).toList();
        assertThat(matching).as("rows with %s = %s in %s", key, value, rows).hasSize(1);
        return matching.get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> change(Map<String, Object> row, String field) {
        Map<String, Object> changes = (Map<String, Object>) row.get("changes");
        assertThat(changes).as("changes of %s", row).containsKey(field);
        return (Map<String, Object>) changes.get(field);
    }

    private String displayName(Member member) {
        return Json.read(mvc.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, member.bearer()).exchange(), "$.displayName");
    }

    private String membershipIdOf(Member admin, UUID userId) {
        MvcTestResult list = mvc.get().uri("/api/v1/members?size=100").header(HttpHeaders.AUTHORIZATION, admin.bearer()).exchange();
        List<String> ids = Json.read(list, "$.items[?(@.userId == '" + userId + "')].id");
        return ids.get(0);
    }

    private MvcTestResult export(Member as, String query) {
        return mvc.get().uri(URI.create(AUDIT + "/export?x=1" + encodedQuery(query)))
                .header(HttpHeaders.AUTHORIZATION, as.bearer()).exchange();
    }

    private static List<CSVRecord> parseCsv(MvcTestResult export) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(Json.body(export)), format)) {
            assertThat(parser.getHeaderNames()).containsExactly(CSV_HEADER.split(","));
            return parser.getRecords();
        }
    }

    // --- campaign writes ---

    @Test
    void creatingACampaignWritesACreatedRowWithActorRequestAndAddress() {
        Member owner = workspaces.withoutApprovals("Audit create");
        MvcTestResult created = createCampaign(owner.bearer(), campaignBody("Audited launch"), "req-create-42");
        assertThat(created).hasStatus(201).hasHeader("X-Request-Id", "req-create-42");
        String id = Json.read(created, "$.id");

        List<Map<String, Object>> rows = rowsOf(owner, id);

        assertThat(rows).hasSize(1);
        Map<String, Object> row = rows.get(0);
        assertThat(row).containsEntry("action", "created").containsEntry("entityType", "Campaign")
                .containsEntry("entityId", id).containsEntry("actorUserId", owner.userId().toString())
                .containsEntry("actorName", displayName(owner)).containsEntry("requestId", "req-create-42")
                .containsEntry("clientAddress", "127.0.0.1");
        assertThat(row.get("actorApiKeyId")).isNull();
        assertThat(row.get("occurredAt")).isNotNull();
        assertThat(change(row, "name")).containsEntry("from", null).containsEntry("to", "Audited launch");
        assertThat(change(row, "status")).containsEntry("to", "DRAFT");
        assertThat(change(row, "budgetAmount")).containsEntry("to", "900");
        assertThat(change(row, "channels")).containsEntry("to", List.of("EMAIL"));
        assertThat((Map<String, Object>) row.get("changes")).doesNotContainKeys("version", "updatedAt", "updatedBy");
    }

    @Test
    void updatingACampaignWritesAnUpdatedRowWithOnlyTheChangedFields() {
        Member owner = workspaces.withoutApprovals("Audit update");
        String id = createCampaign(owner, "Before rename");

        MvcTestResult updated = mvc.put().uri(CAMPAIGNS + "/" + id).header(HttpHeaders.AUTHORIZATION, owner.bearer())
                .header("X-Request-Id", "req-update-7").contentType(MediaType.APPLICATION_JSON)
                .content(campaignBody("After rename").replace("\"amount\":900", "\"amount\":1200.50")).exchange();
        assertThat(updated).hasStatusOk();

        Map<String, Object> row = single(rowsOf(owner, id), "requestId", "req-update-7");
        assertThat(row).containsEntry("action", "updated").containsEntry("entityType", "Campaign")
                .containsEntry("actorName", displayName(owner));
        assertThat(change(row, "name")).containsEntry("from", "Before rename").containsEntry("to", "After rename");
        assertThat(change(row, "budgetAmount")).containsEntry("from", "900").containsEntry("to", "1200.5");
        assertThat((Map<String, Object>) row.get("changes")).doesNotContainKeys("version", "updatedAt", "updatedBy",
                "description", "startDate", "endDate", "type");
    }

    @Test
    void aTransitionIsAuditedAsAStatusChange() {
        Member owner = workspaces.withoutApprovals("Audit transition");
        String id = createCampaign(owner, "Launch me");
        assertThat(post(owner, CAMPAIGNS + "/" + id + "/plan", "req-plan")).hasStatusOk();
        assertThat(post(owner, CAMPAIGNS + "/" + id + "/mark-ready", "req-ready")).hasStatusOk();
        assertThat(launch(owner, id, "req-launch")).hasStatusOk();

        List<Map<String, Object>> rows = rowsOf(owner, id);

        assertThat(rows).extracting(r -> r.get("requestId")).startsWith("req-launch", "req-ready", "req-plan");
        Map<String, Object> launch = single(rows, "requestId", "req-launch");
        assertThat(launch).containsEntry("action", "updated").containsEntry("entityType", "Campaign");
        assertThat(change(launch, "status")).containsEntry("from", "READY").containsEntry("to", "ACTIVE");
        assertThat(change(single(rows, "requestId", "req-plan"), "status")).containsEntry("from", "DRAFT")
                .containsEntry("to", "PLANNING");
    }

    @Test
    void aForcedLaunchRecordsWhoForcedItAndWhy() {
        Member owner = workspaces.withoutApprovals("Audit forced");
        // marked ready with its details, then thinned out below the threshold
        String id = Json.read(createCampaign(owner.bearer(), campaignBody("Thin"), null), "$.id");
        assertThat(post(owner, CAMPAIGNS + "/" + id + "/plan", "r1")).hasStatusOk();
        assertThat(post(owner, CAMPAIGNS + "/" + id + "/mark-ready", "r2")).hasStatusOk();
        assertThat(mvc.put().uri(CAMPAIGNS + "/" + id).header(HttpHeaders.AUTHORIZATION, owner.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Thin\",\"type\":\"OTHER\"}").exchange())
                .hasStatusOk();
        MvcTestResult forced = mvc.post().uri(CAMPAIGNS + "/" + id + "/launch").header(HttpHeaders.AUTHORIZATION, owner.bearer())
                .header("X-Request-Id", "req-forced").contentType(MediaType.APPLICATION_JSON)
                .content("{\"force\":true,\"reason\":\"Board asked for it\"}").exchange();
        assertThat(forced).hasStatusOk();

        Map<String, Object> row = single(rowsOf(owner, id), "requestId", "req-forced");
        assertThat(change(row, "status")).containsEntry("from", "READY").containsEntry("to", "ACTIVE");
        assertThat(change(row, "forcedLaunchBy")).containsEntry("to", owner.userId().toString());
        assertThat(change(row, "forcedLaunchReason")).containsEntry("to", "Board asked for it");
    }

    @Test
    void aSoftDeleteAndARestoreAreAudited() {
        Member owner = workspaces.withoutApprovals("Audit delete");
        String id = createCampaign(owner, "Delete me");
        assertThat(mvc.delete().uri(CAMPAIGNS + "/" + id).header(HttpHeaders.AUTHORIZATION, owner.bearer())
                .header("X-Request-Id", "req-delete").exchange()).hasStatus(204);
        assertThat(post(owner, CAMPAIGNS + "/" + id + "/restore", "req-restore")).hasStatusOk();

        List<Map<String, Object>> rows = rowsOf(owner, id);
        assertThat(rows).hasSize(3);
        Map<String, Object> deleted = single(rows, "requestId", "req-delete");
        assertThat(deleted).containsEntry("action", "updated").containsEntry("entityType", "Campaign");
        assertThat(change(deleted, "deletedAt")).containsEntry("from", null);
        assertThat(change(deleted, "deletedAt").get("to")).isNotNull();
        Map<String, Object> restored = single(rows, "requestId", "req-restore");
        assertThat(change(restored, "deletedAt")).containsEntry("to", null);
    }

    @Test
    void anUpdateRecordsOnlyWhatChanged() {
        Member owner = workspaces.withoutApprovals("Audit no-op");
        String id = createCampaign(owner, "Unchanged");
        MvcTestResult same = mvc.put().uri(CAMPAIGNS + "/" + id).header(HttpHeaders.AUTHORIZATION, owner.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(campaignBody("Unchanged")).exchange();
        assertThat(same).hasStatusOk();
        assertThat(rowsOf(owner, id)).as("an update that changes nothing").hasSize(1);

        MvcTestResult renamed = mvc.put().uri(CAMPAIGNS + "/" + id).header(HttpHeaders.AUTHORIZATION, owner.bearer())
                .header("X-Request-Id", "req-rename-only").contentType(MediaType.APPLICATION_JSON)
                .content(campaignBody("Renamed only")).exchange();
        assertThat(renamed).hasStatusOk();
        Map<String, Object> row = single(rowsOf(owner, id), "requestId", "req-rename-only");
        assertThat((Map<String, Object>) row.get("changes")).containsOnlyKeys("name");
    }

    // --- memberships and API keys ---

    @Test
    void aRoleChangeIsAuditedOnTheMembership() {
        Member owner = workspaces.withoutApprovals("Audit role");
        Member member = workspaces.addMember(owner, Role.VIEWER);
        String membershipId = membershipIdOf(owner, member.userId());

        MvcTestResult patched = mvc.patch().uri("/api/v1/members/" + membershipId).header(HttpHeaders.AUTHORIZATION, owner.bearer())
                .header("X-Request-Id", "req-role").contentType(MediaType.APPLICATION_JSON).content("{\"role\":\"MANAGER\"}").exchange();
        assertThat(patched).hasStatusOk();

        Map<String, Object> row = single(rows(owner, "entityId=" + membershipId), "requestId", "req-role");
        assertThat(row).containsEntry("entityType", "Membership").containsEntry("action", "updated")
                .containsEntry("actorUserId", owner.userId().toString());
        assertThat(change(row, "role")).containsEntry("from", "VIEWER").containsEntry("to", "MANAGER");
    }

    @Test
    void removingAMemberIsAuditedAsADeletedMembership() {
        Member owner = workspaces.withoutApprovals("Audit removal");
        Member member = workspaces.addMember(owner, Role.CONTRIBUTOR);
        String membershipId = membershipIdOf(owner, member.userId());
        assertThat(mvc.delete().uri("/api/v1/members/" + membershipId).header(HttpHeaders.AUTHORIZATION, owner.bearer())
                .header("X-Request-Id", "req-remove").exchange()).hasStatus(204);

        Map<String, Object> row = single(rows(owner, "entityId=" + membershipId), "requestId", "req-remove");
        assertThat(row).containsEntry("entityType", "Membership").containsEntry("action", "deleted")
                .containsEntry("actorUserId", owner.userId().toString());
    }

    @Test
    void anUnusableRequestIdIsReplacedAndTheReplacementIsStored() {
        Member owner = workspaces.withoutApprovals("Audit request id");
        MvcTestResult created = createCampaign(owner.bearer(), campaignBody("Odd request id"), "not a sane id; drop table");
        String echoed = created.getResponse().getHeader("X-Request-Id");
        assertThat(echoed).isNotBlank().isNotEqualTo("not a sane id; drop table");
        Map<String, Object> row = single(rowsOf(owner, Json.read(created, "$.id")), "action", "created");
        assertThat(row).containsEntry("requestId", echoed);
    }

    @Test
    void theExportNeutralisesSpreadsheetFormulas() throws IOException {
        Member owner = workspaces.withoutApprovals("Audit formula");
        assertThat(mvc.put().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, owner.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"displayName\":\"=HYPERLINK(\\\"http://evil.example\\\")\",\"timeZone\":\"UTC\"}").exchange())
                .hasStatusOk();
        String id = createCampaign(owner, "Formula");
        List<CSVRecord> records = parseCsv(export(owner, "entityId=" + id));
        assertThat(records).singleElement().satisfies(record -> assertThat(record.get("actor")).doesNotStartWith("="));
    }

    @Test
    void aWriteThroughAnApiKeyNamesTheKey() {
        Member owner = workspaces.withoutApprovals("Audit API key");
        MvcTestResult key = mvc.post().uri("/api/v1/api-keys").header(HttpHeaders.AUTHORIZATION, owner.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Sync script\",\"roleCeiling\":\"MANAGER\"}").exchange();
        assertThat(key).hasStatus(201);
        String keyId = Json.read(key, "$.key.id");
        String secret = Json.read(key, "$.secret");

        MvcTestResult created = createCampaign("Bearer " + secret, campaignBody("Made by a script"), "req-by-key");
        assertThat(created).hasStatus(201);
        String id = Json.read(created, "$.id");

        Map<String, Object> row = single(rowsOf(owner, id), "action", "created");
        assertThat(row).containsEntry("actorApiKeyId", keyId).containsEntry("actorUserId", owner.userId().toString())
                .containsEntry("requestId", "req-by-key");
        assertThat((String) row.get("actorName")).startsWith(displayName(owner));
    }

    @Test
    void secretsNeverReachTheLog() throws IOException {
        Member owner = workspaces.withoutApprovals("Audit secrets");
        MvcTestResult key = mvc.post().uri("/api/v1/api-keys").header(HttpHeaders.AUTHORIZATION, owner.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Secret holder\",\"roleCeiling\":\"VIEWER\"}").exchange();
        String keyId = Json.read(key, "$.key.id");
        String token = Json.read(key, "$.secret");
        String secret = token.substring(token.indexOf('.') + 1);

        MvcTestResult log = auditLog(owner, "entityId=" + keyId);
        Map<String, Object> row = single(Json.read(log, "$.items"), "action", "created");
        assertThat(row).containsEntry("entityType", "ApiKey");
        assertThat(change(row, "secretHash")).containsEntry("to", "[redacted]");
        assertThat(change(row, "name")).containsEntry("to", "Secret holder");
        assertThat(Json.body(log)).doesNotContain(secret).doesNotContain(Hashing.sha256Hex(secret)).doesNotContain(token);

        MvcTestResult export = export(owner, "entityId=" + keyId);
        assertThat(Json.body(export)).contains("[redacted]").doesNotContain(secret).doesNotContain(Hashing.sha256Hex(secret));
        assertThat(parseCsv(export)).hasSize(1);
    }

    // --- filters ---

    @Test
    void filtersByEntityTypeAndAction() {
        Member owner = workspaces.withoutApprovals("Audit filters");
        Member member = workspaces.addMember(owner, Role.VIEWER);
        String id = createCampaign(owner, "Filtered");
        assertThat(post(owner, CAMPAIGNS + "/" + id + "/plan", "req-f")).hasStatusOk();
        mvc.patch().uri("/api/v1/members/" + membershipIdOf(owner, member.userId())).header(HttpHeaders.AUTHORIZATION, owner.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"role\":\"CONTRIBUTOR\"}").exchange();

        List<Map<String, Object>> campaignRows = rows(owner, "entityType=Campaign");
        assertThat(campaignRows).hasSize(2).allSatisfy(row -> assertThat(row).containsEntry("entityType", "Campaign"));
        List<Map<String, Object>> membershipRows = rows(owner, "entityType=Membership");
        assertThat(membershipRows).isNotEmpty().allSatisfy(row -> assertThat(row).containsEntry("entityType", "Membership"));
        assertThat(membershipRows).anySatisfy(row -> assertThat(row).containsEntry("action", "updated"));

        assertThat(rows(owner, "entityType=Campaign&action=created")).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("entityId", id));
        assertThat(rows(owner, "action=updated")).isNotEmpty().allSatisfy(row -> assertThat(row).containsEntry("action", "updated"));
        assertThat(rows(owner, "entityType=NoSuchThing")).isEmpty();

        MvcTestResult paged = mvc.get().uri(AUDIT + "?entityType=Campaign&size=1&page=1")
                .header(HttpHeaders.AUTHORIZATION, owner.bearer()).exchange();
        assertThat(paged).hasStatusOk();
        assertThat((Integer) Json.read(paged, "$.total")).isEqualTo(2);
        assertThat((List<?>) Json.read(paged, "$.items")).hasSize(1);
    }

    @Test
    void filtersByActor() {
        Member owner = workspaces.withoutApprovals("Audit actor");
        Member manager = workspaces.addMember(owner, Role.MANAGER);
        String byOwner = createCampaign(owner, "Owner's");
        String byManager = createCampaign(manager, "Manager's");

        List<Map<String, Object>> managerRows = rows(owner, "actorId=" + manager.userId());
        assertThat(managerRows).isNotEmpty()
                .allSatisfy(row -> assertThat(row).containsEntry("actorUserId", manager.userId().toString()));
        assertThat(managerRows).extracting(row -> row.get("entityId")).contains(byManager).doesNotContain(byOwner);
        assertThat(rows(owner, "actorId=" + owner.userId() + "&entityType=Campaign"))
                .extracting(row -> row.get("entityId")).containsExactly(byOwner);
        assertThat(rows(owner, "actorId=" + UUID.randomUUID())).isEmpty();
    }

    @Test
    void filtersByTimeRangeFromInclusiveToExclusive() {
        Member owner = workspaces.withoutApprovals("Audit time");
        String first = createCampaign(owner, "Earlier");
        String second = createCampaign(owner, "Later");
        String firstAt = (String) single(rowsOf(owner, first), "action", "created").get("occurredAt");
        String secondAt = (String) single(rowsOf(owner, second), "action", "created").get("occurredAt");
        assertThat(java.time.Instant.parse(secondAt)).isAfter(java.time.Instant.parse(firstAt));

        assertThat(rows(owner, "entityType=Campaign&from=" + secondAt)).extracting(row -> row.get("entityId"))
                .containsExactly(second);
        assertThat(rows(owner, "entityType=Campaign&to=" + secondAt)).extracting(row -> row.get("entityId"))
                .containsExactly(first);
        assertThat(rows(owner, "entityType=Campaign&from=" + firstAt + "&to=" + secondAt))
                .extracting(row -> row.get("entityId")).containsExactly(first);
        assertThat(rows(owner, "entityType=Campaign&from=" + firstAt)).hasSize(2);
    }

    @Test
    void rowsComeNewestFirst() {
        Member owner = workspaces.withoutApprovals("Audit order");
        String id = createCampaign(owner, "Ordered");
        post(owner, CAMPAIGNS + "/" + id + "/plan", "o1");
        post(owner, CAMPAIGNS + "/" + id + "/cancel", "o2");
        List<Map<String, Object>> rows = rowsOf(owner, id);
        assertThat(rows).extracting(row -> row.get("action")).containsExactly("updated", "updated", "created");
        assertThat(rows).extracting(row -> row.get("requestId")).startsWith("o2", "o1");
    }

    // --- who may read ---

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"VIEWER", "CONTRIBUTOR", "APPROVER", "MANAGER"})
    void onlyAdminsReadTheLog(Role role) {
        Member owner = workspaces.withoutApprovals("Audit roles");
        Member member = workspaces.addMember(owner, role);
        createCampaign(owner, "Hidden from " + role);
        MvcTestResult list = auditLog(member, "");
        assertThat(list).hasStatus(403).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(export(member, "")).hasStatus(403);
    }

    @Test
    void anAdminReadsTheLog() {
        Member owner = workspaces.withoutApprovals("Audit admin");
        Member admin = workspaces.addMember(owner, Role.ADMIN);
        String id = createCampaign(owner, "Seen by admin");
        assertThat(rowsOf(admin, id)).hasSize(1);
        assertThat(export(admin, "entityId=" + id)).hasStatusOk();
    }

    @Test
    void badFilterValuesAreRefusedWithAProblem() {
        Member owner = workspaces.withoutApprovals("Audit bad filters");
        for (String query : new String[] {"from=yesterday", "to=2026-13-01T00:00:00Z", "entityId=not-a-uuid", "actorId=42"}) {
            MvcTestResult refused = mvc.get().uri("/api/v1/audit-log?" + query)
                    .header(HttpHeaders.AUTHORIZATION, owner.bearer()).exchange();
            assertThat(refused).hasStatus(400).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void anotherWorkspaceNeverSeesTheRows() throws IOException {
        Member ownerA = workspaces.withoutApprovals("Audit A");
        Member ownerB = workspaces.withoutApprovals("Audit B");
        String id = createCampaign(ownerA, "Private to A");
        assertThat(rowsOf(ownerA, id)).hasSize(1);

        assertThat(rowsOf(ownerB, id)).isEmpty();
        assertThat(rows(ownerB, "entityType=Campaign")).isEmpty();
        assertThat(rows(ownerB, "actorId=" + ownerA.userId())).isEmpty();
        MvcTestResult everythingInB = auditLog(ownerB, "");
        assertThat(Json.body(everythingInB)).doesNotContain(id).doesNotContain(ownerA.userId().toString());
        MvcTestResult exportB = export(ownerB, "");
        assertThat(Json.body(exportB)).doesNotContain(id).doesNotContain(ownerA.userId().toString());
        assertThat(parseCsv(export(ownerB, "entityId=" + id))).isEmpty();
    }

    // --- export ---

    @Test
    void theCsvExportHasAHeaderAndOneParseableLinePerRow() throws IOException {
        Member owner = workspaces.withoutApprovals("Audit export");
        MvcTestResult created = createCampaign(owner.bearer(), campaignBody("Exported, \\\"quoted\\\""), "req-export");
        String id = Json.read(created, "$.id");
        post(owner, CAMPAIGNS + "/" + id + "/plan", "req-export-plan");
        post(owner, CAMPAIGNS + "/" + id + "/mark-ready", "req-export-ready");
        launch(owner, id, "req-export-launch");

        MvcTestResult export = export(owner, "entityId=" + id);

        assertThat(export).hasStatusOk().hasContentTypeCompatibleWith("text/csv");
        assertThat(export.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment");
        String csv = Json.body(export);
        assertThat(csv.lines().findFirst()).contains(CSV_HEADER);
        List<CSVRecord> records = parseCsv(export);
        assertThat(records).hasSize(4).hasSize(rowsOf(owner, id).size());
        assertThat(records).allSatisfy(record -> {
            assertThat(record.get("entity_id")).isEqualTo(id);
            assertThat(record.get("entity_type")).isEqualTo("Campaign");
            assertThat(record.get("actor")).isEqualTo(displayName(owner));
            assertThat(record.get("actor_user_id")).isEqualTo(owner.userId().toString());
            assertThat(record.get("client_address")).isEqualTo("127.0.0.1");
            assertThat(record.get("change_set")).isNotBlank();
            assertThat(java.time.Instant.parse(record.get("occurred_at"))).isNotNull();
            Map<String, Object> changes = JsonPath.parse(record.get("changes")).json();
            assertThat(changes).isNotEmpty();
        });
        CSVRecord createdRecord = records.stream().filter(r -> r.get("action").equals("created")).findFirst().orElseThrow();
        assertThat((String) JsonPath.read(createdRecord.get("changes"), "$.name.to")).isEqualTo("Exported, \"quoted\"");
        assertThat(createdRecord.get("request_id")).isEqualTo("req-export");
        CSVRecord launch = records.stream().filter(r -> r.get("request_id").equals("req-export-launch")).findFirst().orElseThrow();
        assertThat((String) JsonPath.read(launch.get("changes"), "$.status.from")).isEqualTo("READY");
        assertThat((String) JsonPath.read(launch.get("changes"), "$.status.to")).isEqualTo("ACTIVE");
    }

    @Test
    void theExportHonoursTheFilters() throws IOException {
        Member owner = workspaces.withoutApprovals("Audit export filters");
        String id = createCampaign(owner, "Export filter");
        post(owner, CAMPAIGNS + "/" + id + "/plan", "x1");
        assertThat(parseCsv(export(owner, "entityId=" + id + "&action=created"))).singleElement()
                .satisfies(record -> assertThat(record.get("action")).isEqualTo("created"));
        assertThat(parseCsv(export(owner, "entityType=Campaign"))).hasSize(2);
        List<CSVRecord> everything = parseCsv(export(owner, ""));
        assertThat(everything).hasSize(((Integer) Json.read(auditLog(owner, ""), "$.total")));
    }

    @Test
    void theExportUsesTheSameClockAsTheRows() throws IOException {
        Member owner = workspaces.withoutApprovals("Audit export clock");
        clock.advance(Duration.ofHours(1));
        String id = createCampaign(owner, "Stamped an hour ahead");
        assertThat(rowsOf(owner, id)).hasSize(1);
        assertThat(parseCsv(export(owner, "entityId=" + id))).hasSize(1);
    }

    // --- rollback ---

    @Test
    void aWriteRefusedByTheServiceLeavesNoRow() {
        Member owner = workspaces.withoutApprovals("Audit refused");
        String id = createCampaign(owner, "Valid dates");
        MvcTestResult refused = mvc.put().uri(CAMPAIGNS + "/" + id).header(HttpHeaders.AUTHORIZATION, owner.bearer())
                .header("X-Request-Id", "req-refused").contentType(MediaType.APPLICATION_JSON)
                .content(campaignBody("Renamed").replace("\"endDate\":\"2027-06-30\"", "\"endDate\":\"2027-05-01\"")).exchange();
        assertThat(refused).hasStatus(400);
        assertThat((List<String>) Json.read(refused, "$.errors[*].field")).containsExactly("endDate");

        assertThat(rowsOf(owner, id)).hasSize(1).allSatisfy(row -> assertThat(row).containsEntry("action", "created"));
        assertThat(rows(owner, "")).noneSatisfy(row -> assertThat(row).containsEntry("requestId", "req-refused"));
    }

    @Test
    void aRolledBackWriteLeavesNoRowAndDoesNotLeakIntoTheNextWrite() {
        Member owner = workspaces.withoutApprovals("Audit rollback");
        AtomicReference<UUID> rolledBack = new AtomicReference<>();

        // MockMvc handles the request on this thread, so the campaign service joins this transaction and rolls back
        // with it; the scope opens first, as it must before a transaction begins.
        assertThatThrownBy(() -> workspaces.as(owner, () -> transactions.execute(status -> {
            MvcTestResult created = api.as(owner).post(CAMPAIGNS, """
                    {"name":"Never committed","type":"OTHER","priority":"LOW","tags":["tmp"]}""");
            assertThat(created).hasStatus(201);
            rolledBack.set(UUID.fromString(Json.read(created, "$.id")));
            entityManager.flush();
            throw new IllegalStateException("something later in the same transaction failed");
        }))).isInstanceOf(IllegalStateException.class);

        assertThat(rolledBack.get()).isNotNull();
        assertThat(mvc.get().uri(CAMPAIGNS + "/" + rolledBack.get()).header(HttpHeaders.AUTHORIZATION, owner.bearer()).exchange())
                .hasStatus(404);
        assertThat(rowsOf(owner, rolledBack.get().toString())).isEmpty();

        // The next write on the same thread, in a transaction of its own (the request's).
        MvcTestResult created = api.as(owner).post(CAMPAIGNS, """
                {"name":"Committed","type":"OTHER","priority":"LOW"}""");
        assertThat(created).hasStatus(201);
        UUID committed = UUID.fromString(Json.read(created, "$.id"));
        List<Map<String, Object>> campaignRows = rows(owner, "entityType=Campaign");
        assertThat(campaignRows).singleElement().satisfies(row -> assertThat(row).containsEntry("entityId", committed.toString())
                .containsEntry("action", "created").containsEntry("actorName", displayName(owner)));
        assertThat(rowsOf(owner, rolledBack.get().toString())).isEmpty();
    }
}
