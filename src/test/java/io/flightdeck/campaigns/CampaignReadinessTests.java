package io.flightdeck.campaigns;

import java.util.List;
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
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The readiness score and the launch gate: the campaign's own five items, the workspace threshold, forcing past it,
 * and the {@link ReadinessCheck} extension point with a blocking item that even a forced launch cannot pass. The
 * real checks of other modules (strategy, approvals) are left out, so the scores here are the campaign's own plus
 * the two stand-ins below; those modules test their own items.
 */
@FlightdeckTest
@RecordApplicationEvents
@Import({CampaignReadinessTests.OtherModuleChecks.class, CampaignReadinessTests.OnlyCampaignChecks.class})
class CampaignReadinessTests {

    static final String BLOCKED = "Blocked";
    static final String LAGGING = "Lagging";
    static final String LATE_PLAN = "Late plan";

    /**
     * Stands in for another module's checks: campaigns named "Blocked..." wait for an approval that blocks launch;
     * campaigns named "Lagging..." miss a heavy, non-blocking item. Every other campaign is left alone.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class OtherModuleChecks {

        @Bean
        ReadinessCheck approvalCheck() {
            return campaign -> campaign.name().startsWith(BLOCKED)
                    ? List.of(new ReadinessItem("test.approval", "Scope approved", false, 20, true,
                            "An approver has to sign off the scope", "/approvals"))
                    : List.of();
        }

        /** Stands in for planning: campaigns named "Late plan..." have a plan that ends after their end date. */
        @Bean
        ReadinessCheck latePlanCheck() {
            return campaign -> campaign.name().startsWith(LATE_PLAN)
                    ? List.of(new ReadinessItem("test.plan-fits", "Plan ends by the end date", false, 0, false,
                            "The plan ends 3 working days after the campaign's end date", "/timeline").warningAtLaunch())
                    : List.of();
        }

        @Bean
        ReadinessCheck assetsCheck() {
            return campaign -> campaign.name().startsWith(LAGGING)
                    ? List.of(new ReadinessItem("test.assets", "Assets uploaded", false, 100, false,
                            "Creatives are still missing", "/assets"))
                    : List.of();
        }
    }

    /** Removes the readiness checks other modules declare, keeping the campaign's own and this test's stand-ins. */
    static class OnlyCampaignChecks implements BeanDefinitionRegistryPostProcessor {

        @Override
        public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
            for (String name : registry.getBeanDefinitionNames()) {
                String type = registry.getBeanDefinition(name).getBeanClassName();
                if (type != null && !type.startsWith("io.flightdeck.campaigns.") && isReadinessCheck(type)) {
                    registry.removeBeanDefinition(name);
                }
            }
        }

        private static boolean isReadinessCheck(String type) {
            try {
                return ReadinessCheck.class.isAssignableFrom(Class.forName(type));
            } catch (ClassNotFoundException e) {
                return false;
            }
        }
    }

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    ApplicationEvents events;

    private CampaignRequests api;

    @BeforeEach
    void setUp() {
        api = new CampaignRequests(mvc);
    }

    private int score(Member as, String id) {
        MvcTestResult readiness = api.readiness(as, id);
        assertThat(readiness).hasStatusOk();
        return Json.read(readiness, "$.score");
    }

    private MvcTestResult putThreshold(Member as, String body) {
        return mvc.put().uri("/api/v1/campaign-settings").header(HttpHeaders.AUTHORIZATION, as.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }

    /** A forced launch; it confirms the warnings too, as the test campaigns start in 2027. */
    private static String force(String reason) {
        return reason == null ? "{\"force\":true,\"confirm\":true}"
                : "{\"force\":true,\"confirm\":true,\"reason\":\"" + reason + "\"}";
    }

    /**
     * A campaign marked ready and then stripped to its name (score 20 %, no dates): marking ready needs the threshold,
     * so the score drops afterwards, as when someone clears the budget of a ready campaign.
     */
    private String bareReady(Member owner, String name) {
        String id = api.campaignIn(owner, CampaignStatus.READY, name);
        assertThat(api.put(owner, id, CampaignRequests.bareBody(name), null)).hasStatusOk();
        return id;
    }

    @Test
    void aBareCampaignScoresOnlyForItsOwner() {
        Member owner = workspaces.withoutApprovals("Bare score");
        String id = api.createId(owner, CampaignRequests.bareBody("Bare"));

        MvcTestResult readiness = api.readiness(owner, id);

        assertThat(readiness).hasStatusOk();
        assertThat((Integer) Json.read(readiness, "$.score")).isEqualTo(20);
        assertThat((Integer) Json.read(readiness, "$.threshold")).isEqualTo(80);
        assertThat((List<String>) Json.read(readiness, "$.items[*].key")).containsExactly(
                "campaign.dates", "campaign.budget", "campaign.owner", "campaign.channels", "campaign.description");
        assertThat((List<Integer>) Json.read(readiness, "$.items[*].weight")).containsOnly(20);
        assertThat((List<String>) Json.read(readiness, "$.items[?(@.done == true)].key")).containsExactly("campaign.owner");
        assertThat((List<Boolean>) Json.read(readiness, "$.items[*].blocking")).containsOnly(false);
        assertThat((List<String>) Json.read(readiness, "$.items[*].fixLink")).allSatisfy(link -> assertThat(link).contains(id));
        assertThat((List<String>) Json.read(readiness, "$.items[*].reason")).allSatisfy(reason -> assertThat(reason).isNotBlank());
    }

    @ParameterizedTest(name = "{0} adds 20")
    @CsvSource(delimiter = '|', value = {
            "dates       | ,\"startDate\":\"2027-01-01\",\"endDate\":\"2027-01-31\"",
            "budget      | ,\"budget\":{\"amount\":10,\"currency\":\"USD\"}",
            "channels    | ,\"channels\":[\"LINKEDIN\"]",
            "description | ,\"description\":\"Twenty characters ok\""})
    void eachOwnItemAddsTwentyPoints(String item, String extra) {
        Member owner = workspaces.withoutApprovals("Item " + item);
        String id = api.createId(owner, "{\"name\":\"One item\",\"type\":\"EVENT\"" + extra + "}");
        MvcTestResult readiness = api.readiness(owner, id);
        assertThat((Integer) Json.read(readiness, "$.score")).isEqualTo(40);
        assertThat((List<String>) Json.read(readiness, "$.items[?(@.done == true)].key"))
                .containsExactlyInAnyOrder("campaign.owner", "campaign." + item);
    }

    @ParameterizedTest(name = "{0} does not count")
    @CsvSource(delimiter = '|', value = {
            "zero budget            | ,\"budget\":{\"amount\":0,\"currency\":\"USD\"}",
            "19-character text      | ,\"description\":\"Nineteen characters\"",
            "padded short text      | ,\"description\":\"      short       text      \"",
            "start date only        | ,\"startDate\":\"2027-01-01\"",
            "no channels            | ,\"channels\":[]"})
    void halfDoneItemsDoNotCount(String what, String extra) {
        Member owner = workspaces.withoutApprovals("Half done");
        String id = api.createId(owner, "{\"name\":\"Half\",\"type\":\"EVENT\"" + extra + "}");
        assertThat(score(owner, id)).as(what).isEqualTo(20);
    }

    @Test
    void aFullyDescribedCampaignScoresOneHundred() {
        Member owner = workspaces.withoutApprovals("Full score");
        String id = api.createId(owner, CampaignRequests.readyBody("Full"));
        MvcTestResult readiness = api.readiness(owner, id);
        assertThat((Integer) Json.read(readiness, "$.score")).isEqualTo(100);
        assertThat((List<Boolean>) Json.read(readiness, "$.items[*].done")).containsOnly(true);
    }

    @Test
    void launchBelowTheThresholdIsRefusedWithWhatIsMissing() {
        Member owner = workspaces.withoutApprovals("Below threshold");
        String id = bareReady(owner, "Too thin");
        events.clear();

        MvcTestResult refused = api.transition(owner, id, "launch");

        assertThat(refused).hasStatus(409).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((String) Json.read(refused, "$.type")).endsWith("/readiness-below-threshold");
        assertThat((Integer) Json.read(refused, "$.score")).isEqualTo(20);
        assertThat((Integer) Json.read(refused, "$.threshold")).isEqualTo(80);
        assertThat((List<String>) Json.read(refused, "$.missing[*].key")).containsExactlyInAnyOrder(
                "campaign.dates", "campaign.budget", "campaign.channels", "campaign.description");
        assertThat((String) Json.read(api.get(owner, id), "$.status")).isEqualTo("READY");
        assertThat(events.stream(CampaignLaunched.class)).isEmpty();
    }

    @Test
    void aManagerForcesALaunchWithAReason() {
        Member owner = workspaces.withoutApprovals("Forced");
        Member manager = workspaces.addMember(owner, Role.MANAGER);
        String id = bareReady(owner, "Forced one");
        events.clear();

        MvcTestResult launched = api.transition(manager, id, "launch", force("Partner deadline moved up"));

        assertThat(launched).hasStatusOk();
        assertThat((String) Json.read(launched, "$.status")).isEqualTo("ACTIVE");
        assertThat((Boolean) Json.read(launched, "$.forcedLaunch")).isTrue();
        assertThat((String) Json.read(launched, "$.forcedLaunchReason")).isEqualTo("Partner deadline moved up");
        String latest = api.sentences(owner, id).get(0);
        assertThat(latest).startsWith(api.displayName(manager) + " launched the campaign")
                .contains("20%", "80%", "forcing", "Partner deadline moved up");
        assertThat(events.stream(CampaignLaunched.class)).singleElement().satisfies(event -> {
            assertThat(event.forced()).isTrue();
            assertThat(event.actorId()).isEqualTo(manager.userId());
            assertThat(event.campaignId()).isEqualTo(UUID.fromString(id));
        });
    }

    @Test
    void forceOnAReadyEnoughCampaignIsAnOrdinaryLaunch() {
        Member owner = workspaces.withoutApprovals("Force unneeded");
        String id = api.campaignIn(owner, CampaignStatus.READY, "Ready anyway");
        events.clear();
        MvcTestResult launched = api.transition(owner, id, "launch", force("Just in case"));
        assertThat(launched).hasStatusOk();
        assertThat((Boolean) Json.read(launched, "$.forcedLaunch")).isFalse();
        assertThat(events.stream(CampaignLaunched.class)).singleElement().extracting(CampaignLaunched::forced).isEqualTo(false);
    }

    @ParameterizedTest(name = "reason {0}")
    @ValueSource(strings = {"missing", "blank"})
    void aForcedLaunchNeedsAReason(String kind) {
        Member owner = workspaces.withoutApprovals("Force without reason");
        String id = bareReady(owner, "No reason");

        MvcTestResult refused = api.transition(owner, id, "launch", force(kind.equals("missing") ? null : "   "));

        assertThat(refused).hasStatus(400).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((List<String>) Json.read(refused, "$.errors[*].field")).containsExactly("reason");
        assertThat((String) Json.read(api.get(owner, id), "$.status")).isEqualTo("READY");
    }

    @Test
    void aReasonLongerThan500CharactersIsRefused() {
        Member owner = workspaces.withoutApprovals("Long reason");
        String id = bareReady(owner, "Long reason");
        MvcTestResult refused = api.transition(owner, id, "launch", force("x".repeat(501)));
        assertThat(refused).hasStatus(400);
        assertThat((List<String>) Json.read(refused, "$.errors[*].field")).containsExactly("reason");
        assertThat(api.transition(owner, id, "launch", force("x".repeat(500)))).hasStatusOk();
    }

    @Test
    void aContributorCannotForceOrMoveAtAll() {
        Member owner = workspaces.withoutApprovals("Contributor force");
        Member contributor = workspaces.addMember(owner, Role.CONTRIBUTOR);
        String id = bareReady(owner, "Contributor");

        assertThat(api.transition(contributor, id, "launch", force("I really want to"))).hasStatus(403);
        assertThat(api.transition(contributor, id, "launch")).hasStatus(403);
        assertThat(api.transition(contributor, id, "cancel")).hasStatus(403);
        assertThat((String) Json.read(api.get(owner, id), "$.status")).isEqualTo("READY");
        assertThat((Boolean) Json.read(api.get(owner, id), "$.forcedLaunch")).isFalse();
    }

    @Test
    void theThresholdIsEightyByDefaultAndAdminsChangeIt() {
        Member owner = workspaces.withoutApprovals("Threshold");
        Member admin = workspaces.addMember(owner, Role.ADMIN);
        MvcTestResult settings = api.fetch(owner, "/api/v1/campaign-settings");
        assertThat(settings).hasStatusOk();
        assertThat((Integer) Json.read(settings, "$.readinessThreshold")).isEqualTo(80);

        MvcTestResult changed = putThreshold(admin, "{\"readinessThreshold\":20}");
        assertThat(changed).hasStatusOk();
        assertThat((Integer) Json.read(changed, "$.readinessThreshold")).isEqualTo(20);
        assertThat((Integer) Json.read(api.fetch(owner, "/api/v1/campaign-settings"), "$.readinessThreshold")).isEqualTo(20);
    }

    @Test
    void aLowerThresholdLetsAThinCampaignLaunchUnforced() {
        Member owner = workspaces.withoutApprovals("Low threshold");
        Member admin = workspaces.addMember(owner, Role.ADMIN);
        String id = bareReady(owner, "Thin");
        assertThat(putThreshold(admin, "{\"readinessThreshold\":20}")).hasStatusOk();
        assertThat((Integer) Json.read(api.readiness(owner, id), "$.threshold")).isEqualTo(20);
        events.clear();

        MvcTestResult launched = api.transition(owner, id, "launch");

        assertThat(launched).hasStatusOk();
        assertThat((Boolean) Json.read(launched, "$.forcedLaunch")).isFalse();
        assertThat(events.stream(CampaignLaunched.class)).singleElement().extracting(CampaignLaunched::forced).isEqualTo(false);
    }

    @Test
    void aHigherThresholdStopsACampaignThatWouldHaveLaunched() {
        Member owner = workspaces.withoutApprovals("High threshold");
        String id = api.createId(owner, CampaignRequests.readyBody("Almost").replace("\"budget\":{\"amount\":5000.00,\"currency\":\"EUR\"}",
                "\"budget\":null"));
        api.moveTo(owner, id, CampaignStatus.READY);
        assertThat(score(owner, id)).isEqualTo(80);
        assertThat(putThreshold(owner, "{\"readinessThreshold\":100}")).hasStatusOk();

        MvcTestResult refused = api.transition(owner, id, "launch");

        assertThat(refused).hasStatus(409);
        assertThat((String) Json.read(refused, "$.type")).endsWith("/readiness-below-threshold");
        assertThat((Integer) Json.read(refused, "$.threshold")).isEqualTo(100);
        assertThat((List<String>) Json.read(refused, "$.missing[*].key")).containsExactly("campaign.budget");
    }

    @Test
    void theThresholdOfOneWorkspaceDoesNotMoveAnothers() {
        Member owner = workspaces.withoutApprovals("Threshold A");
        Member other = workspaces.withoutApprovals("Threshold B");
        assertThat(putThreshold(owner, "{\"readinessThreshold\":35}")).hasStatusOk();
        assertThat((Integer) Json.read(api.fetch(other, "/api/v1/campaign-settings"), "$.readinessThreshold")).isEqualTo(80);
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"VIEWER", "CONTRIBUTOR", "APPROVER", "MANAGER"})
    void onlyAdminsChangeTheThreshold(Role role) {
        Member owner = workspaces.withoutApprovals("Threshold roles");
        Member member = workspaces.addMember(owner, role);
        assertThat(putThreshold(member, "{\"readinessThreshold\":10}")).hasStatus(403);
        assertThat(api.fetch(member, "/api/v1/campaign-settings")).hasStatusOk();
        assertThat((Integer) Json.read(api.fetch(owner, "/api/v1/campaign-settings"), "$.readinessThreshold")).isEqualTo(80);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"readinessThreshold\":101}", "{\"readinessThreshold\":-1}", "{\"readinessThreshold\":null}", "{}"})
    void aThresholdOutsideZeroToHundredIsRefused(String body) {
        Member owner = workspaces.withoutApprovals("Bad threshold");
        MvcTestResult refused = putThreshold(owner, body);
        assertThat(refused).hasStatus(400).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((List<String>) Json.read(refused, "$.errors[*].field")).containsExactly("readinessThreshold");
        assertThat((Integer) Json.read(api.fetch(owner, "/api/v1/campaign-settings"), "$.readinessThreshold")).isEqualTo(80);
    }

    @Test
    void anotherModulesCheckAppearsInTheChecklist() {
        Member owner = workspaces.withoutApprovals("Extension");
        String id = api.createId(owner, CampaignRequests.readyBody(BLOCKED + " by approval"));

        MvcTestResult readiness = api.readiness(owner, id);

        assertThat((List<String>) Json.read(readiness, "$.items[*].key")).contains("test.approval");
        assertThat((List<Boolean>) Json.read(readiness, "$.items[?(@.key == 'test.approval')].blocking")).containsExactly(true);
        assertThat((List<Boolean>) Json.read(readiness, "$.items[?(@.key == 'test.approval')].done")).containsExactly(false);
        // five own items done (100 of 120 points), but an open blocker holds the score below the threshold
        assertThat((Integer) Json.read(readiness, "$.rawScore")).isEqualTo(83);
        assertThat((Integer) Json.read(readiness, "$.score")).isEqualTo(79);
        assertThat((Integer) Json.read(readiness, "$.threshold")).isEqualTo(80);
    }

    @Test
    void aBlockedCampaignScoresBelowEvenAThresholdOfOne() {
        Member owner = workspaces.withoutApprovals("Blocked low threshold");
        assertThat(putThreshold(owner, "{\"readinessThreshold\":1}")).hasStatusOk();
        String id = api.createId(owner, CampaignRequests.readyBody(BLOCKED + " low"));
        assertThat((Integer) Json.read(api.readiness(owner, id), "$.score")).isEqualTo(0);
    }

    /**
     * A ready campaign that a blocking item holds back: a blocking item refuses mark-ready, so the campaign is marked
     * ready first and renamed into the stand-in check's reach afterwards, as when an approval opens after that.
     */
    private String readyThenBlocked(Member owner, String name) {
        String id = api.campaignIn(owner, CampaignStatus.READY, "Soon " + name);
        assertThat(api.put(owner, id, CampaignRequests.readyBody(name), null)).hasStatusOk();
        return id;
    }

    @Test
    void aBlockingItemRefusesMarkReadyWithTheLaunchRefusalsShape() {
        Member owner = workspaces.withoutApprovals("Blocked ready");
        String id = api.createId(owner, CampaignRequests.readyBody(BLOCKED + " ready"));
        api.moveTo(owner, id, CampaignStatus.PLANNING);
        events.clear();

        MvcTestResult refused = api.transition(owner, id, "mark-ready");

        assertThat(refused).hasStatus(409).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((String) Json.read(refused, "$.type")).endsWith("/launch-blocked");
        assertThat((String) Json.read(refused, "$.detail")).contains("cannot be marked ready", "Scope approved");
        assertThat((List<String>) Json.read(refused, "$.blockers[*].key")).containsExactly("test.approval");
        assertThat((Integer) Json.read(refused, "$.threshold")).isEqualTo(80);
        assertThat((String) Json.read(api.get(owner, id), "$.status")).isEqualTo("PLANNING");
        assertThat(events.stream(CampaignMarkedReady.class)).isEmpty();
    }

    @Test
    void aLowScoreRefusesMarkReadyListingWhatIsMissing() {
        Member owner = workspaces.withoutApprovals("Lagging ready");
        String id = api.createId(owner, CampaignRequests.readyBody(LAGGING + " ready"));
        api.moveTo(owner, id, CampaignStatus.PLANNING);
        events.clear();

        MvcTestResult refused = api.transition(owner, id, "mark-ready");

        assertThat(refused).hasStatus(409).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((String) Json.read(refused, "$.type")).endsWith("/readiness-below-threshold");
        assertThat((Integer) Json.read(refused, "$.score")).isEqualTo(50);
        assertThat((List<String>) Json.read(refused, "$.missing[*].key")).containsExactly("test.assets");
        assertThat((String) Json.read(api.get(owner, id), "$.status")).isEqualTo("PLANNING");
        assertThat(events.stream(CampaignMarkedReady.class)).isEmpty();
    }

    /** Seen: "Mark ready" succeeded for a campaign at 17 %. */
    @Test
    void aBareCampaignCannotBeMarkedReady() {
        Member owner = workspaces.withoutApprovals("Bare ready");
        String id = api.createId(owner, CampaignRequests.bareBody("Bare"));
        api.moveTo(owner, id, CampaignStatus.PLANNING);

        MvcTestResult refused = api.transition(owner, id, "mark-ready");

        assertThat(refused).hasStatus(409);
        assertThat((String) Json.read(refused, "$.type")).endsWith("/readiness-below-threshold");
        assertThat((Integer) Json.read(refused, "$.score")).isEqualTo(20);
        assertThat((String) Json.read(refused, "$.detail")).contains("20%", "80%");
        assertThat((List<String>) Json.read(refused, "$.missing[*].key")).containsExactlyInAnyOrder(
                "campaign.dates", "campaign.budget", "campaign.channels", "campaign.description");
        assertThat((String) Json.read(api.get(owner, id), "$.status")).isEqualTo("PLANNING");
    }

    /** Seen: launch went through 7 weeks before the start date without a word. */
    @Test
    void anEarlyLaunchNeedsConfirmationNamingTheStartDate() {
        Member owner = workspaces.withoutApprovals("Early launch");
        String id = api.campaignIn(owner, CampaignStatus.READY, "Early");
        events.clear();

        MvcTestResult refused = api.transition(owner, id, "launch", "{}");

        assertThat(refused).hasStatus(409).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((String) Json.read(refused, "$.type")).endsWith("/launch-needs-confirmation");
        assertThat((List<String>) Json.read(refused, "$.warnings[*].key")).containsExactly("launch.before-start");
        assertThat((String) Json.read(refused, "$.warnings[0].message")).contains("Monday 1 March 2027");
        assertThat((String) Json.read(api.get(owner, id), "$.status")).isEqualTo("READY");
        assertThat(events.stream(CampaignLaunched.class)).isEmpty();

        MvcTestResult launched = api.transition(owner, id, "launch", CampaignRequests.CONFIRM);
        assertThat(launched).hasStatusOk();
        assertThat((String) Json.read(launched, "$.status")).isEqualTo("ACTIVE");
        assertThat(api.sentences(owner, id).get(0)).contains("launched the campaign", "confirming", "1 March 2027");
    }

    /** Seen: launch went through with the plan 3 days past the end date without a word. */
    @Test
    void aPlanEndingLateIsNamedBesideTheStartDate() {
        Member owner = workspaces.withoutApprovals("Late plan launch");
        String id = api.campaignIn(owner, CampaignStatus.READY, "Soon late");
        assertThat(api.put(owner, id, CampaignRequests.readyBody(LATE_PLAN + " launch"), null)).hasStatusOk();

        MvcTestResult refused = api.transition(owner, id, "launch", "{}");

        assertThat(refused).hasStatus(409);
        assertThat((String) Json.read(refused, "$.type")).endsWith("/launch-needs-confirmation");
        assertThat((List<String>) Json.read(refused, "$.warnings[*].key"))
                .containsExactly("launch.before-start", "test.plan-fits");
        assertThat((String) Json.read(refused, "$.detail")).contains("Monday 1 March 2027", "Wednesday 31 March 2027",
                "3 working days after");
        // a flag that confirms nothing is no confirmation
        assertThat(api.transition(owner, id, "launch", "{\"confirm\":false}")).hasStatus(409);
        assertThat(api.transition(owner, id, "launch", CampaignRequests.CONFIRM)).hasStatusOk();
    }

    @Test
    void theGateComesBeforeTheWarnings() {
        Member owner = workspaces.withoutApprovals("Gate first");
        String id = readyThenBlocked(owner, BLOCKED + " early");
        MvcTestResult refused = api.transition(owner, id, "launch", CampaignRequests.CONFIRM);
        assertThat((String) Json.read(refused, "$.type")).endsWith("/launch-blocked");
    }

    @Test
    void aBlockingItemRefusesLaunchEvenWhenForced() {
        Member owner = workspaces.withoutApprovals("Blocked");
        Member manager = workspaces.addMember(owner, Role.MANAGER);
        String id = readyThenBlocked(owner, BLOCKED + " launch");
        events.clear();

        MvcTestResult plain = api.transition(manager, id, "launch");
        assertThat(plain).hasStatus(409).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((String) Json.read(plain, "$.type")).endsWith("/launch-blocked");
        assertThat((List<String>) Json.read(plain, "$.blockers[*].key")).containsExactly("test.approval");
        assertThat((String) Json.read(plain, "$.detail")).contains("Scope approved");

        MvcTestResult forced = api.transition(manager, id, "launch", force("Approver is on holiday"));
        assertThat(forced).hasStatus(409);
        assertThat((String) Json.read(forced, "$.type")).endsWith("/launch-blocked");

        MvcTestResult after = api.get(owner, id);
        assertThat((String) Json.read(after, "$.status")).isEqualTo("READY");
        assertThat((Boolean) Json.read(after, "$.forcedLaunch")).isFalse();
        assertThat(events.stream(CampaignLaunched.class)).isEmpty();
    }

    @Test
    void aBlockingItemHoldsEvenWithAThresholdOfZero() {
        Member owner = workspaces.withoutApprovals("Blocked zero");
        assertThat(putThreshold(owner, "{\"readinessThreshold\":0}")).hasStatusOk();
        String id = readyThenBlocked(owner, BLOCKED + " zero");
        MvcTestResult refused = api.transition(owner, id, "launch", force("Threshold is zero anyway"));
        assertThat(refused).hasStatus(409);
        assertThat((String) Json.read(refused, "$.type")).endsWith("/launch-blocked");
    }

    @Test
    void aBlockingItemDoesNotStopOtherMoves() {
        Member owner = workspaces.withoutApprovals("Blocked cancel");
        String id = readyThenBlocked(owner, BLOCKED + " but cancellable");
        assertThat(api.transition(owner, id, "cancel")).hasStatusOk();
    }

    @Test
    void aNonBlockingItemLowersTheScoreAndCanBeForcedPast() {
        Member owner = workspaces.withoutApprovals("Lagging");
        String id = api.campaignIn(owner, CampaignStatus.READY, "Soon lagging");
        assertThat(api.put(owner, id, CampaignRequests.readyBody(LAGGING + " assets"), null)).hasStatusOk();

        MvcTestResult readiness = api.readiness(owner, id);
        // own items 100 of 200 points
        assertThat((Integer) Json.read(readiness, "$.score")).isEqualTo(50);
        assertThat((List<String>) Json.read(readiness, "$.items[?(@.done == false)].key")).containsExactly("test.assets");

        MvcTestResult refused = api.transition(owner, id, "launch");
        assertThat(refused).hasStatus(409);
        assertThat((String) Json.read(refused, "$.type")).endsWith("/readiness-below-threshold");
        assertThat((List<String>) Json.read(refused, "$.missing[*].key")).containsExactly("test.assets");

        events.clear();
        MvcTestResult forced = api.transition(owner, id, "launch", force("Assets follow on day two"));
        assertThat(forced).hasStatusOk();
        assertThat((Boolean) Json.read(forced, "$.forcedLaunch")).isTrue();
        assertThat(events.stream(CampaignLaunched.class)).singleElement().extracting(CampaignLaunched::forced).isEqualTo(true);
    }

    @Test
    void checksOfOtherModulesLeaveOrdinaryCampaignsAlone() {
        Member owner = workspaces.withoutApprovals("Unaffected");
        String id = api.createId(owner, CampaignRequests.readyBody("Ordinary"));
        MvcTestResult readiness = api.readiness(owner, id);
        assertThat((Integer) Json.read(readiness, "$.score")).isEqualTo(100);
        assertThat((List<?>) Json.read(readiness, "$.items")).hasSize(5);
    }
}
