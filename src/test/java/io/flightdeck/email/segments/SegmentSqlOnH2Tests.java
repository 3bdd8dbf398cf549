package io.flightdeck.email.segments;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.shared.tenancy.TenantScope;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The segment SQL and the attribute backfill on H2, which a newcomer runs, even when the suite runs on PostgreSQL:
 * contacts written before the segments' migrations (attributes in their json column, as Hibernate stores it on H2)
 * get their attribute rows from the Java migration, and every built-in segment's filter runs and selects what it
 * should.
 */
class SegmentSqlOnH2Tests {

    private static final UUID WORKSPACE = UUID.randomUUID();
    private static final Instant NOW = Instant.now();
    private static JdbcTemplate jdbc;
    private static SegmentQueries queries;

    @BeforeAll
    static void migrate() {
        // one connection throughout, which the migrations and the queries share and never close
        SingleConnectionDataSource h2 = new SingleConnectionDataSource("jdbc:h2:mem:segments_h2;MODE=PostgreSQL;"
                + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE;DB_CLOSE_DELAY=-1", "sa", "", true);
        Flyway.configure().dataSource(h2).locations("classpath:db/migration").target("202612030100").load().migrate();
        jdbc = new JdbcTemplate(h2);
        jdbc.update("insert into workspaces (id, name, slug, time_zone, locale, created_at, version) "
                + "values (?, 'H2 segments', 'h2-segments', 'UTC', 'en', ?, 0)", WORKSPACE, at(0));
        contact("ana", "{\"plan\":\"pro\",\"lifetime_value\":\"1200\",\"renewal\":\"2026-06-01\"}", 10);
        contact("bo", "{\"lifetime_value\":\"499.99\"}", 120);
        contact("cy", "{}", 200);
        Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
        queries = new SegmentQueries(new NamedParameterJdbcTemplate(h2));
        engagement("ana", "OPEN", true, 5);
        engagement("bo", "CLICK", false, 3);
        engagement("cy", "CLICK", true, 100);
    }

    @Test
    void theBackfillReadsTheJsonColumn() {
        List<Map<String, Object>> rows = jdbc.queryForList("select c.email_key, a.name, a.text_value, a.number_value, "
                + "a.date_value from email_contact_attributes a join email_contacts c on c.id = a.contact_id "
                + "order by c.email_key, a.name");
        assertThat(rows).extracting(r -> r.get("email_key") + " " + r.get("name") + "=" + r.get("text_value"))
                .containsExactly("ana@example.com lifetime_value=1200", "ana@example.com plan=pro",
                        "ana@example.com renewal=2026-06-01", "bo@example.com lifetime_value=499.99");
        assertThat(rows.get(0).get("number_value").toString()).startsWith("1200");
        assertThat(rows.get(2).get("date_value").toString()).isEqualTo("2026-06-01");
        assertThat(rows.get(1).get("number_value")).isNull();
    }

    @Test
    void everyBuiltInRunsOnH2() {
        assertThat(count(BuiltInSegments.ALL)).isEqualTo(3);
        assertThat(count(BuiltInSegments.ACTIVE)).as("ana's open; bo's click was a scanner's").isEqualTo(1);
        assertThat(count(BuiltInSegments.HIGH_VALUE)).isEqualTo(1);
        assertThat(count(BuiltInSegments.NEW)).isEqualTo(1);
        assertThat(count(BuiltInSegments.INACTIVE)).isEqualTo(2);
        List<SegmentFilter> all = BuiltInSegments.ALL_BUILT_INS.stream().map(b -> SegmentCompiler.compile(b.rules(),
                "s" + b.key().replace("-", "") + "_", NOW, id -> true).filter()).toList();
        assertThat(TenantScope.call(WORKSPACE, () -> queries.counts(all))).containsExactly(3L, 1L, 1L, 1L, 2L);
    }

    @Test
    void attributeAndTextConditionsRunOnH2() {
        assertThat(count(SegmentRules.all(SegmentCondition.attribute("renewal", SegmentOperator.AFTER, "2026-01-01"),
                SegmentCondition.attribute("plan", SegmentOperator.CONTAINS, "R")))).isEqualTo(1);
        assertThat(count(SegmentRules.any(SegmentCondition.of(SegmentField.EMAIL_DOMAIN, SegmentOperator.IS_NOT,
                "example.com"), SegmentCondition.attribute("lifetime_value", SegmentOperator.LESS_THAN, "500"))))
                .isEqualTo(1);
    }

    private static long count(BuiltInSegments.BuiltIn segment) {
        return count(segment.rules());
    }

    private static long count(SegmentRules rules) {
        SegmentFilter filter = SegmentCompiler.compile(rules, "", NOW, id -> true).filter();
        return TenantScope.call(WORKSPACE, () -> queries.count(filter));
    }

    private static void contact(String name, String attributes, int daysAgo) {
        jdbc.update("insert into email_contacts (id, tenant_id, email, email_key, attributes, status, status_changed_at, "
                + "consent_source, consent_evidence, consent_at, created_at, updated_at, version) "
                + "values (?, ?, ?, ?, ? format json, 'SUBSCRIBED', ?, 'MANUAL', 'Asked', ?, ?, ?, 0)",
                UUID.nameUUIDFromBytes(name.getBytes()), WORKSPACE, name + "@example.com", name + "@example.com",
                attributes, at(daysAgo), at(daysAgo), at(daysAgo), at(daysAgo));
    }

    private static void engagement(String contact, String kind, boolean human, int daysAgo) {
        jdbc.update("insert into email_engagements (id, tenant_id, contact_id, kind, human, occurred_at) "
                + "values (?, ?, ?, ?, ?, ?)", UUID.randomUUID(), WORKSPACE, UUID.nameUUIDFromBytes(contact.getBytes()),
                kind, human, at(daysAgo));
    }

    private static OffsetDateTime at(int daysAgo) {
        return NOW.minusSeconds(86_400L * daysAgo).atOffset(ZoneOffset.UTC);
    }
}
