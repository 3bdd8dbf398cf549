package io.flightdeck.shared.live;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Live signals through PostgreSQL's LISTEN/NOTIFY, so they reach every node on the database. One thread per node
 * holds a connection of its own (outside the pool: it listens for as long as the node runs), asks the driver for
 * notifications with a short timeout, and reconnects when the connection drops; after each connect its listeners
 * resync, because notifications sent while nobody listened are gone.
 */
class PostgresLiveSignals extends LiveSignals implements SmartLifecycle {

    /** How operators (and tests) find the listening connection in pg_stat_activity. */
    static final String APPLICATION_NAME = "flightdeck-live-signals";
    private static final int WAIT_MILLIS = 500;
    private static final Duration CHECK_EVERY = Duration.ofSeconds(10);
    private static final Duration RECONNECT_AFTER = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(PostgresLiveSignals.class);

    private final JdbcTemplate jdbc;
    private final String url;
    private final Properties connection = new Properties();
    private volatile boolean running;
    private volatile Connection listening;
    private Thread thread;

    PostgresLiveSignals(JdbcTemplate jdbc, String url, String user, String password) {
        this.jdbc = jdbc;
        this.url = url;
        if (user != null) {
            connection.setProperty("user", user);
        }
        if (password != null) {
            connection.setProperty("password", password);
        }
        connection.setProperty("ApplicationName", APPLICATION_NAME);
        connection.setProperty("tcpKeepAlive", "true");
    }

    /**
     * Runs on the caller's connection, so inside a transaction PostgreSQL holds the notification until the commit and
     * drops it on a rollback (and sends identical ones of one transaction once).
     */
    @Override
    protected void send(String channel, String payload) {
        jdbc.query("select pg_notify(?, ?)", rs -> { }, channel, payload);
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::listenWhileRunning, "live-signals");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        closeQuietly(listening);
        if (thread == null) {
            return;
        }
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(2).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listenWhileRunning() {
        while (running) {
            try (Connection c = DriverManager.getConnection(url, connection)) {
                listening = c;
                listen(c);
            } catch (SQLException e) {
                if (running) {
                    log.warn("Live signals: lost the listening connection to PostgreSQL; reconnecting in {}",
                            RECONNECT_AFTER, e);
                    pause();
                }
            }
        }
    }

    private void listen(Connection c) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        Set<String> listened = new HashSet<>();
        listenToNewChannels(c, listened);
        resync();
        long checked = System.nanoTime();
        while (running) {
            listenToNewChannels(c, listened);
            PGNotification[] arrived = pg.getNotifications(WAIT_MILLIS);
            if (arrived != null) {
                for (PGNotification notification : arrived) {
                    deliver(notification.getName(), notification.getParameter());
                }
            }
            // a connection cut without a word (a dropped route) only shows when something is sent on it
            if (System.nanoTime() - checked > CHECK_EVERY.toNanos()) {
                if (!c.isValid((int) CHECK_EVERY.toSeconds())) {
                    throw new SQLException("the listening connection no longer answers");
                }
                checked = System.nanoTime();
            }
        }
    }

    private void listenToNewChannels(Connection c, Set<String> listened) throws SQLException {
        for (String channel : channels()) {
            if (listened.add(channel)) {
                try (Statement statement = c.createStatement()) {
                    // the channel name is checked to be [a-z][a-z0-9_]*: safe to quote into the statement
                    statement.execute("LISTEN \"" + channel + "\"");
                }
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(RECONNECT_AFTER.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException ignored) {
            // stopping anyway
        }
    }
}
