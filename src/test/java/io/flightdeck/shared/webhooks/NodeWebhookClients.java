package io.flightdeck.shared.webhooks;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.flightdeck.support.NpmPackages;

/**
 * The npm packages {@code standardwebhooks} and {@code @sendgrid/eventwebhook} (pinned in {@code src/test/webhooks}),
 * run through {@code cli.js} there: the body goes in on stdin as bytes, one line of answer comes back. Without npm the
 * calling test is skipped with the reason.
 */
final class NodeWebhookClients {

    private static final Path FOLDER = Path.of("src/test/webhooks");

    /** What the script said, and whether it succeeded (exit 0) or reported the library's error. */
    record Answer(boolean ok, String line) {
    }

    private NodeWebhookClients() {
    }

    static Answer run(byte[] body, String command, String... args) {
        NpmPackages.require(FOLDER, "node_modules/standardwebhooks/package.json", "the webhook interop tests");
        List<String> line = new ArrayList<>(List.of("node", "cli.js", command));
        line.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(line).directory(FOLDER.toFile()).redirectErrorStream(true).start();
            try (OutputStream in = process.getOutputStream()) {
                in.write(body);
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("node " + command + " timed out");
            }
            return new Answer(process.exitValue() == 0, output);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run node " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
