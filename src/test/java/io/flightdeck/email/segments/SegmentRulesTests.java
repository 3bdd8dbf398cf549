package io.flightdeck.email.segments;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import io.flightdeck.email.contacts.ContactView;
import io.flightdeck.support.ApiClient;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import javax.sql.DataSource;

import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import static io.flightdeck.email.segments.SegmentField.ATTRIBUTE;
import static io.flightdeck.email.segments.SegmentField.CLICKED;
import static io.flightdeck.email.segments.SegmentField.CONVERTED;
import static io.flightdeck.email.segments.SegmentField.EMAIL_DOMAIN;
import static io.flightdeck.email.segments.SegmentField.LIST;
import static io.flightdeck.email.segments.SegmentField.NAME;
import static io.flightdeck.email.segments.SegmentField.OPENED;
import static io.flightdeck.email.segments.SegmentField.STATUS;
import static io.flightdeck.email.segments.SegmentField.SUBSCRIBED;
import static io.flightdeck.email.segments.SegmentField.TIME_ZONE;
import static io.flightdeck.email.segments.SegmentOperator.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Segment rules on crafted data: five contacts with attributes, consent dates, list memberships (one left a list) and
 * engagement (human and machine, recent and old), and one unsubscribed contact no segment ever selects. Each
 * condition and each built-in segment selects exactly the contacts it should; a count is one statement.
 */
@FlightdeckTest
class SegmentRulesTests {

    @Autowired
    ApiClient api;
    @Autowired
    TestWorkspaces workspaces;
    @Autowired
    Segments segments;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;
    @Autowired
    DataSource dataSource;

    private Member owner;
    private final Map<String, String> ids = new LinkedHashMap<>();
    private String news;
    private String vip;

    @BeforeEach
    void craft() {
        owner = workspaces.workspace("Segment rules");
        Instant now = clock.instant();
        contact("ana@example.com", "Ana Lima", "Europe/Lisbon", now.minus(Duration.ofDays(10)),
                Map.of("plan", "Pro", "lifetime_value", "1200", "renewal", "2026-06-01"));
        contact("bo@shop.org", "Bo Berg", null, now.minus(Duration.ofDays(120)),
                Map.of("plan", "basic", "lifetime_value", "499.99", "renewal", "2025-01-15"));
        contact("cy@example.com", "Cy 100%_Real", "America/New_York", now.minus(Duration.ofDays(200)),
                Map.of("lifetime_value", "500", "note", "Met at 100%_fair"));
        contact("eve@mail.example.com", null, null, now.minus(Duration.ofDays(95)), Map.of("lifetime_value", "lots"));
        contact("dee@example.com", "Dee", "Europe/Lisbon", now.minus(Duration.ofDays(5)),
                Map.of("plan", "pro", "lifetime_value", "9000"));
        api.as(owner).post("/api/v1/email/contacts/" + ids.get("dee") + "/unsubscribe", Map.of());

        news = Json.read(api.as(owner).post("/api/v1/email/lists", Map.of("name", "News")), "$.id");
        vip = Json.read(api.as(owner).post("/api/v1/email/lists", Map.of("name", "VIP")), "$.id");
        api.as(owner).post("/api/v1/email/lists/" + news + "/members",
                Map.of("contactIds", List.of(ids.get("ana"), ids.get("bo"), ids.get("dee"))));
        api.as(owner).post("/api/v1/email/lists/" + news + "/members/" + ids.get("bo") + "/unsubscribe");
        api.as(owner).post("/api/v1/email/lists/" + vip + "/members", Map.of("contactIds", List.of(ids.get("cy"))));

        EngagementRows engagements = new EngagementRows(jdbc);
        engagements.add(owner.workspaceId(), ids.get("ana"), "OPEN", true, now.minus(Duration.ofDays(5)));
        engagements.add(owner.workspaceId(), ids.get("bo"), "OPEN", false, now.minus(Duration.ofDays(2)));
        engagements.add(owner.workspaceId(), ids.get("bo"), "CLICK", true, now.minus(Duration.ofDays(100)));
        engagements.add(owner.workspaceId(), ids.get("cy"), "CLICK", true, now.minus(Duration.ofDays(10)));
        engagements.add(owner.workspaceId(), ids.get("cy"), "CONVERSION", true, now.minus(Duration.ofDays(3)));
        engagements.add(owner.workspaceId(), ids.get("eve"), "CLICK", false, now.minus(Duration.ofDays(1)));
        engagements.add(owner.workspaceId(), ids.get("dee"), "OPEN", true, now.minus(Duration.ofDays(1)));
    }

    @Test
    void eachConditionSelectsExactlyItsContacts() {
        assertThat(match(STATUS, IS, "subscribed")).containsExactly("ana", "bo", "cy", "eve");
        assertThat(match(STATUS, IS, "UNSUBSCRIBED")).as("segments count subscribed contacts only").isEmpty();
        assertThat(match(SUBSCRIBED, WITHIN_DAYS, "30")).containsExactly("ana");
        assertThat(match(SUBSCRIBED, BEFORE_DAYS, "100")).containsExactly("bo", "cy");
        assertThat(match(EMAIL_DOMAIN, IS, "Example.com")).as("not a subdomain").containsExactly("ana", "cy");
        assertThat(match(EMAIL_DOMAIN, IS_NOT, "@example.com")).containsExactly("bo", "eve");
        assertThat(match(NAME, CONTAINS, "LIM")).containsExactly("ana");
        assertThat(match(NAME, CONTAINS, "%_")).as("%% and _ literally").containsExactly("cy");
        assertThat(match(TIME_ZONE, IS, "Europe/Lisbon")).containsExactly("ana");
        assertThat(match(TIME_ZONE, IS_NOT, "Europe/Lisbon")).containsExactly("bo", "cy", "eve");

        assertThat(attribute("plan", EXISTS, null)).containsExactly("ana", "bo");
        assertThat(attribute("plan", NOT_EXISTS, null)).containsExactly("cy", "eve");
        assertThat(attribute("plan", EQUALS, "pro")).as("in any case").containsExactly("ana");
        assertThat(attribute("plan", NOT_EQUALS, "pro")).as("or not set").containsExactly("bo", "cy", "eve");
        assertThat(attribute("note", CONTAINS, "100%_")).containsExactly("cy");
        assertThat(attribute("lifetime_value", GREATER_THAN, "500")).containsExactly("ana");
        assertThat(attribute("lifetime_value", AT_LEAST, "500")).containsExactly("ana", "cy");
        assertThat(attribute("lifetime_value", LESS_THAN, "500")).as("lots is no number").containsExactly("bo");
        assertThat(attribute("lifetime_value", AT_MOST, "499.99")).containsExactly("bo");
        assertThat(attribute("renewal", BEFORE, "2026-01-01")).containsExactly("bo");
        assertThat(attribute("renewal", AFTER, "2026-01-01")).containsExactly("ana");

        assertThat(match(LIST, IN, news)).as("bo left the list").containsExactly("ana");
        assertThat(match(LIST, NOT_IN, news)).containsExactly("bo", "cy", "eve");
        assertThat(match(LIST, IN, vip)).containsExactly("cy");

        assertThat(match(OPENED, WITHIN_DAYS, "30")).as("bo's open was a machine's").containsExactly("ana");
        assertThat(match(OPENED, NOT_WITHIN_DAYS, "30")).containsExactly("bo", "cy", "eve");
        assertThat(match(CLICKED, WITHIN_DAYS, "30")).as("eve's click was a scanner's").containsExactly("cy");
        assertThat(match(CLICKED, WITHIN_DAYS, "101")).containsExactly("bo", "cy");
        assertThat(match(CLICKED, NOT_WITHIN_DAYS, "30")).containsExactly("ana", "bo", "eve");
        assertThat(match(CONVERTED, WITHIN_DAYS, "7")).containsExactly("cy");
        assertThat(match(CONVERTED, WITHIN_DAYS, "2")).isEmpty();
    }

    @Test
    void allAndAnyCombineConditions() {
        SegmentCondition pro = SegmentCondition.attribute("plan", EQUALS, "PRO");
        SegmentCondition vipList = SegmentCondition.of(LIST, IN, vip);
        SegmentCondition old = SegmentCondition.of(SUBSCRIBED, BEFORE_DAYS, "90");
        assertThat(names(SegmentRules.any(pro, vipList))).containsExactly("ana", "cy");
        assertThat(names(SegmentRules.all(old, vipList))).containsExactly("cy");
        assertThat(names(SegmentRules.all(pro, vipList))).isEmpty();
        assertThat(names(SegmentRules.all())).containsExactly("ana", "bo", "cy", "eve");
        assertThat(names(SegmentRules.any())).as("no conditions: everyone").containsExactly("ana", "bo", "cy", "eve");
    }

    @Test
    void theBuiltInSegmentsSelectWhatTheySay() {
        assertThat(builtIn(BuiltInSegments.ALL)).containsExactly("ana", "bo", "cy", "eve");
        assertThat(builtIn(BuiltInSegments.ACTIVE)).containsExactly("ana", "cy");
        assertThat(builtIn(BuiltInSegments.HIGH_VALUE)).containsExactly("ana", "cy");
        assertThat(builtIn(BuiltInSegments.NEW)).containsExactly("ana");
        assertThat(builtIn(BuiltInSegments.INACTIVE)).as("bo's human click is 100 days old; eve's was a scanner's")
                .containsExactly("bo", "eve");
        assertThat(workspaces.as(owner, () -> segments.count(BuiltInSegments.INACTIVE.id()))).isEqualTo(2);
    }

    @Test
    void anErasedContactTakesItsAttributeRowsAndEngagementWithIt() {
        String eve = ids.get("eve");
        assertThat(api.as(owner).delete("/api/v1/email/contacts/" + eve)).hasStatus(204);
        assertThat(jdbc.queryForObject("select count(*) from email_contact_attributes where contact_id = ?",
                Long.class, java.util.UUID.fromString(eve))).isZero();
        assertThat(jdbc.queryForObject("select count(*) from email_engagements where contact_id = ?",
                Long.class, java.util.UUID.fromString(eve))).isZero();
        assertThat(builtIn(BuiltInSegments.INACTIVE)).containsExactly("bo");
    }

    @Test
    void changedAttributesAreComparedAtOnce() {
        assertThat(api.as(owner).patch("/api/v1/email/contacts/" + ids.get("eve"),
                Map.of("attributes", Map.of("lifetime_value", "750", "plan", "pro")))).hasStatusOk();
        assertThat(builtIn(BuiltInSegments.HIGH_VALUE)).containsExactly("ana", "cy", "eve");
        assertThat(attribute("plan", EQUALS, "pro")).containsExactly("ana", "eve");
        assertThat(api.as(owner).patch("/api/v1/email/contacts/" + ids.get("eve"), Map.of("attributes", Map.of())))
                .hasStatusOk();
        assertThat(attribute("lifetime_value", EXISTS, null)).containsExactly("ana", "bo", "cy");
    }

    /** Counting is one statement however many contacts there are, and a page of segments is counted in one too. */
    @Test
    void countingIsOneStatement() {
        AtomicInteger prepared = new AtomicInteger();
        DataSource counting = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object answer = method.invoke(dataSource, args);
                    return answer instanceof Connection connection ? countingConnection(connection, prepared) : answer;
                });
        SegmentQueries queries = new SegmentQueries(new NamedParameterJdbcTemplate(counting));
        SegmentFilter inactive = SegmentCompiler.compile(BuiltInSegments.INACTIVE.rules(), "", clock.instant(),
                id -> true).filter();
        assertThat(workspaces.as(owner, () -> queries.count(inactive))).isEqualTo(2);
        assertThat(prepared.get()).isEqualTo(1);
        List<SegmentFilter> all = new java.util.ArrayList<>();
        for (int i = 0; i < BuiltInSegments.ALL_BUILT_INS.size(); i++) {
            all.add(SegmentCompiler.compile(BuiltInSegments.ALL_BUILT_INS.get(i).rules(), "s" + i + "_",
                    clock.instant(), id -> true).filter());
        }
        assertThat(workspaces.as(owner, () -> queries.counts(all))).containsExactly(4L, 2L, 2L, 1L, 2L);
        assertThat(prepared.get()).isEqualTo(2);
    }

    /** The Java migration rebuilds a contact's rows from the json column as Hibernate wrote it (on either database). */
    @Test
    void theBackfillRebuildsRowsFromTheJsonColumn() throws Exception {
        UUID ana = UUID.fromString(ids.get("ana"));
        jdbc.update("delete from email_contact_attributes where contact_id = ?", ana);
        try (Connection connection = dataSource.getConnection()) {
            new db.migration.V202612040210__email_contact_attributes_backfill().migrate(new Context() {
                @Override
                public org.flywaydb.core.api.configuration.Configuration getConfiguration() {
                    return null;
                }

                @Override
                public Connection getConnection() {
                    return connection;
                }
            });
        }
        assertThat(jdbc.queryForList("select name from email_contact_attributes where contact_id = ? order by name",
                String.class, ana)).containsExactly("lifetime_value", "plan", "renewal");
        assertThat(attribute("renewal", AFTER, "2026-01-01")).containsExactly("ana");
    }

    private static Connection countingConnection(Connection real, AtomicInteger prepared) {
        return (Connection) Proxy.newProxyInstance(SegmentRulesTests.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().startsWith("prepare")) {
                        prepared.incrementAndGet();
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private Set<String> match(SegmentField field, SegmentOperator operator, String value) {
        return names(SegmentRules.all(SegmentCondition.of(field, operator, value)));
    }

    private Set<String> attribute(String key, SegmentOperator operator, String value) {
        return names(SegmentRules.all(SegmentCondition.attribute(key, operator, value)));
    }

    private Set<String> builtIn(BuiltInSegments.BuiltIn segment) {
        return workspaces.as(owner, () -> segments.members(segment.id(), PageRequest.of(0, 100)).getContent().stream()
                .map(ContactView::email).map(SegmentRulesTests::local).collect(Collectors.toCollection(
                        java.util.TreeSet::new)));
    }

    private Set<String> names(SegmentRules rules) {
        Set<String> found = workspaces.as(owner, () -> segments.members(rules, PageRequest.of(0, 100)).getContent()
                .stream().map(ContactView::email).map(SegmentRulesTests::local)
                .collect(Collectors.toCollection(java.util.TreeSet::new)));
        assertThat(workspaces.as(owner, () -> segments.count(rules))).as("the count agrees").isEqualTo(found.size());
        return found;
    }

    private static String local(String email) {
        return email.substring(0, email.indexOf('@'));
    }

    private void contact(String email, String name, String zone, Instant consentAt, Map<String, String> attributes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", email);
        body.put("name", name);
        body.put("timeZone", zone);
        body.put("attributes", attributes);
        body.put("consent", Map.of("source", "IMPORT", "evidence", "Spring fair list", "at", consentAt.toString()));
        ids.put(local(email), Json.read(api.as(owner).post("/api/v1/email/contacts", body), "$.id"));
    }
}
