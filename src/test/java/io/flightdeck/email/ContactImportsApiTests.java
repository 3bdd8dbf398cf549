package io.flightdeck.email;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.flightdeck.shared.security.Role;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.IllegalMoves;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.flightdeck.email.ContactImportRequests.BASE;
import static io.flightdeck.email.ContactImportRequests.EVIDENCE;
import static io.flightdeck.email.ContactImportRequests.number;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contact imports over REST: the upload and its preview with a suggested mapping, a run with attributes and a list,
 * every kind of row error in the report (JSON and CSV), a second import of the same file that changes nothing,
 * suppressed contacts kept suppressed, a refused start that changes nothing, tenancy and roles.
 */
@FlightdeckTest
class ContactImportsApiTests {

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;

    private ContactImportRequests imports;

    @BeforeEach
    void requests() {
        imports = new ContactImportRequests(api);
    }

    @Test
    void aFileIsPreviewedMappedAndImportedWithAttributesAndAList() throws Exception {
        Member owner = workspaces.workspace("Import happy path");
        String list = Json.read(api.as(owner).post("/api/v1/email/lists", Map.of("name", "Fair visitors")), "$.id");
        String csv = "\uFEFFE-mail;Full name;City;TZ;Notes\n"
                + "ana@example.com;Ana Lima;Lisbon;Europe/Lisbon;\"met at stand; liked the bikes\"\n"
                + "\n"
                + "Bruno@Example.COM;Bruno;Porto;;\n"
                + "cara@example.com;;;;\n";

        MvcTestResult uploaded = imports.upload(owner, csv);
        assertThat(uploaded).hasStatus(201);
        assertThat(uploaded.getResponse().getHeader("Location")).startsWith(BASE + "/");
        assertThat((String) Json.read(uploaded, "$.status")).isEqualTo("UPLOADED");
        assertThat((String) Json.read(uploaded, "$.delimiter")).isEqualTo(";");
        assertThat(Json.<List<String>>read(uploaded, "$.columns")).containsExactly("E-mail", "Full name", "City", "TZ",
                "Notes");
        String id = Json.read(uploaded, "$.id");

        MvcTestResult preview = api.as(owner).get(BASE + "/" + id + "/preview");
        assertThat(preview).hasStatusOk();
        assertThat(Json.<List<String>>read(preview, "$.mapping[*].field")).containsExactly("EMAIL", "NAME", "ATTRIBUTE",
                "TIME_ZONE", "ATTRIBUTE");
        assertThat(Json.<List<String>>read(preview, "$.mapping[*].key")).containsExactly(null, null, "city", null,
                "notes");
        assertThat(Json.<List<Integer>>read(preview, "$.rows[*].row")).containsExactly(2, 4, 5);
        assertThat(Json.<List<String>>read(preview, "$.rows[0].cells")).containsExactly("ana@example.com", "Ana Lima",
                "Lisbon", "Europe/Lisbon", "met at stand; liked the bikes");
        assertThat(Json.<List<Object>>read(api.as(owner).get("/api/v1/email/contacts"), "$.items"))
                .as("nothing is imported before the start").isEmpty();

        MvcTestResult started = api.as(owner).post(BASE + "/" + id + "/start", Map.of("mapping", List.of(
                Map.of("index", 0, "field", "EMAIL"), Map.of("index", 1, "field", "NAME"),
                Map.of("index", 2, "field", "ATTRIBUTE", "key", "city"), Map.of("index", 3, "field", "TIME_ZONE")),
                "consentEvidence", EVIDENCE, "listId", list));
        assertThat(started).hasStatus(202);
        MvcTestResult done = imports.await(owner, id);

        assertThat((String) Json.read(done, "$.status")).isEqualTo("SUCCEEDED");
        assertThat(number(done, "$.rowsRead")).isEqualTo(3);
        assertThat(number(done, "$.added")).isEqualTo(3);
        assertThat(number(done, "$.progressPercent")).isEqualTo(100);
        MvcTestResult ana = api.as(owner).get("/api/v1/email/contacts?q=ana@");
        assertThat((String) Json.read(ana, "$.items[0].name")).isEqualTo("Ana Lima");
        assertThat((String) Json.read(ana, "$.items[0].timeZone")).isEqualTo("Europe/Lisbon");
        assertThat((Map<String, String>) Json.read(ana, "$.items[0].attributes")).containsOnly(Map.entry("city", "Lisbon"));
        assertThat((String) Json.read(ana, "$.items[0].status")).isEqualTo("SUBSCRIBED");
        assertThat((String) Json.read(ana, "$.items[0].consent.source")).isEqualTo("IMPORT");
        assertThat((String) Json.read(ana, "$.items[0].consent.evidence")).isEqualTo(EVIDENCE);
        assertThat(Json.<List<String>>read(api.as(owner).get("/api/v1/email/contacts?q=bruno"), "$.items[*].email"))
                .containsExactly("Bruno@example.com");
        assertThat(number(api.as(owner).get("/api/v1/email/lists/" + list), "$.members")).isEqualTo(3);
    }

    @Test
    void everyKindOfBadRowIsReportedWithItsRowAndColumnAndTheGoodRowsGoIn() throws Exception {
        Member owner = workspaces.workspace("Import errors");
        String longValue = "x".repeat(501);
        String csv = "email,name,zone,plan\n"
                + "good@example.com,Good,UTC,pro\n"
                + "not-an-address,Bad,UTC,pro\n"
                + "GOOD@example.com,Again,UTC,pro\n"
                + "zone@example.com,Zone,Mars/Olympus,pro\n"
                + "long@example.com,Long,UTC," + longValue + "\n"
                + ",No address,UTC,pro\n"
                + "name@example.com," + "n".repeat(201) + ",,\n"
                + "short@example.com\n";
        byte[] bytes = (csv + "latin@example.com,Jos").getBytes(StandardCharsets.UTF_8);
        byte[] withLatin1 = java.util.Arrays.copyOf(bytes, bytes.length + 2);
        withLatin1[bytes.length] = (byte) 0xE9; // é in Latin-1: not UTF-8
        withLatin1[bytes.length + 1] = '\n';

        MvcTestResult uploaded = imports.upload(owner, withLatin1);
        assertThat(uploaded).hasStatus(201);
        String id = Json.read(uploaded, "$.id");
        List<Map<String, Object>> mapping = Json.read(api.as(owner).get(BASE + "/" + id + "/preview"), "$.mapping");
        assertThat(api.as(owner).post(BASE + "/" + id + "/start", Map.of("mapping", mapping, "consentEvidence",
                EVIDENCE))).hasStatus(202);
        MvcTestResult done = imports.await(owner, id);

        assertThat((String) Json.read(done, "$.status")).isEqualTo("PARTLY");
        assertThat(number(done, "$.rowsRead")).isEqualTo(9);
        assertThat(number(done, "$.added")).isEqualTo(2);
        assertThat(number(done, "$.rejected")).isEqualTo(7);
        List<Map<String, Object>> lines = Json.read(api.as(owner).get(BASE + "/" + id + "/errors"), "$.items");
        assertThat(lines).extracting(l -> l.get("row") + " | " + l.get("column") + " | " + l.get("message")).containsExactly(
                "3 | email | Not an email address: not-an-address",
                "4 | email | The address GOOD@example.com is in the file already, in an earlier row; this row is skipped",
                "5 | zone | Unknown time zone Mars/Olympus; use a name such as Europe/Lisbon",
                "6 | plan | The value is longer than 500 characters (the attribute plan takes up to 500)",
                "7 | email | Give an email address",
                "8 | name | The name is longer than 200 characters",
                "10 | null | The row is not UTF-8 text; save the file as CSV UTF-8");
        assertThat(Json.<List<String>>read(api.as(owner).get("/api/v1/email/contacts"), "$.items[*].email"))
                .containsExactly("good@example.com", "short@example.com");

        MvcTestResult report = api.as(owner).get(BASE + "/" + id + "/errors.csv");
        assertThat(report).hasStatusOk();
        assertThat(report.getResponse().getContentType()).startsWith("text/csv");
        String text = report.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("row,column,message\r\n3,email,Not an email address: not-an-address\r\n");
        assertThat(text).contains("7,email,Give an email address");
    }

    @Test
    void importingTheSameFileAgainChangesNothingAndSuppressedContactsStaySuppressed() throws Exception {
        Member owner = workspaces.workspace("Import twice");
        String csv = "email,name,city\nana@example.com,Ana,Lisbon\nbo@example.com,Bo,Porto\ncy@example.com,Cy,Braga\n";
        assertThat(number(imports.importSuggested(owner, csv, Map.of("existing", "UPDATE")), "$.added")).isEqualTo(3);
        String bo = Json.read(api.as(owner).get("/api/v1/email/contacts?q=bo@"), "$.items[0].id");
        assertThat(api.as(owner).post("/api/v1/email/contacts/" + bo + "/unsubscribe", Map.of("reason", "Asked")))
                .hasStatusOk();
        String anaBefore = Json.body(api.as(owner).get("/api/v1/email/contacts?q=ana@"));

        MvcTestResult again = imports.importSuggested(owner, csv, Map.of("existing", "UPDATE"));

        assertThat((String) Json.read(again, "$.status")).isEqualTo("SUCCEEDED");
        assertThat(number(again, "$.added")).isZero();
        assertThat(number(again, "$.updated")).isZero();
        assertThat(number(again, "$.skipped")).isEqualTo(2);
        assertThat(number(again, "$.suppressedKept")).isEqualTo(1);
        assertThat(Json.body(api.as(owner).get("/api/v1/email/contacts?q=ana@"))).as("nothing changed, not even the "
                + "version").isEqualTo(anaBefore);

        MvcTestResult changed = imports.importSuggested(owner, "email,name,city\nana@example.com,,Faro\n"
                + "bo@example.com,Bo Back,Faro\n", Map.of("existing", "UPDATE"));
        assertThat(number(changed, "$.updated")).isEqualTo(1);
        assertThat(number(changed, "$.suppressedKept")).isEqualTo(1);
        MvcTestResult ana = api.as(owner).get("/api/v1/email/contacts?q=ana@");
        assertThat((String) Json.read(ana, "$.items[0].name")).as("an empty cell keeps the name").isEqualTo("Ana");
        assertThat((String) Json.read(ana, "$.items[0].attributes.city")).isEqualTo("Faro");
        MvcTestResult kept = api.as(owner).get("/api/v1/email/contacts/" + bo);
        assertThat((String) Json.read(kept, "$.status")).isEqualTo("UNSUBSCRIBED");
        assertThat((String) Json.read(kept, "$.name")).isEqualTo("Bo");

        MvcTestResult skipping = imports.importSuggested(owner, "email,name\nana@example.com,Someone else\n", Map.of());
        assertThat(number(skipping, "$.skipped")).isEqualTo(1);
        assertThat((String) Json.read(api.as(owner).get("/api/v1/email/contacts?q=ana@"), "$.items[0].name"))
                .isEqualTo("Ana");
    }

    @Test
    void aWrongStartIsRefusedWithEveryProblemAndChangesNothing() {
        Member owner = workspaces.workspace("Import refused");
        Member other = workspaces.workspace("Import refused elsewhere");
        String foreignList = Json.read(api.as(other).post("/api/v1/email/lists", Map.of("name", "Theirs")), "$.id");
        String id = Json.read(imports.upload(owner, "email,name\nana@example.com,Ana\n"), "$.id");

        MvcTestResult refused = api.as(owner).post(BASE + "/" + id + "/start", Map.of("mapping", List.of(
                Map.of("index", 1, "field", "NAME"), Map.of("index", 7, "field", "EMAIL"),
                Map.of("index", 0, "field", "ATTRIBUTE", "key", "Bad Key")), "listId", foreignList));
        assertThat(refused).hasStatus(400).hasContentType("application/problem+json");
        assertThat(Json.<List<String>>read(refused, "$.errors[*].field")).contains("mapping[1].index",
                "mapping[2].key", "mapping", "consentEvidence", "listId");
        assertThat((String) Json.read(api.as(owner).get(BASE + "/" + id), "$.status")).isEqualTo("UPLOADED");

        assertThat(api.as(owner).post(BASE + "/" + id + "/start", Map.of("mapping", List.of(Map.of("index", 0,
                "field", "EMAIL")), "consentEvidence", EVIDENCE))).hasStatus(202);
        MvcTestResult twice = api.as(owner).post(BASE + "/" + id + "/start", Map.of("mapping", List.of(Map.of("index",
                0, "field", "EMAIL")), "consentEvidence", EVIDENCE));
        // the job may have taken it already: whatever it is now, it is no longer an uploaded file that starts
        String now = Json.read(twice, "$.currentState");
        assertThat(now).isIn("QUEUED", "RUNNING", "SUCCEEDED");
        IllegalMoves.assertRefused(twice, now, "start", List.of());
    }

    @Test
    void filesThatAreNotContactsAreRefusedAndLeaveNothing() {
        Member owner = workspaces.workspace("Import bad files");
        assertThat(imports.upload(owner, "")).hasStatus(400);
        assertThat(imports.upload(owner, "\n\n  \n")).hasStatus(400);
        assertThat(imports.upload(owner, "email,name\n")).hasStatus(400);
        byte[] workbook = {'P', 'K', 3, 4, 0, 0, 0, 0, 1, 2, 3};
        MvcTestResult binary = imports.upload(owner, workbook);
        assertThat(binary).hasStatus(400).hasContentType("application/problem+json");
        assertThat(Json.<List<Object>>read(api.as(owner).get(BASE), "$.items")).isEmpty();
    }

    @Test
    void anotherWorkspaceFindsNothingAndAViewerOnlyReads() {
        Member owner = workspaces.workspace("Import tenancy");
        Member viewer = workspaces.addMember(owner, Role.VIEWER);
        Member stranger = workspaces.workspace("Import stranger");
        String id = Json.read(imports.upload(owner, "email\nana@example.com\n"), "$.id");

        for (String path : List.of("", "/preview", "/errors", "/errors.csv")) {
            assertThat(api.as(stranger).get(BASE + "/" + id + path)).as(path).hasStatus(404);
            assertThat(api.as(viewer).get(BASE + "/" + id + path)).as(path).hasStatusOk();
        }
        Map<String, Object> start = Map.of("mapping", List.of(Map.of("index", 0, "field", "EMAIL")),
                "consentEvidence", EVIDENCE);
        assertThat(api.as(stranger).post(BASE + "/" + id + "/start", start)).hasStatus(404);
        assertThat(api.as(viewer).post(BASE + "/" + id + "/start", start)).hasStatus(403);
        assertThat(imports.upload(viewer, "email\nbo@example.com\n")).hasStatus(403);
        assertThat(Json.<List<Object>>read(api.as(stranger).get(BASE), "$.items")).isEmpty();
        assertThat((String) Json.read(api.as(owner).get(BASE + "/" + id), "$.status")).isEqualTo("UPLOADED");
    }
}
