package io.flightdeck.support;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A database of its own for a test class whose context keeps state outside the database that a job must find: every
 * context in the JVM polls the shared database's {@code scheduled_tasks}, so a job one context queued may run in
 * another (an asset search rebuild would then fill that context's in-memory index, not the one under test). On
 * PostgreSQL it is a schema of the test database that Flyway creates; on H2 a named in-memory database.
 */
public final class OwnDatabase {

    private OwnDatabase() {
    }

    /** For a {@code @DynamicPropertySource} method; {@code name} is a plain lower-case identifier. */
    public static void register(DynamicPropertyRegistry registry, String name) {
        String postgres = TestDatabase.postgresUrl();
        if (postgres == null) {
            registry.add("spring.datasource.url", () -> "jdbc:h2:mem:" + name
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE;DB_CLOSE_DELAY=-1");
        } else {
            registry.add("spring.datasource.url", () -> postgres + (postgres.contains("?") ? "&" : "?") + "currentSchema=" + name);
            registry.add("spring.flyway.schemas", () -> name);
        }
    }
}
