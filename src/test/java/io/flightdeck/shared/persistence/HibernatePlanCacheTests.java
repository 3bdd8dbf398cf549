package io.flightdeck.shared.persistence;

import java.util.UUID;

import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.tenancy.TenantScope;
import io.flightdeck.support.FlightdeckTest;
import io.flightdeck.support.TestWorkspaces;
import io.flightdeck.support.TestWorkspaces.Member;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.Version;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.query.spi.QueryInterpretationCache;
import org.hibernate.query.sqm.internal.SqmInterpretationsKey;
import org.hibernate.query.sqm.spi.InterpretationsKeySource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Our copy of Hibernate's {@code SqmInterpretationsKey} lets a workspace's queries use Hibernate's plan cache, one
 * plan per workspace. These tests prove the copy is the class Hibernate loads, that a workspace reuses its plan, and
 * that a cached plan never answers for another workspace (a plan holds its workspace's id as a bound value).
 */
@FlightdeckTest
class HibernatePlanCacheTests {

    /** Counts a workspace's members but contributors (there are none); written here alone, so no other test shares its plans. */
    static final String QUERY = "select count(m) from Membership m where m.role <> :role and 'plan-cache-tests' <> ''";

    @Autowired
    EntityManagerFactory entityManagerFactory;
    @Autowired
    EntityManager entityManager;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    TestWorkspaces workspaces;

    @Test
    void theCopyMatchesTheHibernateItWasTakenFrom() {
        // On a Hibernate upgrade: copy SqmInterpretationsKey from the new version, re-apply the "Flightdeck" changes,
        // then change this version.
        assertThat(Version.getVersionString()).as("the Hibernate version SqmInterpretationsKey was copied from")
                .isEqualTo("7.4.5.Final");
        assertThat(SqmInterpretationsKey.class.getProtectionDomain().getCodeSource().getLocation().toString())
                .as("our copy, not Hibernate's, is the class loaded").doesNotContain("hibernate-core");
    }

    @Test
    void aWorkspaceReusesItsPlanAndNoOtherWorkspaceDoes() {
        Member a = workspaces.workspace("Plan cache A");
        workspaces.addMember(a, Role.VIEWER);
        Member b = workspaces.workspace("Plan cache B");

        QueryInterpretationCache.Key keyOfA = keyIn(a.workspaceId());
        assertThat(keyOfA).as("a workspace's query is cacheable").isNotNull();
        assertThat(keyIn(a.workspaceId())).as("the same key in another session of A").isEqualTo(keyOfA);
        assertThat(keyIn(b.workspaceId())).as("B's key").isNotEqualTo(keyOfA);
        assertThat(keyOutsideAnyScope()).as("outside any scope").isNotEqualTo(keyOfA);

        // Alternate the workspaces so every execution after the first of each finds a cached plan.
        for (int round = 0; round < 3; round++) {
            assertThat(countIn(a.workspaceId())).isEqualTo(2);
            assertThat(countIn(b.workspaceId())).isEqualTo(1);
            assertThat(countOutsideAnyScope()).as("outside any scope").isZero();
        }
        QueryInterpretationCache cache = entityManagerFactory.unwrap(SessionFactoryImplementor.class)
                .getQueryEngine().getInterpretationCache();
        Object plan = cache.resolveSelectQueryPlan(keyOfA.prepareForStore(), () -> fail("A's plan was not cached"));
        assertThat(plan).isNotNull();
        long everyWorkspace = TenantScope.system("test", this::countOutsideAnyScope);
        assertThat(everyWorkspace).as("the system scope, which enables no filter, sees every workspace").isGreaterThanOrEqualTo(3);
    }

    private QueryInterpretationCache.Key keyIn(UUID workspaceId) {
        return TenantScope.call(workspaceId, this::keyOutsideAnyScope);
    }

    private QueryInterpretationCache.Key keyOutsideAnyScope() {
        return transactions.execute(tx -> SqmInterpretationsKey.createInterpretationsKey(
                entityManager.createQuery(QUERY).setParameter("role", Role.CONTRIBUTOR).unwrap(InterpretationsKeySource.class)));
    }

    private long countIn(UUID workspaceId) {
        return TenantScope.call(workspaceId, this::countOutsideAnyScope);
    }

    private long countOutsideAnyScope() {
        Long count = transactions.execute(tx -> count());
        return count == null ? -1 : count;
    }

    private long count() {
        return (Long) entityManager.createQuery(QUERY).setParameter("role", Role.CONTRIBUTOR).getSingleResult();
    }

}
