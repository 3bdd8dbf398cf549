package io.flightdeck.rendering.builtin;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open fonts that ship in {@code fonts/} (Inter and Lora, Regular and Bold, SIL OFL), registered with Java2D once
 * per JVM, so that {@code new Font("Inter", …)} finds them on a machine that has no fonts of its own; and the font
 * families this JVM can draw with, those and the installed ones. Registration happens the first time the class is
 * used (the built-in image renderer has it done beside the application's start); the JVM makes that once and
 * thread-safe. A file that cannot be read is logged and left out. A family installed on the machine under the same name wins over the bundled copy.
 */
final class BundledFonts {

    private static final Logger log = LoggerFactory.getLogger(BundledFonts.class);

    /** The family templates use when they name none, and that a missing font is replaced with. */
    static final String DEFAULT_FAMILY = "Inter";

    static final List<String> FILES = List.of("Inter-Regular.ttf", "Inter-Bold.ttf", "Lora-Regular.ttf",
            "Lora-Bold.ttf");

    private static final List<String> FAMILIES = register();

    /** Every family this JVM has, by its lower-case name; read after the bundled ones were registered. */
    private static final Map<String, String> AVAILABLE = available();

    private BundledFonts() {
    }

    /** The bundled families, in order: Inter, Lora. */
    static List<String> families() {
        return FAMILIES;
    }

    /**
     * The family as this JVM spells it, when it has it (bundled or installed on the machine); the name is matched
     * without regard to case. Installing a font while the application runs takes a restart to be seen.
     */
    static Optional<String> find(String family) {
        if (family == null || family.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(AVAILABLE.get(family.strip().toLowerCase(Locale.ROOT)));
    }

    /** A bundled font file, parsed (no registration): for checking the files themselves. */
    static Font load(String file) {
        try (InputStream in = BundledFonts.class.getResourceAsStream("/fonts/" + file)) {
            if (in == null) {
                throw new IllegalStateException("The bundled font " + file + " is missing from the classpath");
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the bundled font " + file, e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("The bundled font " + file + " is not a TrueType font", e);
        }
    }

    private static List<String> register() {
        GraphicsEnvironment environment = GraphicsEnvironment.getLocalGraphicsEnvironment();
        Set<String> families = new LinkedHashSet<>();
        for (String file : FILES) {
            try {
                Font font = load(file);
                // false when a font of that name is installed already: the installed one is used, which is as good
                environment.registerFont(font);
                families.add(font.getFamily(Locale.ROOT));
            } catch (RuntimeException e) {
                // renders go on in the next font in line, and their jobs say which
                log.warn("Could not register the bundled font {}: {}", file, e.toString());
            }
        }
        return List.copyOf(families);
    }

    private static Map<String, String> available() {
        Map<String, String> byName = new TreeMap<>();
        for (String family : GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames(Locale.ROOT)) {
            byName.putIfAbsent(family.toLowerCase(Locale.ROOT), family);
        }
        return Map.copyOf(byName);
    }
}
