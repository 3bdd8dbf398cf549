package io.flightdeck.support;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The PostgreSQL database of this test JVM. Surefire can run the suite in two JVMs side by side (the pom's
 * {@code test.jvms}, so both cores work while one JVM waits on a browser, a fork or a poll), and each needs a database
 * of its own: the same contexts, jobs and {@code LISTEN} channels would otherwise take each other's work. The first JVM
 * uses {@code FLIGHTDECK_TEST_POSTGRES_URL} as given; JVM {@code n} (surefire's fork number, the system property
 * {@code flightdeck.test.fork}) uses the database of the same name with {@code _n} appended, which {@code .ci/run}
 * creates. Without the variable every JVM has its own H2 in memory and nothing changes.
 * <p>
 * As a JUnit launcher session listener it puts this JVM's URL into the system property of the variable's name before
 * any test runs, so {@code application-test.properties} (which reads {@code ${FLIGHTDECK_TEST_POSTGRES_URL}}; system
 * properties win over the environment) points every Spring context at it.
 * <p>
 * Each JVM gets a data folder of its own too ({@link #dataDir()}), for the same reason: the sweep of abandoned uploads
 * deletes an upload file its database does not know, so with one folder a sweep in one JVM (a test that moves the
 * clock on) deleted the other JVM's upload in progress (seen in CI: {@code TusJavaClientTests} waited in vain for it).
 */
public final class TestDatabase implements LauncherSessionListener {

    public static final String VARIABLE = "FLIGHTDECK_TEST_POSTGRES_URL";
    private static final String DATA_DIR = "flightdeck.data-dir";
    /** Which test JVM this is (Surefire's fork number, from the pom's argLine). */
    private static final String FORK = "flightdeck.test.fork";

    /** This JVM's PostgreSQL URL, or null when the tests run on H2. */
    public static String postgresUrl() {
        String set = System.getProperty(VARIABLE);
        return set != null ? set : forFork(System.getenv(VARIABLE), System.getProperty(FORK));
    }

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String url = postgresUrl();
        if (url != null) {
            System.setProperty(VARIABLE, url);
        }
        // a system property wins over application-test.properties, which names the first JVM's folder
        System.setProperty(DATA_DIR, dataDir());
    }

    /** This JVM's data folder: {@code target/test-data}, and {@code target/test-data-n} for fork {@code n} after 1. */
    public static String dataDir() {
        Integer fork = laterFork(System.getProperty(FORK));
        return fork == null ? "target/test-data" : "target/test-data-" + fork;
    }

    /** The URL with the database name of fork {@code fork} (1, or none, keeps it). */
    static String forFork(String url, String fork) {
        Integer later = laterFork(fork);
        if (url == null || later == null) {
            return url;
        }
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        return base + "_" + later + (query < 0 ? "" : url.substring(query));
    }

    /** The fork's number when it is a test JVM after the first, null for the first (or only) one. */
    private static Integer laterFork(String fork) {
        return fork == null || fork.isBlank() || fork.equals("1") ? null : Integer.parseInt(fork);
    }
}
