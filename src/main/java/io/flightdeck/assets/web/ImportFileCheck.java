package io.flightdeck.assets.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Set;

import org.springframework.web.multipart.MultipartFile;

/**
 * What the wizard checks of a chosen file before keeping it, each with a sentence the member can act on: that there
 * is a file, with bytes, within the workspace's limit, and CSV text rather than a workbook or a picture. Whether its
 * header is one an import reads is the preview's to say.
 */
final class ImportFileCheck {

    /** How much of the file is looked at for signs of binary content. */
    static final int SNIFF_BYTES = 8 * 1024;

    private static final Set<String> TEXT_EXTENSIONS = Set.of("csv", "tsv", "txt");

    private ImportFileCheck() {
    }

    /** The problem with the file in words, or null when it may be kept. {@code file} null: none was chosen. */
    static String problem(MultipartFile file, long maxBytes, AssetDisplay display) throws IOException {
        if (file == null || file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()) {
            return "Choose a CSV file to import.";
        }
        String name = file.getOriginalFilename();
        if (file.isEmpty()) {
            return "“" + name + "” is empty. Choose a file with a header row and at least one data row.";
        }
        String extension = extension(name);
        if (extension != null && !TEXT_EXTENSIONS.contains(extension)) {
            return "“" + name + "” is not a CSV file. Export or save it as CSV (comma, semicolon or tab separated) "
                    + "and choose that file.";
        }
        if (file.getSize() > maxBytes) {
            return "“" + name + "” is " + display.size(file.getSize()) + "; this workspace imports files of up to "
                    + display.size(maxBytes) + ".";
        }
        try (InputStream in = file.getInputStream()) {
            if (!looksLikeText(in.readNBytes(SNIFF_BYTES))) {
                return "“" + name + "” is not CSV text (it looks like a workbook, a picture or another binary file). "
                        + "Export it as CSV and choose that file.";
            }
        }
        return null;
    }

    /**
     * Text has no NUL bytes, unless it is UTF-16 (Google Ads' "Excel CSV"), which starts with its byte-order mark. An
     * .xlsx workbook is a ZIP archive and a PDF or an image has NULs within its first kilobytes.
     */
    static boolean looksLikeText(byte[] head) {
        if (head.length >= 2 && ((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE
                || (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF)) {
            return true;
        }
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return false;
        }
        for (byte b : head) {
            if (b == 0) {
                return false;
            }
        }
        return true;
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 || dot == name.length() - 1 ? null : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
