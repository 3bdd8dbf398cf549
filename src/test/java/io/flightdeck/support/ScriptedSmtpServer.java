package io.flightdeck.support;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * Just enough SMTP (RFC 5321) to answer each recipient as a test scripts it: a reply per (address, how many times
 * it was offered), such as 451 the first time and 250 after, or 550 always. Every connection is served, messages are
 * kept as Jakarta Mail parses them. GreenMail accepts every address, so refusals need this.
 */
public final class ScriptedSmtpServer implements AutoCloseable {

    private final ServerSocket socket = new ServerSocket(0);
    private final BiFunction<String, Integer, String> rcptReply;
    private final Map<String, Integer> offered = new ConcurrentHashMap<>();
    private final List<MimeMessage> messages = new CopyOnWriteArrayList<>();

    /** @param rcptReply the reply to RCPT for an address offered for the n-th time (1-based), e.g. "250 OK" */
    public ScriptedSmtpServer(BiFunction<String, Integer, String> rcptReply) throws Exception {
        this.rcptReply = rcptReply;
        Thread acceptor = new Thread(this::accept, "scripted-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    public List<MimeMessage> messages() {
        return List.copyOf(messages);
    }

    /** How many times the address was offered in RCPT. */
    public int offered(String address) {
        return offered.getOrDefault(address.toLowerCase(), 0);
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Thread conversation = new Thread(() -> converse(client), "scripted-smtp-client");
                conversation.setDaemon(true);
                conversation.start();
            } catch (Exception closed) {
                return;
            }
        }
    }

    private void converse(Socket client) {
        try (client;
             BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.UTF_8)) {
            reply(out, "220 scripted.test ESMTP");
            boolean accepted = false;
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.toUpperCase();
                if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                    reply(out, "250 scripted.test");
                } else if (command.startsWith("MAIL")) {
                    accepted = false;
                    reply(out, "250 OK");
                } else if (command.startsWith("RCPT")) {
                    String address = line.substring(line.indexOf('<') + 1, line.indexOf('>')).toLowerCase();
                    String answer = rcptReply.apply(address, offered.merge(address, 1, Integer::sum));
                    accepted = answer.startsWith("2");
                    reply(out, answer);
                } else if (command.startsWith("DATA")) {
                    reply(out, "354 go ahead");
                    StringBuilder data = new StringBuilder();
                    while ((line = in.readLine()) != null && !line.equals(".")) {
                        data.append(line.startsWith("..") ? line.substring(1) : line).append("\r\n");
                    }
                    if (accepted) {
                        messages.add(new MimeMessage(Session.getInstance(new java.util.Properties()),
                                new ByteArrayInputStream(data.toString().getBytes(StandardCharsets.UTF_8))));
                    }
                    reply(out, accepted ? "250 queued as " + messages.size() : "554 no valid recipients");
                } else if (command.startsWith("QUIT")) {
                    reply(out, "221 Bye");
                    return;
                } else {
                    reply(out, "250 OK");
                }
            }
        } catch (Exception ended) {
            // the client went away
        }
    }

    private static void reply(PrintWriter out, String line) {
        out.print(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws Exception {
        socket.close();
    }
}
