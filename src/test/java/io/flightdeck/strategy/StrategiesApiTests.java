package io.flightdeck.strategy;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;

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
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.flightdeck.strategy.StrategyRequests.FULL;
import static io.flightdeck.strategy.StrategyRequests.base;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The strategy REST resource: versions and their standing, events, invalidation, validation, the stale-save guard,
 * completeness, diffs, readiness, idempotency, tenancy and roles.
 */
@FlightdeckTest
@RecordApplicationEvents
class StrategiesApiTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApplicationEvents events;
    @Autowired
    StrategyDirectory directory;

    private StrategyRequests api;

    @BeforeEach
    void setUp() {
        api = new StrategyRequests(mvc);
    }

    private static String goals(String... goals) {
        return "{\"goals\":[" + String.join(",", java.util.Arrays.stream(goals).map(g -> "\"" + g + "\"").toList()) + "]}";
    }

    private List<StrategyRevised> revised(String campaignId) {
        return events.stream(StrategyRevised.class).filter(e -> e.campaignId().toString().equals(campaignId)).toList();
    }

    // --- create and read ---

    @Test
    void theFirstSaveIsVersionOneAndCurrent() {
        Member owner = workspaces.workspace("First strategy");
        Member writer = workspaces.addMember(owner, Role.CONTRIBUTOR);
        String campaign = api.campaign(owner, "Spring launch", true);

        MvcTestResult created = api.save(writer, campaign, FULL);

        assertThat(created).hasStatus(201).hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .hasHeader(HttpHeaders.LOCATION, base(campaign) + "/1");
        assertThat((Integer) Json.read(created, "$.version")).isEqualTo(1);
        assertThat((String) Json.read(created, "$.status")).isEqualTo("CURRENT");
        assertThat((String) Json.read(created, "$.campaignId")).isEqualTo(campaign);
        assertThat((List<String>) Json.read(created, "$.platforms")).containsExactly("INSTAGRAM", "FACEBOOK");
        assertThat((List<String>) Json.read(created, "$.goals")).containsExactly("2,000 trial sign-ups", "300 sales-qualified leads");
        assertThat((List<String>) Json.read(created, "$.contentPillars")).containsExactly("Customer stories", "Product tips");
        assertThat((String) Json.read(created, "$.targetAudience")).startsWith("Operations managers");
        assertThat((String) Json.read(created, "$.brandTone")).isEqualTo("Confident, warm, no jargon");
        assertThat((String) Json.read(created, "$.constraints")).startsWith("No competitor names");
        assertThat((String) Json.read(created, "$.cadence")).isEqualTo("3 posts a week on Instagram");
        assertThat((String) Json.read(created, "$.adsConfig.objective")).isEqualTo("LEADS");
        assertThat((Map<String, Integer>) Json.read(created, "$.adsConfig.budgetSplit"))
                .isEqualTo(Map.of("INSTAGRAM", 60, "FACEBOOK", 40));
        assertThat((String) Json.read(created, "$.adsConfig.biddingNotes")).isEqualTo("Cap CPC at 2 EUR");
        assertThat((String) Json.read(created, "$.createdBy")).isEqualTo(writer.userId().toString());
        assertThat((String) Json.read(created, "$.createdByName")).isEqualTo("A Contributor");
        assertThat((Object) Json.read(created, "$.invalidatedAt")).isNull();
        assertThat((Map<String, Object>) Json.read(created, "$")).containsOnlyKeys("id", "campaignId", "version", "status",
                "platforms", "goals", "targetAudience", "contentPillars", "brandTone", "constraints", "cadence", "adsConfig",
                "channelMix", "createdBy", "createdByName", "createdAt", "invalidatedAt", "invalidatedBy", "invalidatedByName",
                "invalidationReason");

        MvcTestResult byLocation = api.fetch(owner, created.getResponse().getHeader(HttpHeaders.LOCATION));
        assertThat(byLocation).hasStatusOk();
        assertThat(Json.body(byLocation)).isEqualTo(Json.body(created));
        assertThat(Json.body(api.fetch(owner, base(campaign) + "/current"))).isEqualTo(Json.body(created));

        assertThat(revised(campaign)).singleElement().satisfies(event -> {
            assertThat(event.version()).isEqualTo(1);
            assertThat(event.previousVersion()).isNull();
            assertThat(event.workspaceId()).isEqualTo(owner.workspaceId());
            assertThat(event.actorId()).isEqualTo(writer.userId());
            assertThat(event.strategyId().toString()).isEqualTo(Json.read(created, "$.id"));
            assertThat(event.at()).isNotNull();
        });
        assertThat(workspaces.as(owner, () -> directory.currentVersion(UUID.fromString(campaign)))).hasValue(1);
    }

    @Test
    void eachSaveSupersedesThePreviousVersion() {
        Member owner = workspaces.workspace("Superseding");
        String campaign = api.campaign(owner, "Versions", false);

        assertThat(api.saveVersion(owner, campaign, goals("one"))).isEqualTo(1);
        assertThat(api.saveVersion(owner, campaign, goals("two"))).isEqualTo(2);
        assertThat(api.saveVersion(owner, campaign, goals("three"))).isEqualTo(3);

        MvcTestResult list = api.fetch(owner, base(campaign));
        assertThat(list).hasStatusOk();
        assertThat((List<Integer>) Json.read(list, "$.items[*].version")).containsExactly(3, 2, 1);
        assertThat((List<String>) Json.read(list, "$.items[*].status")).containsExactly("CURRENT", "SUPERSEDED", "SUPERSEDED");
        assertThat((Integer) Json.read(list, "$.total")).isEqualTo(3);

        MvcTestResult first = api.fetch(owner, base(campaign) + "/1");
        assertThat((String) Json.read(first, "$.status")).isEqualTo("SUPERSEDED");
        assertThat((String) Json.read(first, "$.invalidationReason")).isEqualTo("Superseded by version 2");
        assertThat((String) Json.read(first, "$.invalidatedBy")).isEqualTo(owner.userId().toString());
        assertThat((String) Json.read(first, "$.invalidatedAt")).isNotBlank();
        assertThat((List<String>) Json.read(first, "$.goals")).containsExactly("one");
        assertThat((String) Json.read(api.fetch(owner, base(campaign) + "/2"), "$.invalidationReason"))
                .isEqualTo("Superseded by version 3");
        assertThat((Integer) Json.read(api.fetch(owner, base(campaign) + "/current"), "$.version")).isEqualTo(3);

        assertThat(revised(campaign)).extracting(StrategyRevised::version).containsExactly(1, 2, 3);
        assertThat(revised(campaign)).extracting(StrategyRevised::previousVersion).containsExactly(null, 1, 2);
    }

    @Test
    void theListIsPagedNewestFirst() {
        Member owner = workspaces.workspace("Strategy paging");
        String campaign = api.campaign(owner, "Paged", false);
        for (int i = 1; i <= 5; i++) {
            api.saveVersion(owner, campaign, goals("goal " + i));
        }
        MvcTestResult second = api.fetch(owner, base(campaign) + "?page=1&size=2");
        assertThat(second).hasStatusOk();
        assertThat((List<Integer>) Json.read(second, "$.items[*].version")).containsExactly(3, 2);
        assertThat((Integer) Json.read(second, "$.total")).isEqualTo(5);
        assertThat((Integer) Json.read(second, "$.totalPages")).isEqualTo(3);
        assertThat((Integer) Json.read(second, "$.page")).isEqualTo(1);
    }

    @Test
    void textIsTrimmedAndEmptyOrRepeatedItemsDropped() {
        Member owner = workspaces.workspace("Trimmed");
        String campaign = api.campaign(owner, "Trim", false);
        MvcTestResult saved = api.save(owner, campaign, """
                {"platforms":["EMAIL","EMAIL","BLOG"],"goals":["  leads  ","","   ","leads","sign-ups"],
                 "brandTone":"   ","cadence":"  weekly  ","adsConfig":{"objective":null,"budgetSplit":{},"biddingNotes":" "}}""");
        assertThat(saved).hasStatus(201);
        assertThat((List<String>) Json.read(saved, "$.platforms")).containsExactly("EMAIL", "BLOG");
        assertThat((List<String>) Json.read(saved, "$.goals")).containsExactly("leads", "sign-ups");
        assertThat((Object) Json.read(saved, "$.brandTone")).isNull();
        assertThat((String) Json.read(saved, "$.cadence")).isEqualTo("weekly");
        assertThat((Object) Json.read(saved, "$.adsConfig")).isNull();
    }

    @Test
    void anEmptyStrategyIsAVersionToo() {
        Member owner = workspaces.workspace("Empty strategy");
        String campaign = api.campaign(owner, "Empty", false);
        MvcTestResult saved = api.save(owner, campaign, "{}");
        assertThat(saved).hasStatus(201);
        assertThat((List<?>) Json.read(saved, "$.platforms")).isEmpty();
        assertThat((List<?>) Json.read(saved, "$.goals")).isEmpty();
    }

    @Test
    void withoutAStrategyCurrentIsNotFound() {
        Member owner = workspaces.workspace("No strategy");
        String campaign = api.campaign(owner, "Bare", false);
        MvcTestResult current = api.fetch(owner, base(campaign) + "/current");
        assertThat(current).hasStatus(404).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((String) Json.read(current, "$.type")).endsWith("/not-found");
        assertThat(api.fetch(owner, base(campaign) + "/1")).hasStatus(404);
        assertThat((Integer) Json.read(api.fetch(owner, base(campaign)), "$.total")).isZero();
        assertThat(workspaces.as(owner, () -> directory.currentVersion(UUID.fromString(campaign)))).isEqualTo(OptionalInt.empty());
    }

    @Test
    void anUnknownCampaignIsNotFound() {
        Member owner = workspaces.workspace("Unknown campaign");
        String unknown = UUID.randomUUID().toString();
        MvcTestResult saved = api.save(owner, unknown, FULL);
        assertThat(saved).hasStatus(404).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((String) Json.read(saved, "$.detail")).isEqualTo("The campaign was not found");
        assertThat(api.fetch(owner, base(unknown))).hasStatus(404);
    }

    // --- invalidation ---

    @Test
    void invalidatingTheCurrentVersionLeavesNoCurrentUntilTheNextSave() {
        Member owner = workspaces.workspace("Invalidate");
        Member writer = workspaces.addMember(owner, Role.CONTRIBUTOR);
        String campaign = api.campaign(owner, "Withdrawn", false);
        api.saveVersion(owner, campaign, goals("one"));
        String id = Json.read(api.fetch(owner, base(campaign) + "/current"), "$.id");

        MvcTestResult invalidated = api.invalidate(writer, campaign, 1, "  The launch moved to Q3  ");

        assertThat(invalidated).hasStatusOk();
        assertThat((String) Json.read(invalidated, "$.status")).isEqualTo("INVALIDATED");
        assertThat((String) Json.read(invalidated, "$.invalidationReason")).isEqualTo("The launch moved to Q3");
        assertThat((String) Json.read(invalidated, "$.invalidatedBy")).isEqualTo(writer.userId().toString());
        assertThat((String) Json.read(invalidated, "$.invalidatedByName")).isEqualTo("A Contributor");
        assertThat(events.stream(StrategyInvalidated.class)).singleElement().satisfies(event -> {
            assertThat(event.campaignId().toString()).isEqualTo(campaign);
            assertThat(event.strategyId().toString()).isEqualTo(id);
            assertThat(event.version()).isEqualTo(1);
            assertThat(event.reason()).isEqualTo("The launch moved to Q3");
            assertThat(event.actorId()).isEqualTo(writer.userId());
            assertThat(event.workspaceId()).isEqualTo(owner.workspaceId());
        });
        assertThat(api.fetch(owner, base(campaign) + "/current")).hasStatus(404);
        assertThat(workspaces.as(owner, () -> directory.currentVersion(UUID.fromString(campaign)))).isEmpty();

        assertThat(api.saveVersion(owner, campaign, goals("two"))).isEqualTo(2);
        assertThat(revised(campaign)).extracting(StrategyRevised::previousVersion).containsExactly(null, 1);
        assertThat((String) Json.read(api.fetch(owner, base(campaign) + "/1"), "$.status")).isEqualTo("INVALIDATED");
        assertThat((String) Json.read(api.fetch(owner, base(campaign) + "/1"), "$.invalidationReason"))
                .isEqualTo("The launch moved to Q3");
        assertThat((Integer) Json.read(api.fetch(owner, base(campaign) + "/current"), "$.version")).isEqualTo(2);
    }

    @Test
    void onlyTheCurrentVersionCanBeInvalidated() {
        Member owner = workspaces.workspace("Invalidate twice");
        String campaign = api.campaign(owner, "Twice", false);
        api.saveVersion(owner, campaign, goals("one"));
        api.saveVersion(owner, campaign, goals("two"));
        assertThat(api.invalidate(owner, campaign, 2, "Wrong audience")).hasStatusOk();

        for (int version : new int[] {1, 2}) {
            MvcTestResult refused = api.invalidate(owner, campaign, version, "Again");
            assertThat(refused).as("version %d", version).hasStatus(409)
                    .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat((String) Json.read(refused, "$.type")).endsWith("/strategy-not-current");
            // the problem's status is the HTTP status; the version's own state is currentState
            assertThat((Integer) Json.read(refused, "$.status")).isEqualTo(409);
            assertThat((String) Json.read(refused, "$.currentState")).isEqualTo(version == 1 ? "SUPERSEDED" : "INVALIDATED");
        }
        assertThat((String) Json.read(api.fetch(owner, base(campaign) + "/1"), "$.invalidationReason"))
                .isEqualTo("Superseded by version 2");
        assertThat(events.stream(StrategyInvalidated.class)).hasSize(1);
        assertThat(api.invalidate(owner, campaign, 3, "No such version")).hasStatus(404);
    }

    @ParameterizedTest(name = "body {0}")
    @NullSource
    @ValueSource(strings = {"{}", "{\"reason\":null}", "{\"reason\":\"   \"}"})
    void invalidatingNeedsAReason(String body) {
        Member owner = workspaces.workspace("Invalidate without reason");
        String campaign = api.campaign(owner, "No reason", false);
        api.saveVersion(owner, campaign, goals("one"));

        MvcTestResult refused = api.post(owner, base(campaign) + "/1/invalidate", body);

        assertThat(refused).hasStatus(400).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((String) Json.read(refused, "$.type")).endsWith("/validation");
        assertThat((List<String>) Json.read(refused, "$.errors[*].field")).containsExactly("reason");
        assertThat((String) Json.read(api.fetch(owner, base(campaign) + "/1"), "$.status")).isEqualTo("CURRENT");
        assertThat(events.stream(StrategyInvalidated.class)).isEmpty();
    }

    @Test
    void aReasonLongerThan500CharactersIsRefused() {
        Member owner = workspaces.workspace("Long reason");
        String campaign = api.campaign(owner, "Long reason", false);
        api.saveVersion(owner, campaign, goals("one"));
        MvcTestResult refused = api.invalidate(owner, campaign, 1, "x".repeat(501));
        assertThat(refused).hasStatus(400);
        assertThat((List<String>) Json.read(refused, "$.errors[*].field")).containsExactly("reason");
        assertThat(api.invalidate(owner, campaign, 1, "x".repeat(500))).hasStatusOk();
    }

    // --- validation ---

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "split under 100     | {\"platforms\":[\"INSTAGRAM\",\"FACEBOOK\"],\"adsConfig\":{\"budgetSplit\":{\"INSTAGRAM\":60,\"FACEBOOK\":30}}}  | adsConfig.budgetSplit",
            "split over 100      | {\"platforms\":[\"INSTAGRAM\",\"FACEBOOK\"],\"adsConfig\":{\"budgetSplit\":{\"INSTAGRAM\":60,\"FACEBOOK\":50}}}  | adsConfig.budgetSplit",
            "split off-platform  | {\"platforms\":[\"INSTAGRAM\"],\"adsConfig\":{\"budgetSplit\":{\"INSTAGRAM\":50,\"TIKTOK\":50}}}                  | adsConfig.budgetSplit",
            "negative share      | {\"platforms\":[\"INSTAGRAM\",\"FACEBOOK\"],\"adsConfig\":{\"budgetSplit\":{\"INSTAGRAM\":100,\"FACEBOOK\":-10}}} | adsConfig.budgetSplit[FACEBOOK]",
            "audience too long   | {\"targetAudience\":\"%4001\"}                                                                                 | targetAudience",
            "tone too long       | {\"brandTone\":\"%2001\"}                                                                                      | brandTone",
            "constraints too long| {\"constraints\":\"%4001\"}                                                                                    | constraints",
            "cadence too long    | {\"cadence\":\"%2001\"}                                                                                        | cadence",
            "notes too long      | {\"adsConfig\":{\"biddingNotes\":\"%2001\"}}                                                                   | adsConfig.biddingNotes",
            "goal too long       | {\"goals\":[\"%201\"]}                                                                                         | goals[0]",
            "pillar too long     | {\"contentPillars\":[\"ok\",\"%201\"]}                                                                         | contentPillars[1]",
            "stale base negative | {\"basedOnVersion\":-1}                                                                                       | basedOnVersion"})
    void anInvalidStrategyIsRefusedNamingTheField(String what, String body, String field) {
        Member owner = workspaces.workspace("Invalid strategy");
        String campaign = api.campaign(owner, "Invalid", false);
        MvcTestResult refused = api.save(owner, campaign, expand(body));
        assertThat(refused).as(what).hasStatus(400).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((String) Json.read(refused, "$.type")).endsWith("/validation");
        assertThat((List<String>) Json.read(refused, "$.errors[*].field")).containsExactly(field);
        assertThat((List<String>) Json.read(refused, "$.errors[*].message")).allSatisfy(m -> assertThat(m).isNotBlank());
        assertThat(api.versions(owner, campaign)).isEmpty();
    }

    /** {@code %N} in a body stands for N letters, so the table above stays readable. */
    private static String expand(String body) {
        return java.util.regex.Pattern.compile("%(\\d+)").matcher(body).replaceAll(m -> "x".repeat(Integer.parseInt(m.group(1))));
    }

    @Test
    void aBudgetSplitMessageSaysWhatItAddsUpTo() {
        Member owner = workspaces.workspace("Split message");
        String campaign = api.campaign(owner, "Split", false);
        MvcTestResult refused = api.save(owner, campaign,
                "{\"platforms\":[\"INSTAGRAM\",\"FACEBOOK\"],\"adsConfig\":{\"budgetSplit\":{\"INSTAGRAM\":60,\"FACEBOOK\":30}}}");
        assertThat((List<String>) Json.read(refused, "$.errors[*].message"))
                .containsExactly("must add up to 100 percent; it adds up to 90 (10 % unallocated)");
        assertThat(api.save(owner, campaign,
                "{\"platforms\":[\"INSTAGRAM\",\"FACEBOOK\"],\"adsConfig\":{\"budgetSplit\":{\"INSTAGRAM\":70,\"FACEBOOK\":30}}}"))
                .hasStatus(201);
    }

    @Test
    void atMostTwentyItemsPerList() {
        Member owner = workspaces.workspace("Twenty goals");
        String campaign = api.campaign(owner, "Twenty", false);
        String twenty = String.join(",", java.util.stream.IntStream.rangeClosed(1, 20).mapToObj(i -> "\"g" + i + "\"").toList());
        MvcTestResult refused = api.save(owner, campaign, "{\"goals\":[" + twenty + ",\"g21\"]}");
        assertThat(refused).hasStatus(400);
        assertThat((List<String>) Json.read(refused, "$.errors[*].field")).containsExactly("goals");
        MvcTestResult pillars = api.save(owner, campaign, "{\"contentPillars\":[" + twenty + ",\"p21\"]}");
        assertThat((List<String>) Json.read(pillars, "$.errors[*].field")).containsExactly("contentPillars");
        assertThat(api.save(owner, campaign, "{\"goals\":[" + twenty + "],\"contentPillars\":[" + twenty + "]}")).hasStatus(201);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"platforms\":[\"MYSPACE\"]}                                       | platforms[0]",
            "{\"adsConfig\":{\"objective\":\"FAME\"}}                            | adsConfig.objective",
            "{\"platforms\":[\"EMAIL\"],\"adsConfig\":{\"budgetSplit\":{\"MYSPACE\":100}}} | adsConfig.budgetSplit",
            "{\"goals\":\"not a list\"}                                          | goals"})
    void anUnknownValueIsAMalformedRequest(String body, String field) {
        Member owner = workspaces.workspace("Malformed strategy");
        String campaign = api.campaign(owner, "Malformed", false);
        MvcTestResult refused = api.save(owner, campaign, body);
        assertThat(refused).hasStatus(400).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((String) Json.read(refused, "$.type")).endsWith("/malformed-request");
        assertThat((List<String>) Json.read(refused, "$.errors[*].field")).singleElement().asString().startsWith(field);
        assertThat(api.versions(owner, campaign)).isEmpty();
    }

    // --- stale saves ---

    @Test
    void aSaveBasedOnAnOlderVersionIsAConflict() {
        Member owner = workspaces.workspace("Stale strategy");
        String campaign = api.campaign(owner, "Stale", false);
        assertThat(api.save(owner, campaign, "{\"basedOnVersion\":0,\"goals\":[\"first\"]}")).hasStatus(201);
        assertThat(api.save(owner, campaign, "{\"basedOnVersion\":1,\"goals\":[\"second\"]}")).hasStatus(201);

        MvcTestResult stale = api.save(owner, campaign, "{\"basedOnVersion\":1,\"goals\":[\"lost update\"]}");

        assertThat(stale).hasStatus(409).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((String) Json.read(stale, "$.type")).endsWith("/strategy-changed");
        assertThat((Integer) Json.read(stale, "$.currentVersion")).isEqualTo(2);
        assertThat(api.versions(owner, campaign)).containsExactly(2, 1);
        assertThat(revised(campaign)).hasSize(2);

        MvcTestResult before = api.save(owner, campaign, "{\"basedOnVersion\":3,\"goals\":[\"from the future\"]}");
        assertThat(before).hasStatus(409);
        assertThat(api.save(owner, campaign, "{\"goals\":[\"no guard\"]}")).hasStatus(201);
    }

    @Test
    void aGuardedFirstSaveExpectsNoVersionYet() {
        Member owner = workspaces.workspace("Guarded first");
        String campaign = api.campaign(owner, "Guarded", false);
        MvcTestResult stale = api.save(owner, campaign, "{\"basedOnVersion\":1}");
        assertThat(stale).hasStatus(409);
        assertThat((Integer) Json.read(stale, "$.currentVersion")).isZero();
    }

    // --- completeness and diff ---

    @Test
    void completenessListsWhatIsMissingAndWhy() {
        Member owner = workspaces.workspace("Completeness");
        String campaign = api.campaign(owner, "No budget", false);
        api.saveVersion(owner, campaign, "{}");
        api.saveVersion(owner, campaign, """
                {"platforms":["EMAIL"],"goals":["Leads"],"targetAudience":"Marketers"}""");
        api.saveVersion(owner, campaign, FULL);

        MvcTestResult empty = api.completeness(owner, campaign, 1);
        assertThat(empty).hasStatusOk();
        assertThat((Integer) Json.read(empty, "$.version")).isEqualTo(1);
        assertThat((Boolean) Json.read(empty, "$.complete")).isFalse();
        assertThat((Integer) Json.read(empty, "$.score")).isZero();
        assertThat((List<String>) Json.read(empty, "$.missing[*].field")).containsExactly(
                "platforms", "goals", "targetAudience", "contentPillars", "brandTone", "cadence");
        assertThat((List<String>) Json.read(empty, "$.missing[*].label")).contains("Target audience", "Content pillars");
        assertThat((List<String>) Json.read(empty, "$.missing[*].why")).allSatisfy(why -> assertThat(why).endsWith("."));

        MvcTestResult half = api.completeness(owner, campaign, 2);
        assertThat((Integer) Json.read(half, "$.score")).isEqualTo(50);
        assertThat((List<String>) Json.read(half, "$.missing[*].field")).containsExactly("contentPillars", "brandTone", "cadence");

        MvcTestResult full = api.completeness(owner, campaign, 3);
        assertThat((Boolean) Json.read(full, "$.complete")).isTrue();
        assertThat((Integer) Json.read(full, "$.score")).isEqualTo(100);
        assertThat((List<?>) Json.read(full, "$.missing")).isEmpty();
        assertThat(api.completeness(owner, campaign, 4)).hasStatus(404);
    }

    @Test
    void aCampaignWithABudgetAlsoNeedsTheAdsConfiguration() {
        Member owner = workspaces.workspace("Budgeted completeness");
        String campaign = api.campaign(owner, "Budget", true);
        String withoutAds = FULL.substring(0, FULL.indexOf(",\n \"adsConfig\"")) + "}";
        api.saveVersion(owner, campaign, withoutAds);
        api.saveVersion(owner, campaign, FULL);

        MvcTestResult missingAds = api.completeness(owner, campaign, 1);
        assertThat((Boolean) Json.read(missingAds, "$.complete")).isFalse();
        assertThat((Integer) Json.read(missingAds, "$.score")).isEqualTo(86);
        assertThat((List<String>) Json.read(missingAds, "$.missing[*].field")).containsExactly("adsConfig");
        assertThat((List<String>) Json.read(missingAds, "$.missing[*].why")).singleElement().asString().contains("budget");
        assertThat((Boolean) Json.read(api.completeness(owner, campaign, 2), "$.complete")).isTrue();
    }

    @Test
    void theDiffNamesTheChangedFieldsWithAddedAndRemovedItems() {
        Member owner = workspaces.workspace("Diff");
        String campaign = api.campaign(owner, "Diff", false);
        api.saveVersion(owner, campaign, FULL);
        api.saveVersion(owner, campaign, FULL.replace("\"300 sales-qualified leads\"", "\"500 newsletter subscribers\"")
                .replace("\"FACEBOOK\"]", "\"LINKEDIN\"]").replace("\"FACEBOOK\":40", "\"LINKEDIN\":40")
                .replace("3 posts a week", "5 posts a week"));

        MvcTestResult diff = api.fetch(owner, base(campaign) + "/diff?from=1&to=2");

        assertThat(diff).hasStatusOk();
        assertThat((List<String>) Json.read(diff, "$[*].field"))
                .containsExactly("platforms", "goals", "cadence", "adsConfig.budgetSplit");
        assertThat((List<String>) Json.read(diff, "$[0].before")).containsExactly("INSTAGRAM", "FACEBOOK");
        assertThat((List<String>) Json.read(diff, "$[0].after")).containsExactly("INSTAGRAM", "LINKEDIN");
        assertThat((List<String>) Json.read(diff, "$[0].added")).containsExactly("LINKEDIN");
        assertThat((List<String>) Json.read(diff, "$[0].removed")).containsExactly("FACEBOOK");
        assertThat((String) Json.read(diff, "$[1].label")).isEqualTo("Goals");
        assertThat((List<String>) Json.read(diff, "$[1].added")).containsExactly("500 newsletter subscribers");
        assertThat((List<String>) Json.read(diff, "$[1].removed")).containsExactly("300 sales-qualified leads");
        assertThat((String) Json.read(diff, "$[2].before")).isEqualTo("3 posts a week on Instagram");
        assertThat((String) Json.read(diff, "$[2].after")).isEqualTo("5 posts a week on Instagram");
        assertThat((Object) Json.read(diff, "$[2].added")).isNull();
        assertThat((List<String>) Json.read(diff, "$[3].added")).containsExactly("LINKEDIN=40");
        assertThat((List<String>) Json.read(diff, "$[3].removed")).containsExactly("FACEBOOK=40");

        MvcTestResult backwards = api.fetch(owner, base(campaign) + "/diff?from=2&to=1");
        assertThat((List<String>) Json.read(backwards, "$[0].added")).containsExactly("FACEBOOK");
        assertThat((List<?>) Json.read(api.fetch(owner, base(campaign) + "/diff?from=2&to=2"), "$")).isEmpty();
        assertThat(api.fetch(owner, base(campaign) + "/diff?from=1&to=9")).hasStatus(404);
        assertThat(api.fetch(owner, base(campaign) + "/diff?from=1")).hasStatus(400);
    }

    // --- readiness ---

    @Test
    void theReadinessChecklistHasAStrategyItem() {
        Member owner = workspaces.workspace("Strategy readiness");
        String campaign = api.campaign(owner, "Ready or not", true);
        String path = "/api/v1/campaigns/" + campaign + "/readiness";

        MvcTestResult none = api.fetch(owner, path);
        assertThat(none).hasStatusOk();
        String item = "$.items[?(@.key == 'strategy.complete')]";
        assertThat((List<String>) Json.read(none, item + ".label")).containsExactly("Strategy");
        assertThat((List<Integer>) Json.read(none, item + ".weight")).containsExactly(20);
        assertThat((List<Boolean>) Json.read(none, item + ".blocking")).containsExactly(false);
        assertThat((List<Boolean>) Json.read(none, item + ".done")).containsExactly(false);
        assertThat((List<String>) Json.read(none, item + ".fixLink")).containsExactly("/campaigns/" + campaign + "/strategy");
        assertThat((List<String>) Json.read(none, item + ".reason")).singleElement().asString().contains("No current strategy");

        api.saveVersion(owner, campaign, "{\"platforms\":[\"EMAIL\"],\"goals\":[\"Leads\"]}");
        MvcTestResult partial = api.fetch(owner, path);
        assertThat((List<Boolean>) Json.read(partial, item + ".done")).containsExactly(false);
        assertThat((List<String>) Json.read(partial, item + ".reason")).singleElement().asString()
                .isEqualTo("Version 1 is missing target audience, content pillars, brand tone, cadence, ads configuration");

        api.saveVersion(owner, campaign, FULL);
        MvcTestResult complete = api.fetch(owner, path);
        assertThat((List<Boolean>) Json.read(complete, item + ".done")).containsExactly(true);
        assertThat((List<String>) Json.read(complete, item + ".reason")).containsExactly("Version 2 is complete");

        api.invalidate(owner, campaign, 2, "Back to the drawing board");
        assertThat((List<Boolean>) Json.read(api.fetch(owner, path), item + ".done")).containsExactly(false);
    }

    // --- idempotency ---

    @Test
    void theSameIdempotencyKeySavesOneVersion() {
        Member owner = workspaces.workspace("Idempotent strategy");
        String campaign = api.campaign(owner, "Once", false);
        String key = "strategy-" + UUID.randomUUID();

        MvcTestResult first = api.save(owner, campaign, FULL, key);
        MvcTestResult second = api.save(owner, campaign, FULL, key);

        assertThat(first).hasStatus(201);
        assertThat(second).hasStatus(201).hasHeader("Idempotent-Replayed", "true")
                .hasHeader(HttpHeaders.LOCATION, base(campaign) + "/1");
        assertThat((String) Json.read(second, "$.id")).isEqualTo(Json.read(first, "$.id"));
        assertThat(api.versions(owner, campaign)).containsExactly(1);
        assertThat(revised(campaign)).hasSize(1);

        assertThat(api.save(owner, campaign, goals("different"), key)).hasStatus(422);
        // The same key and body for another campaign is another request, not a replay of this campaign's answer.
        String other = api.campaign(owner, "Other", false);
        assertThat(api.save(owner, other, FULL, key)).hasStatus(422);
        assertThat(api.versions(owner, other)).isEmpty();
    }

    @Test
    void theOpenApiDocumentListsTheStrategyEndpoints() {
        Member owner = workspaces.workspace("Strategy docs");
        MvcTestResult docs = api.fetch(owner, "/v3/api-docs");
        assertThat(docs).hasStatusOk();
        assertThat(Json.body(docs)).contains("\"Strategies\"").contains("/api/v1/campaigns/{id}/strategies")
                .contains("/api/v1/campaigns/{id}/strategies/current").contains("/api/v1/campaigns/{id}/strategies/{version}")
                .contains("/api/v1/campaigns/{id}/strategies/{version}/invalidate")
                .contains("/api/v1/campaigns/{id}/strategies/{version}/check-completeness")
                .contains("/api/v1/campaigns/{id}/strategies/diff").contains("basedOnVersion");
    }

    // --- tenancy and roles ---

    @Test
    void anotherWorkspacesCampaignIsNotFound() {
        Member owner = workspaces.workspace("Strategy home");
        String campaign = api.campaign(owner, "Secret plan", false);
        api.saveVersion(owner, campaign, FULL);
        Member stranger = workspaces.workspace("Strategy stranger");

        for (String path : List.of(base(campaign), base(campaign) + "/current", base(campaign) + "/1",
                base(campaign) + "/diff?from=1&to=1")) {
            MvcTestResult read = api.fetch(stranger, path);
            assertThat(read).as(path).hasStatus(404).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(Json.body(read)).doesNotContain("Secret plan").doesNotContain("Operations managers");
        }
        assertThat(api.save(stranger, campaign, FULL)).hasStatus(404);
        assertThat(api.invalidate(stranger, campaign, 1, "Mine now")).hasStatus(404);
        assertThat(api.completeness(stranger, campaign, 1)).hasStatus(404);

        assertThat(api.versions(owner, campaign)).containsExactly(1);
        assertThat((String) Json.read(api.fetch(owner, base(campaign) + "/1"), "$.status")).isEqualTo("CURRENT");
        assertThat(workspaces.as(stranger, () -> directory.currentVersion(UUID.fromString(campaign)))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"VIEWER", "APPROVER"})
    void readersCannotWrite(Role role) {
        Member owner = workspaces.workspace("Strategy readers");
        Member reader = workspaces.addMember(owner, role);
        String campaign = api.campaign(owner, "Read only", false);
        api.saveVersion(owner, campaign, FULL);

        MvcTestResult save = api.save(reader, campaign, FULL);
        assertThat(save).hasStatus(403).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(api.invalidate(reader, campaign, 1, "Not mine to say")).hasStatus(403);

        assertThat(api.fetch(reader, base(campaign))).hasStatusOk();
        assertThat(api.fetch(reader, base(campaign) + "/current")).hasStatusOk();
        assertThat(api.fetch(reader, base(campaign) + "/1")).hasStatusOk();
        assertThat(api.fetch(reader, base(campaign) + "/diff?from=1&to=1")).hasStatusOk();
        assertThat(api.completeness(reader, campaign, 1)).hasStatusOk();
        assertThat(api.versions(owner, campaign)).containsExactly(1);
        assertThat((String) Json.read(api.fetch(owner, base(campaign) + "/1"), "$.status")).isEqualTo("CURRENT");
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"CONTRIBUTOR", "MANAGER", "ADMIN"})
    void contributorsAndAboveWrite(Role role) {
        Member owner = workspaces.workspace("Strategy writers");
        Member writer = workspaces.addMember(owner, role);
        String campaign = api.campaign(owner, "Writable", false);
        assertThat(api.save(writer, campaign, FULL)).hasStatus(201);
        assertThat(api.invalidate(writer, campaign, 1, "Rethinking")).hasStatusOk();
    }
}
