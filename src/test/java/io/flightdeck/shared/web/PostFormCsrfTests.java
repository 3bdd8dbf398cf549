package io.flightdeck.shared.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every form that posts takes its address from {@code th:action}: that is what makes Thymeleaf add Spring Security's
 * CSRF field. A plain {@code action} renders the same form without it, which MockMvc page tests (posting with a token
 * of their own) never notice and a browser gets a 403 for; the email pages had nine such forms.
 */
class PostFormCsrfTests {

    /** A form's opening tag; a quoted attribute may hold a {@code >} (a th:if comparing numbers). */
    private static final Pattern FORM = Pattern.compile("<form\\b(?:[^<>\"]|\"[^\"]*\")*>", Pattern.DOTALL);
    private static final Pattern POST = Pattern.compile("\\smethod=\"post\"", Pattern.CASE_INSENSITIVE);

    @Test
    void everyPostingFormGetsItsAddressFromThAction() throws IOException {
        List<String> withoutToken = new ArrayList<>();
        int posting = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher m = FORM.matcher(Files.readString(file));
                while (m.find()) {
                    if (!POST.matcher(m.group()).find()) {
                        continue;
                    }
                    posting++;
                    if (!m.group().contains("th:action=")) {
                        withoutToken.add(file.getFileName() + ": " + m.group().replaceAll("\\s+", " "));
                    }
                }
            }
        }
        assertThat(posting).as("the templates' posting forms").isGreaterThan(50);
        assertThat(withoutToken).isEmpty();
    }
}
