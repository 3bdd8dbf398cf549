package io.flightdeck.email;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import io.flightdeck.support.Json;
import io.flightdeck.support.TestWorkspaces.Member;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The window in which a crash leaves a recipient unconfirmed, measured over a real SMTP conversation: from the
 * hand-over's commit to the server's answer to the line that ends the data ({@code flightdeck.email.hand-over},
 * {@code part="answer"}), against the floor in the same run, the bare round trip of that line and its answer for the
 * same messages over as many connections at once as the send's threads, kept open (Jakarta Mail's own transport,
 * nothing committed). The hand-over comes after
 * the data, so the window can be no shorter than the floor; anything it added would show as a ratio above 1.
 */
class HandOverWindowTests extends EmailSendingContext {

    private static final int PEOPLE = 60;
    private static final int ROUNDS = 3;
    private static final double BOUND = 3;
    /** Added to the floor's three times: a millisecond of scheduling is noise, not a step. */
    private static final double SLACK_MS = 1;

    @Autowired
    MeterRegistry registry;
    /** The send's sending threads (SendingProperties' default), one SMTP connection each. */
    @org.springframework.beans.factory.annotation.Value("${flightdeck.email.sending.concurrency:4}")
    int threads;

    @Test
    void theWindowFromTheHandOverToTheServersAnswerIsOneRoundTripOfTheEndOfData() throws Exception {
        Member owner = workspaces.withoutApprovals("Hand-over window");
        String campaign = launched(owner);
        // a busy machine can stall one round (a collection, another fork's burst); the best of a few rounds, each
        // with its own floor measured right after it, is the figure, as BENCHMARKING.md asks of a noisy run
        double best = Double.MAX_VALUE;
        String rounds = "";
        for (int round = 0; round < ROUNDS && best >= BOUND; round++) {
            double[] measured = round(owner, campaign, round);
            double ratio = measured[0] / (measured[1] + SLACK_MS / BOUND);
            rounds += String.format(Locale.ROOT, " [%.2f ms against %.2f ms]", measured[0], measured[1]);
            best = Math.min(best, ratio);
        }
        // generous for a loaded machine: a step between the commit and the end of data (a second commit, a look-up)
        // would cost a database round trip per message and show as several times the floor in every round
        assertThat(best).as("commit to answer against the bare end of data, per round:%s", rounds).isLessThan(BOUND);
    }

    /** One send to {@link #PEOPLE} people and the floor right after it: {window ms, floor ms}. */
    private double[] round(Member owner, String campaign, int round) throws Exception {
        List<String> people = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            people.add(contact(owner, "r" + round + "p" + i + "@window.example", "Person " + i));
        }
        String email = email(owner, campaign, list(owner, "Window people " + round, people));
        Timer answer = timer("answer");
        Timer commit = timer("commit");
        long answersBefore = answer.count();
        double answerNanosBefore = answer.totalTime(TimeUnit.NANOSECONDS);
        double commitNanosBefore = commit.totalTime(TimeUnit.NANOSECONDS);

        assertThat(api.as(owner).post("/api/v1/email/campaigns/" + email + "/send")).hasStatus(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> "SENT".equals(Json.read(get(owner, email), "$.status")));
        long answers = answer.count() - answersBefore;
        assertThat(answers).as("one answer timed per message handed over").isEqualTo(PEOPLE);
        double window = (answer.totalTime(TimeUnit.NANOSECONDS) - answerNanosBefore) / answers / 1e6;
        double commitMs = (commit.totalTime(TimeUnit.NANOSECONDS) - commitNanosBefore) / answers / 1e6;

        double floor = bareEndOfDataRoundTrip(message("r" + round + "p0@window.example"), PEOPLE);
        System.out.printf(Locale.ROOT, "hand-over window, round %d: commit %.2f ms, commit to answer %.2f ms, bare "
                + "end of data to answer %.2f ms, ratio %.2f (%d messages)%n", round + 1, commitMs, window, floor,
                window / floor, answers);
        return new double[] {window, floor};
    }

    private Timer timer(String part) {
        return registry.get("flightdeck.email.hand-over").tag("part", part).timer();
    }

    /**
     * The mean time of the end of data and its answer for {@code count} copies of {@code sample}, over as many
     * connections at once as the send uses (its sending threads), each kept open.
     */
    private double bareEndOfDataRoundTrip(MimeMessage sample, int count) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(SMTP.port()));
        Session session = Session.getInstance(props);
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.LongAdder nanos = new java.util.concurrent.atomic.LongAdder();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    TimedTransport transport = new TimedTransport(session);
                    transport.connect();
                    try {
                        for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                            MimeMessage copy = new MimeMessage(sample);
                            copy.setRecipient(Message.RecipientType.TO, new InternetAddress("floor" + i
                                    + "@window.example"));
                            copy.saveChanges();
                            transport.sendMessage(copy, copy.getAllRecipients());
                        }
                    } finally {
                        transport.close();
                        nanos.add(transport.nanos);
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return nanos.sum() / 1e6 / count;
    }

    /** Jakarta Mail's SMTP transport, timing the line that ends the data and the server's answer to it. */
    private static final class TimedTransport extends SMTPTransport {

        long nanos;

        TimedTransport(Session session) {
            super(session, new URLName("smtp", "127.0.0.1", SMTP.port(), null, null, null));
        }

        @Override
        protected void finishData() throws java.io.IOException, MessagingException {
            long start = System.nanoTime();
            super.finishData();
            nanos += System.nanoTime() - start;
        }
    }
}
