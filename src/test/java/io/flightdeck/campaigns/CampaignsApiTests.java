package io.flightdeck.campaigns;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.jayway.jsonpath.JsonPath;
import io.flightdeck.shared.security.Role;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** The campaign REST resource: create, validation, ETags, idempotency, list filters, trash, tenancy and roles. */
@FlightdeckTest
class CampaignsApiTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;

    private CampaignRequests api;

    @BeforeEach
    void setUp() {
        api = new CampaignRequests(mvc);
    }

    /** A body with a name, a type and any extra JSON members, e.g. {@code "\"priority\":\"HIGH\""}. */
    private static String body(String name, String... extra) {
        StringBuilder json = new StringBuilder("{\"name\":\"" + name + "\",\"type\":\"OTHER\"");
        for (String member : extra) {
            json.append(',').append(member);
        }
        return json.append('}').toString();
    }

    private MvcTestResult createWithKey(Member as, String key, String body) {
        return mvc.post().uri(CampaignRequests.BASE).header(HttpHeaders.AUTHORIZATION, as.bearer())
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }

    /** The list with a raw query such as {@code q=100%&status=DRAFT}; each value is percent-encoded here. */
    private MvcTestResult list(Member as, String query) {
        StringBuilder encoded = new StringBuilder("size=100");
        for (String pair : query.isEmpty() ? new String[0] : query.split("&")) {
            int eq = pair.indexOf('=');
            encoded.append('&').append(pair, 0, eq).append('=')
                    .append(URLEncoder.encode(pair.substring(eq + 1), StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return mvc.get().uri(URI.create(CampaignRequests.BASE + "?" + encoded))
                .header(HttpHeaders.AUTHORIZATION, as.bearer()).exchange();
    }

    /** The names a list query answers, in the order it answers them. */
    private List<String> names(Member as, String query) {
        MvcTestResult list = list(as, query);
        assertThat(list).hasStatusOk();
        return Json.read(list, "$.items[*].name");
    }

    private List<String> ids(Member as, String query) {
        MvcTestResult list = list(as, query);
        assertThat(list).hasStatusOk();
        return Json.read(list, "$.items[*].id");
    }

    private static Object tree(MvcTestResult result) {
        return JsonPath.parse(Json.body(result)).json();
    }

    /** The answer without createdAt and updatedAt, whose precision is checked on its own. */
    private static Object withoutTimes(MvcTestResult result) {
        return JsonPath.parse(Json.body(result)).delete("$.createdAt").delete("$.updatedAt").json();
    }

    // --- create ---

    @Test
    void createAnswers201WithLocationEtagAndTheCampaign() {
        Member owner = workspaces.withoutApprovals("Create");
        MvcTestResult created = api.create(owner, """
                {"name":"  Spring launch  ","description":"%s","type":"PRODUCT_LAUNCH","objective":"Sell the new line",
                 "priority":"HIGH","channels":["EMAIL","INSTAGRAM"],"tags":["  spring ","launch","  "],
                 "startDate":"2027-03-01","endDate":"2027-03-31","budget":{"amount":1250.50,"currency":"eur"}}"""
                .formatted(CampaignRequests.DESCRIPTION));

        assertThat(created).hasStatus(201).hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        String id = Json.read(created, "$.id");
        assertThat(created.getResponse().getHeader(HttpHeaders.LOCATION)).isEqualTo("/api/v1/campaigns/" + id);
        Integer version = Json.read(created, "$.version");
        assertThat(created.getResponse().getHeader(HttpHeaders.ETAG)).isEqualTo("\"" + version + "\"");
        assertThat((String) Json.read(created, "$.name")).isEqualTo("Spring launch");
        assertThat((String) Json.read(created, "$.status")).isEqualTo("DRAFT");
        assertThat((String) Json.read(created, "$.priority")).isEqualTo("HIGH");
        assertThat((List<String>) Json.read(created, "$.tags")).containsExactly("launch", "spring");
        assertThat((List<String>) Json.read(created, "$.channels")).containsExactlyInAnyOrder("EMAIL", "INSTAGRAM");
        assertThat((String) Json.read(created, "$.budget.currency")).isEqualTo("EUR");
        assertThat(((Number) Json.read(created, "$.budget.amount")).doubleValue()).isEqualTo(1250.50);
        assertThat((String) Json.read(created, "$.startDate")).isEqualTo("2027-03-01");
        assertThat((String) Json.read(created, "$.ownerId")).isEqualTo(owner.userId().toString());
        assertThat((String) Json.read(created, "$.ownerName")).isEqualTo(api.displayName(owner));
        assertThat((String) Json.read(created, "$.createdBy")).isEqualTo(owner.userId().toString());
        assertThat((List<String>) Json.read(created, "$.allowedTransitions")).containsExactly("plan", "cancel");

        MvcTestResult read = mvc.get().uri(created.getResponse().getHeader(HttpHeaders.LOCATION))
                .header(HttpHeaders.AUTHORIZATION, owner.bearer()).exchange();
        assertThat(read).hasStatusOk().hasHeader(HttpHeaders.ETAG, created.getResponse().getHeader(HttpHeaders.ETAG));
        assertThat(withoutTimes(read)).isEqualTo(withoutTimes(created));
        assertThat(api.sentences(owner, id)).containsExactly(api.displayName(owner) + " created the campaign");
    }

    @Test
    void theCreateAnswerShowsTheTimesAsStored() {
        Member owner = workspaces.withoutApprovals("Create times");
        MvcTestResult created = api.create(owner, body("Timed"));
        MvcTestResult read = api.get(owner, (String) Json.read(created, "$.id"));
        assertThat((String) Json.read(created, "$.createdAt")).isEqualTo(Json.read(read, "$.createdAt"));
        assertThat((String) Json.read(created, "$.updatedAt")).isEqualTo(Json.read(read, "$.updatedAt"));
    }

    @Test
    void theOwnerDefaultsToTheCreatingManagerAndMayBeAnotherMember() {
        Member owner = workspaces.withoutApprovals("Owner default");
        Member manager = workspaces.addMember(owner, Role.MANAGER);
        Member contributor = workspaces.addMember(owner, Role.CONTRIBUTOR);

        MvcTestResult byManager = api.create(manager, body("Managed"));
        assertThat((String) Json.read(byManager, "$.ownerId")).isEqualTo(manager.userId().toString());
        assertThat((String) Json.read(byManager, "$.priority")).isEqualTo("MEDIUM");

        MvcTestResult assigned = api.create(manager, body("Assigned", "\"ownerId\":\"" + contributor.userId() + "\""));
        assertThat(assigned).hasStatus(201);
        assertThat((String) Json.read(assigned, "$.ownerId")).isEqualTo(contributor.userId().toString());
        assertThat((String) Json.read(assigned, "$.ownerName")).isEqualTo(api.displayName(contributor));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"name\":\"   \",\"type\":\"OTHER\"}                                                       | name",
            "{\"type\":\"OTHER\"}                                                                        | name",
            "{\"name\":\"No type\"}                                                                      | type",
            "{\"name\":\"Dates\",\"type\":\"OTHER\",\"startDate\":\"2027-05-10\",\"endDate\":\"2027-05-09\"} | endDate",
            "{\"name\":\"Budget\",\"type\":\"OTHER\",\"budget\":{\"amount\":-1,\"currency\":\"EUR\"}}         | budget.amount",
            "{\"name\":\"Budget\",\"type\":\"OTHER\",\"budget\":{\"amount\":1.234,\"currency\":\"EUR\"}}      | budget.amount",
            "{\"name\":\"Budget\",\"type\":\"OTHER\",\"budget\":{\"currency\":\"EUR\"}}                      | budget.amount",
            "{\"name\":\"Currency\",\"type\":\"OTHER\",\"budget\":{\"amount\":10,\"currency\":\"EURO\"}}     | budget.currency",
            "{\"name\":\"Currency\",\"type\":\"OTHER\",\"budget\":{\"amount\":10,\"currency\":\"XXQ\"}}      | budget.currency",
            "{\"name\":\"Currency\",\"type\":\"OTHER\",\"budget\":{\"amount\":10}}                          | budget.currency"})
    void anInvalidCampaignIsRefusedNamingTheField(String body, String field) {
        Member owner = workspaces.withoutApprovals("Invalid");
        MvcTestResult refused = api.create(owner, body);
        assertThat(refused).hasStatus(400).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((String) Json.read(refused, "$.type")).endsWith("/validation");
        assertThat((List<String>) Json.read(refused, "$.errors[*].field")).containsExactly(field);
        assertThat((List<String>) Json.read(refused, "$.errors[*].message")).allSatisfy(m -> assertThat(m).isNotBlank());
        assertThat((Integer) Json.read(list(owner, ""), "$.total")).isZero();
    }

    @Test
    void aOneDayCampaignIsValid() {
        Member owner = workspaces.withoutApprovals("One day");
        MvcTestResult created = api.create(owner, body("One day", "\"startDate\":\"2027-05-10\"", "\"endDate\":\"2027-05-10\""));
        assertThat(created).hasStatus(201);
        assertThat((String) Json.read(created, "$.endDate")).isEqualTo("2027-05-10");
    }

    @Test
    void aNameLongerThan160CharactersIsRefused() {
        Member owner = workspaces.withoutApprovals("Long name");
        MvcTestResult refused = api.create(owner, body("x".repeat(161)));
        assertThat(refused).hasStatus(400);
        assertThat((List<String>) Json.read(refused, "$.errors[*].field")).containsExactly("name");
        assertThat(api.create(owner, body("x".repeat(160)))).hasStatus(201);
    }

    @Test
    void theOwnerMustBeAMemberOfThisWorkspace() {
        Member owner = workspaces.withoutApprovals("Owner member");
        Member stranger = workspaces.withoutApprovals("Stranger");
        for (UUID notAMember : List.of(UUID.randomUUID(), stranger.userId())) {
            MvcTestResult refused = api.create(owner, body("Owned", "\"ownerId\":\"" + notAMember + "\""));
            assertThat(refused).hasStatus(400).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat((List<String>) Json.read(refused, "$.errors[*].field")).containsExactly("ownerId");
        }
    }

    @Test
    void atMostTwentyTags() {
        Member owner = workspaces.withoutApprovals("Tags");
        String twenty = IntStream.rangeClosed(1, 20).mapToObj(i -> "\"t" + i + "\"").collect(Collectors.joining(","));
        String twentyOne = twenty + ",\"t21\"";

        MvcTestResult refused = api.create(owner, body("Too many tags", "\"tags\":[" + twentyOne + "]"));
        assertThat(refused).hasStatus(400).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((List<String>) Json.read(refused, "$.errors[*].field")).containsExactly("tags");

        MvcTestResult accepted = api.create(owner, body("Enough tags", "\"tags\":[" + twenty + "]"));
        assertThat(accepted).hasStatus(201);
        assertThat((List<?>) Json.read(accepted, "$.tags")).hasSize(20);
    }

    @Test
    void aTagLongerThanSixtyCharactersIsRefused() {
        Member owner = workspaces.withoutApprovals("Long tag");
        MvcTestResult refused = api.create(owner, body("Long tag", "\"tags\":[\"" + "t".repeat(61) + "\"]"));
        assertThat(refused).hasStatus(400);
        assertThat(Json.body(refused)).contains("tags");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"name\":\"Enum\",\"type\":\"RADIO_SPOT\"}                      | type",
            "{\"name\":\"Enum\",\"type\":\"OTHER\",\"priority\":\"CRITICAL\"} | priority",
            "{\"name\":\"Enum\",\"type\":\"OTHER\",\"channels\":[\"MYSPACE\"]} | channels[0]",
            "{\"name\":\"Date\",\"type\":\"OTHER\",\"startDate\":\"next week\"} | startDate"})
    void anUnknownValueIsAMalformedRequest(String body, String field) {
        Member owner = workspaces.withoutApprovals("Malformed");
        MvcTestResult refused = api.create(owner, body);
        assertThat(refused).hasStatus(400).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((String) Json.read(refused, "$.type")).endsWith("/malformed-request");
        assertThat((List<String>) Json.read(refused, "$.errors[*].field")).containsExactly(field);
    }

    @Test
    void aBodyThatIsNotJsonIsAMalformedRequest() {
        Member owner = workspaces.withoutApprovals("Not JSON");
        MvcTestResult refused = api.create(owner, "{\"name\":");
        assertThat(refused).hasStatus(400).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((String) Json.read(refused, "$.type")).endsWith("/malformed-request");
    }

    // --- read and update ---

    @Test
    void updateHonoursIfMatchAndAStaleEtagGets412WithTheCurrentOne() {
        Member owner = workspaces.withoutApprovals("Update");
        String id = api.createId(owner, CampaignRequests.readyBody("Before"));
        String etag = api.get(owner, id).getResponse().getHeader(HttpHeaders.ETAG);

        MvcTestResult updated = api.put(owner, id, CampaignRequests.readyBody("After")
                .replace("5000.00", "7000"), etag);
        assertThat(updated).hasStatusOk();
        String newEtag = updated.getResponse().getHeader(HttpHeaders.ETAG);
        assertThat(newEtag).isNotNull().isNotEqualTo(etag);
        assertThat((String) Json.read(updated, "$.name")).isEqualTo("After");
        assertThat(((Number) Json.read(updated, "$.budget.amount")).intValue()).isEqualTo(7000);
        assertThat(api.get(owner, id)).hasHeader(HttpHeaders.ETAG, newEtag);
        assertThat(api.sentences(owner, id).get(0)).isEqualTo(api.displayName(owner) + " changed the name and budget");

        MvcTestResult stale = api.put(owner, id, CampaignRequests.readyBody("Lost update"), etag);
        assertThat(stale).hasStatus(412).hasHeader(HttpHeaders.ETAG, newEtag)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((String) Json.read(stale, "$.type")).endsWith("/precondition-failed");
        assertThat((String) Json.read(api.get(owner, id), "$.name")).isEqualTo("After");
    }

    @Test
    void updateWithoutIfMatchIsAllowedAndAGarbageEtagIsRefused() {
        Member owner = workspaces.withoutApprovals("Update no etag");
        String id = api.createId(owner, body("Plain"));
        assertThat(api.put(owner, id, body("Plain renamed"), null)).hasStatusOk();
        MvcTestResult garbage = api.put(owner, id, body("Again"), "\"not-a-version\"");
        assertThat(garbage).hasStatus(400);
        assertThat((String) Json.read(api.get(owner, id), "$.name")).isEqualTo("Plain renamed");
    }

    @Test
    void updateValidatesLikeCreate() {
        Member owner = workspaces.withoutApprovals("Update invalid");
        String id = api.createId(owner, body("Valid"));
        MvcTestResult refused = api.put(owner, id,
                body("Valid", "\"startDate\":\"2027-05-10\"", "\"endDate\":\"2027-05-01\""), null);
        assertThat(refused).hasStatus(400);
        assertThat((List<String>) Json.read(refused, "$.errors[*].field")).containsExactly("endDate");
        assertThat((Object) Json.read(api.get(owner, id), "$.startDate")).isNull();
    }

    @Test
    void anUnchangedUpdateWritesNoActivity() {
        Member owner = workspaces.withoutApprovals("Unchanged");
        String id = api.createId(owner, CampaignRequests.readyBody("Same"));
        assertThat(api.put(owner, id, CampaignRequests.readyBody("Same"), null)).hasStatusOk();
        assertThat(api.sentences(owner, id)).hasSize(1);
    }

    @Test
    void anUnknownCampaignIsNotFound() {
        Member owner = workspaces.withoutApprovals("Unknown");
        MvcTestResult missing = api.get(owner, UUID.randomUUID().toString());
        assertThat(missing).hasStatus(404).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((String) Json.read(missing, "$.type")).endsWith("/not-found");
    }

    // --- idempotency ---

    @Test
    void theSameIdempotencyKeyAndBodyCreateOneCampaignAndReplayTheAnswer() {
        Member owner = workspaces.withoutApprovals("Idempotent");
        String key = "create-" + UUID.randomUUID();
        String body = CampaignRequests.readyBody("Once only");

        MvcTestResult first = createWithKey(owner, key, body);
        MvcTestResult second = createWithKey(owner, key, body);

        assertThat(first).hasStatus(201);
        assertThat(first.getResponse().getHeader("Idempotent-Replayed")).isNull();
        assertThat(second).hasStatus(201).hasHeader("Idempotent-Replayed", "true")
                .hasHeader(HttpHeaders.LOCATION, first.getResponse().getHeader(HttpHeaders.LOCATION))
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        assertThat(tree(second)).isEqualTo(tree(first));
        assertThat(names(owner, "q=Once only")).containsExactly("Once only");
    }

    @Test
    void aReplayedCreateCarriesTheSameEtag() {
        Member owner = workspaces.withoutApprovals("Idempotent etag");
        String key = "create-" + UUID.randomUUID();
        MvcTestResult first = createWithKey(owner, key, body("Etag replay"));
        MvcTestResult second = createWithKey(owner, key, body("Etag replay"));
        assertThat(first.getResponse().getHeader(HttpHeaders.ETAG)).isNotNull();
        assertThat(second).hasHeader(HttpHeaders.ETAG, first.getResponse().getHeader(HttpHeaders.ETAG));
    }

    @Test
    void theSameIdempotencyKeyWithAnotherBodyIs422() {
        Member owner = workspaces.withoutApprovals("Idempotent reuse");
        String key = "create-" + UUID.randomUUID();
        assertThat(createWithKey(owner, key, body("First body"))).hasStatus(201);

        MvcTestResult reused = createWithKey(owner, key, body("Second body"));

        assertThat(reused).hasStatus(422).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((String) Json.read(reused, "$.type")).endsWith("/idempotency-key-reused");
        assertThat(names(owner, "")).containsExactly("First body");
    }

    @Test
    void idempotencyKeysBelongToTheirWorkspace() {
        Member ownerA = workspaces.withoutApprovals("Idempotent A");
        Member ownerB = workspaces.withoutApprovals("Idempotent B");
        String key = "shared-" + UUID.randomUUID();
        MvcTestResult inA = createWithKey(ownerA, key, body("Same key"));
        MvcTestResult inB = createWithKey(ownerB, key, body("Same key"));
        assertThat(inB).hasStatus(201);
        assertThat(inB.getResponse().getHeader("Idempotent-Replayed")).isNull();
        assertThat((String) Json.read(inB, "$.id")).isNotEqualTo(Json.read(inA, "$.id"));
    }

    // --- list ---

    @Test
    void listFiltersByRepeatedStatus() {
        Member owner = workspaces.withoutApprovals("Status filter");
        api.createId(owner, body("Draft one"));
        String planning = api.createId(owner, body("Planning one"));
        api.moveTo(owner, planning, CampaignStatus.PLANNING);
        String cancelled = api.createId(owner, body("Cancelled one"));
        api.moveTo(owner, cancelled, CampaignStatus.CANCELLED);

        assertThat(names(owner, "status=DRAFT&status=PLANNING")).containsExactlyInAnyOrder("Draft one", "Planning one");
        assertThat(names(owner, "status=CANCELLED")).containsExactly("Cancelled one");
        assertThat(names(owner, "status=ACTIVE")).isEmpty();
        assertThat(names(owner, "")).hasSize(3);
    }

    @Test
    void listFiltersByTypeOwnerAndPriority() {
        Member owner = workspaces.withoutApprovals("Field filters");
        Member manager = workspaces.addMember(owner, Role.MANAGER);
        api.createId(owner, "{\"name\":\"Event high\",\"type\":\"EVENT\",\"priority\":\"HIGH\"}");
        api.createId(owner, "{\"name\":\"Event low\",\"type\":\"EVENT\",\"priority\":\"LOW\",\"ownerId\":\"" + manager.userId() + "\"}");
        api.createId(manager, "{\"name\":\"Series high\",\"type\":\"CONTENT_SERIES\",\"priority\":\"HIGH\"}");

        assertThat(names(owner, "type=EVENT")).containsExactlyInAnyOrder("Event high", "Event low");
        assertThat(names(owner, "ownerId=" + manager.userId())).containsExactlyInAnyOrder("Event low", "Series high");
        assertThat(names(owner, "priority=HIGH")).containsExactlyInAnyOrder("Event high", "Series high");
        assertThat(names(owner, "type=EVENT&priority=HIGH")).containsExactly("Event high");
        assertThat(names(owner, "type=LEAD_GENERATION")).isEmpty();
    }

    @Test
    void listFiltersByTagAndChannel() {
        Member owner = workspaces.withoutApprovals("Tag filter");
        api.createId(owner, body("Tagged q1", "\"tags\":[\"q1\",\"retail\"]", "\"channels\":[\"TIKTOK\",\"EMAIL\"]"));
        api.createId(owner, body("Tagged q2", "\"tags\":[\"q2\"]", "\"channels\":[\"EMAIL\"]"));
        api.createId(owner, body("Untagged"));

        assertThat(names(owner, "tag=q1")).containsExactly("Tagged q1");
        assertThat(names(owner, "tag= retail ")).containsExactly("Tagged q1");
        assertThat(names(owner, "tag=q3")).isEmpty();
        assertThat(names(owner, "channel=EMAIL")).containsExactlyInAnyOrder("Tagged q1", "Tagged q2");
        assertThat(names(owner, "channel=TIKTOK")).containsExactly("Tagged q1");
        assertThat(names(owner, "channel=YOUTUBE")).isEmpty();
    }

    @Test
    void listFiltersByDateOverlap() {
        Member owner = workspaces.withoutApprovals("Date filter");
        api.createId(owner, body("January", "\"startDate\":\"2027-01-01\"", "\"endDate\":\"2027-01-31\""));
        api.createId(owner, body("Mid Feb to mid Mar", "\"startDate\":\"2027-02-15\"", "\"endDate\":\"2027-03-15\""));
        api.createId(owner, body("April", "\"startDate\":\"2027-04-01\"", "\"endDate\":\"2027-04-30\""));
        api.createId(owner, body("Ends Feb first", "\"startDate\":\"2026-12-01\"", "\"endDate\":\"2027-02-01\""));
        api.createId(owner, body("Open ended from Feb", "\"startDate\":\"2027-02-20\""));

        List<String> february = names(owner, "from=2027-02-01&to=2027-02-28");
        api.createId(owner, body("Undated"));
        assertThat(names(owner, "from=2027-02-01&to=2027-02-28")).doesNotContain("Undated");
        assertThat(february).contains("Mid Feb to mid Mar", "Ends Feb first", "Open ended from Feb")
                .doesNotContain("January", "April");
        assertThat(names(owner, "from=2027-04-15")).contains("April", "Open ended from Feb")
                .doesNotContain("January", "Mid Feb to mid Mar", "Ends Feb first");
        assertThat(names(owner, "to=2027-01-15")).contains("January", "Ends Feb first")
                .doesNotContain("Mid Feb to mid Mar", "April", "Open ended from Feb");
    }

    @Test
    void aBadDateParameterIsRefused() {
        Member owner = workspaces.withoutApprovals("Bad date param");
        MvcTestResult refused = list(owner, "from=February");
        assertThat(refused).hasStatus(400).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void listSearchesNameAndDescriptionCaseInsensitively() {
        Member owner = workspaces.withoutApprovals("Search");
        api.createId(owner, body("Summer Sale"));
        api.createId(owner, body("WINTER SALE"));
        api.createId(owner, body("Brand push", "\"description\":\"Clearance sale in every store\""));
        api.createId(owner, body("Newsletter"));

        assertThat(names(owner, "q=sale")).containsExactlyInAnyOrder("Summer Sale", "WINTER SALE", "Brand push");
        assertThat(names(owner, "q=SaLe")).hasSize(3);
        assertThat(names(owner, "q=  newsLETTER  ")).containsExactly("Newsletter");
        assertThat(names(owner, "q=clearance")).containsExactly("Brand push");
        assertThat(names(owner, "q=nothing like this")).isEmpty();
    }

    @Test
    void wildcardCharactersInTheSearchMatchLiterally() {
        Member owner = workspaces.withoutApprovals("Search wildcards");
        api.createId(owner, body("100% recycled"));
        api.createId(owner, body("1000 recycled bottles"));
        api.createId(owner, body("under_score"));
        api.createId(owner, body("underXscore"));
        api.createId(owner, body("back\\\\slash"));

        assertThat(names(owner, "q=100%")).containsExactly("100% recycled");
        assertThat(names(owner, "q=%")).containsExactly("100% recycled");
        assertThat(names(owner, "q=under_score")).containsExactly("under_score");
        assertThat(names(owner, "q=k\\s")).containsExactly("back\\slash");
    }

    @Test
    void listSortsByAllowedFieldsAndRefusesOthers() {
        Member owner = workspaces.withoutApprovals("Sort");
        api.createId(owner, body("Charlie"));
        api.createId(owner, body("Alpha"));
        api.createId(owner, body("Bravo"));

        assertThat(names(owner, "sort=name,asc")).containsExactly("Alpha", "Bravo", "Charlie");
        assertThat(names(owner, "sort=name,desc")).containsExactly("Charlie", "Bravo", "Alpha");
        assertThat(names(owner, "sort=name")).containsExactly("Alpha", "Bravo", "Charlie");
        assertThat(list(owner, "sort=name,sideways")).hasStatus(400);
        assertThat(names(owner, "sort=createdAt,asc")).containsExactly("Charlie", "Alpha", "Bravo");

        MvcTestResult bogus = list(owner, "sort=bogus");
        assertThat(bogus).hasStatus(400).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((List<String>) Json.read(bogus, "$.errors[*].field")).containsExactly("sort");
    }

    @ParameterizedTest
    @ValueSource(strings = {"priority,desc", "status,asc", "tenantId,asc", "deletedAt,desc", "bogus"})
    void onlyMeaningfullyOrderedFieldsAreSortable(String sort) {
        Member owner = workspaces.withoutApprovals("Unsortable");
        MvcTestResult refused = list(owner, "sort=" + sort);
        assertThat(refused).hasStatus(400).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((List<String>) Json.read(refused, "$.errors[*].field")).containsExactly("sort");
    }

    @Test
    void listSortsByDates() {
        Member owner = workspaces.withoutApprovals("Date sort");
        api.createId(owner, body("Middle", "\"startDate\":\"2027-02-01\"", "\"endDate\":\"2027-09-01\""));
        api.createId(owner, body("First", "\"startDate\":\"2027-01-01\"", "\"endDate\":\"2027-12-01\""));
        api.createId(owner, body("Last", "\"startDate\":\"2027-03-01\"", "\"endDate\":\"2027-04-01\""));
        assertThat(names(owner, "sort=startDate,asc")).containsExactly("First", "Middle", "Last");
        assertThat(names(owner, "sort=endDate,asc")).containsExactly("Last", "Middle", "First");
    }

    @Test
    void listPagesWithATotal() {
        Member owner = workspaces.withoutApprovals("Paging");
        for (int i = 1; i <= 5; i++) {
            api.createId(owner, body("Page item " + i));
        }
        Set<String> seen = new HashSet<>();
        List<Integer> sizes = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            MvcTestResult result = api.fetch(owner, CampaignRequests.BASE + "?size=2&sort=name,asc&page=" + page);
            assertThat(result).hasStatusOk();
            assertThat((Integer) Json.read(result, "$.total")).isEqualTo(5);
            assertThat((Integer) Json.read(result, "$.totalPages")).isEqualTo(3);
            assertThat((Integer) Json.read(result, "$.page")).isEqualTo(page);
            assertThat((Integer) Json.read(result, "$.size")).isEqualTo(2);
            List<String> ids = Json.read(result, "$.items[*].id");
            sizes.add(ids.size());
            seen.addAll(ids);
        }
        assertThat(sizes).containsExactly(2, 2, 1);
        assertThat(seen).hasSize(5);
        MvcTestResult beyond = api.fetch(owner, CampaignRequests.BASE + "?size=2&page=9");
        assertThat((List<?>) Json.read(beyond, "$.items")).isEmpty();
        assertThat((Integer) Json.read(beyond, "$.total")).isEqualTo(5);
    }

    @Test
    void theListShowsNamesAndAllowedMovesLikeTheSingleRead() {
        Member owner = workspaces.withoutApprovals("List view");
        String id = api.createId(owner, CampaignRequests.readyBody("Viewed"));
        MvcTestResult list = list(owner, "");
        assertThat((String) Json.read(list, "$.items[0].id")).isEqualTo(id);
        assertThat((String) Json.read(list, "$.items[0].ownerName")).isEqualTo(api.displayName(owner));
        assertThat((List<String>) Json.read(list, "$.items[0].allowedTransitions")).containsExactly("plan", "cancel");
        assertThat((List<String>) Json.read(list, "$.items[0].channels")).containsExactlyInAnyOrder("EMAIL", "INSTAGRAM");
    }

    // --- trash ---

    @Test
    void aDeletedCampaignIsGoneUntilRestored() {
        Member owner = workspaces.withoutApprovals("Trash");
        String id = api.createId(owner, body("Trashed"));
        String kept = api.createId(owner, body("Kept"));

        assertThat(api.delete(owner, id)).hasStatus(204);
        assertThat(api.get(owner, id)).hasStatus(404);
        assertThat(api.readiness(owner, id)).hasStatus(404);
        assertThat(api.put(owner, id, body("Edited in trash"), null)).hasStatus(404);
        assertThat(ids(owner, "")).containsExactly(kept);
        assertThat((Integer) Json.read(list(owner, ""), "$.total")).isEqualTo(1);
        assertThat(api.delete(owner, id)).hasStatus(404);

        MvcTestResult restored = api.restore(owner, id);
        assertThat(restored).hasStatusOk();
        assertThat((String) Json.read(restored, "$.name")).isEqualTo("Trashed");
        assertThat(restored.getResponse().getHeader(HttpHeaders.ETAG)).isNotNull();
        assertThat(api.get(owner, id)).hasStatusOk();
        assertThat(ids(owner, "")).containsExactlyInAnyOrder(id, kept);
        String name = api.displayName(owner);
        assertThat(api.sentences(owner, id)).contains(name + " moved the campaign to the trash",
                name + " restored the campaign from the trash");
    }

    @Test
    void onlyADeletedCampaignCanBeRestored() {
        Member owner = workspaces.withoutApprovals("Restore live");
        String id = api.createId(owner, body("Alive"));
        assertThat(api.restore(owner, id)).hasStatus(404);
        assertThat(api.restore(owner, UUID.randomUUID().toString())).hasStatus(404);
    }

    @Test
    void aDeletedCampaignKeepsItsStatusWhenRestored() {
        Member owner = workspaces.withoutApprovals("Restore status");
        String id = api.campaignIn(owner, CampaignStatus.PAUSED, "Paused then trashed");
        assertThat(api.delete(owner, id)).hasStatus(204);
        assertThat(names(owner, "status=PAUSED")).isEmpty();
        assertThat((String) Json.read(api.restore(owner, id), "$.status")).isEqualTo("PAUSED");
    }

    // --- tenancy ---

    @Test
    void anotherWorkspaceCannotSeeOrTouchACampaign() {
        Member ownerA = workspaces.withoutApprovals("Tenant A");
        Member ownerB = workspaces.withoutApprovals("Tenant B");
        String id = api.createId(ownerA, CampaignRequests.readyBody("Secret plan"));
        String etag = api.get(ownerA, id).getResponse().getHeader(HttpHeaders.ETAG);

        assertThat(api.get(ownerB, id)).hasStatus(404);
        assertThat(api.put(ownerB, id, body("Hijacked"), null)).hasStatus(404);
        for (String transition : List.of("plan", "cancel")) {
            assertThat(api.transition(ownerB, id, transition)).hasStatus(404);
        }
        assertThat(api.readiness(ownerB, id)).hasStatus(404);
        assertThat(api.activity(ownerB, id)).hasStatus(404);
        assertThat(api.fetch(ownerB, CampaignRequests.BASE + "/" + id + "/status")).hasStatus(404);
        assertThat(api.restore(ownerB, id)).hasStatus(404);
        MvcTestResult delete = api.delete(ownerB, id);
        assertThat(delete).hasStatus(404).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

        MvcTestResult unchanged = api.get(ownerA, id);
        assertThat(unchanged).hasStatusOk().hasHeader(HttpHeaders.ETAG, etag);
        assertThat((String) Json.read(unchanged, "$.name")).isEqualTo("Secret plan");
        assertThat((String) Json.read(unchanged, "$.status")).isEqualTo("DRAFT");
        assertThat(api.sentences(ownerA, id)).hasSize(1);
    }

    @Test
    void anotherWorkspaceCannotRestoreADeletedCampaign() {
        Member ownerA = workspaces.withoutApprovals("Trash A");
        Member ownerB = workspaces.withoutApprovals("Trash B");
        String id = api.createId(ownerA, body("Trashed in A"));
        assertThat(api.delete(ownerA, id)).hasStatus(204);
        assertThat(api.restore(ownerB, id)).hasStatus(404);
        assertThat(api.get(ownerA, id)).hasStatus(404);
        assertThat(api.restore(ownerA, id)).hasStatusOk();
    }

    @Test
    void anotherWorkspaceNeverSeesRowsInTheList() {
        Member ownerA = workspaces.withoutApprovals("List A");
        Member ownerB = workspaces.withoutApprovals("List B");
        String marker = "Isolated " + UUID.randomUUID();
        String id = api.createId(ownerA, body(marker, "\"tags\":[\"isolation\"]", "\"priority\":\"URGENT\""));

        assertThat(ids(ownerB, "")).doesNotContain(id);
        assertThat(names(ownerB, "q=" + marker)).isEmpty();
        assertThat(names(ownerB, "tag=isolation")).isEmpty();
        assertThat((Integer) Json.read(list(ownerB, ""), "$.total")).isZero();
        assertThat(names(ownerA, "q=" + marker)).containsExactly(marker);
    }

    // --- roles ---

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"VIEWER", "CONTRIBUTOR", "APPROVER"})
    void membersBelowManagerCannotWriteCampaigns(Role role) {
        Member owner = workspaces.withoutApprovals("Role writes");
        Member member = workspaces.addMember(owner, role);
        String id = api.createId(owner, CampaignRequests.readyBody("Owned by owner"));

        MvcTestResult create = api.create(member, body("Not allowed"));
        assertThat(create).hasStatus(403).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((String) Json.read(create, "$.type")).endsWith("/forbidden");
        assertThat(api.put(member, id, body("Renamed"), null)).hasStatus(403);
        assertThat(api.delete(member, id)).hasStatus(403);
        assertThat(api.transition(member, id, "plan")).hasStatus(403);
        assertThat(api.delete(owner, id)).hasStatus(204);
        assertThat(api.restore(member, id)).hasStatus(403);
        assertThat(api.restore(owner, id)).hasStatusOk();

        MvcTestResult after = api.get(owner, id);
        assertThat((String) Json.read(after, "$.name")).isEqualTo("Owned by owner");
        assertThat((String) Json.read(after, "$.status")).isEqualTo("DRAFT");
        assertThat(names(owner, "")).containsExactly("Owned by owner");
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"VIEWER", "CONTRIBUTOR", "APPROVER"})
    void membersBelowManagerCanReadCampaigns(Role role) {
        Member owner = workspaces.withoutApprovals("Role reads");
        Member member = workspaces.addMember(owner, role);
        String id = api.createId(owner, CampaignRequests.readyBody("Readable"));

        assertThat(api.get(member, id)).hasStatusOk();
        assertThat(ids(member, "")).containsExactly(id);
        assertThat(api.readiness(member, id)).hasStatusOk();
        assertThat(api.activity(member, id)).hasStatusOk();
        assertThat(api.fetch(member, CampaignRequests.BASE + "/" + id + "/status")).hasStatusOk();
        assertThat(api.fetch(member, "/api/v1/campaign-settings")).hasStatusOk();
    }

    @Test
    void aManagerCreatesUpdatesAndDeletes() {
        Member owner = workspaces.withoutApprovals("Manager writes");
        Member manager = workspaces.addMember(owner, Role.MANAGER);
        String id = api.createId(manager, body("By manager"));
        assertThat(api.put(manager, id, body("By manager, renamed"), null)).hasStatusOk();
        assertThat(api.delete(manager, id)).hasStatus(204);
        assertThat(api.restore(manager, id)).hasStatusOk();
    }

    @Test
    void anonymousCallersAreUnauthenticated() {
        MvcTestResult anonymous = mvc.get().uri(CampaignRequests.BASE).exchange();
        assertThat(anonymous).hasStatus(401);
        MvcTestResult create = mvc.post().uri(CampaignRequests.BASE).contentType(MediaType.APPLICATION_JSON)
                .content(body("Anonymous")).exchange();
        assertThat(create.getResponse().getStatus()).isIn(401, 403);
    }

}
