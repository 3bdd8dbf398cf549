package io.flightdeck.shared.csv;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a file is written: its character set (from the byte-order mark; UTF-8 without one) and its delimiter, guessed
 * from the first 64 KB. A semicolon is what Excel writes where the comma is the decimal separator, so numbers in such
 * a file read 1.234,56 for 1234.56; a tab is Google Ads' "Excel CSV" (UTF-16 with a mark).
 */
// no comma inside double quotes in the comment above: Spring Modulith reads Javadoc back through Boot's basic JSON
// parser, which splits such a comment apart (ModularityTests then fails writing the module documentation)
public record CsvDialect(Charset charset, char delimiter) {

    public static final int SAMPLE_CHARS = 64 * 1024;
    private static final char[] CANDIDATES = {',', ';', '\t'};
    private static final int SAMPLE_RECORDS = 50;

    /** Whether numbers write their decimals after a comma. */
    public boolean decimalComma() {
        return delimiter == ';';
    }

    /** A reader of the text after any byte-order mark, with the dialect guessed from its beginning. */
    public record Opened(BufferedReader reader, CsvDialect dialect) {
    }

    public static Opened open(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 64 * 1024);
        in.mark(4);
        byte[] head = in.readNBytes(4);
        in.reset();
        Charset charset = StandardCharsets.UTF_8;
        int mark = 0;
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            mark = 3;
        } else if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            mark = 2;
        } else if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            mark = 2;
        }
        in.skipNBytes(mark);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, charset), SAMPLE_CHARS);
        reader.mark(SAMPLE_CHARS);
        char[] sample = new char[SAMPLE_CHARS];
        int length = 0;
        for (int n; length < sample.length && (n = reader.read(sample, length, sample.length - length)) > 0; ) {
            length += n;
        }
        reader.reset();
        return new Opened(reader, new CsvDialect(charset, delimiter(sample, length)));
    }

    /**
     * The candidate that splits the most records into the same number of cells (outside quotes); a tie goes to the
     * one with more cells, then to the comma. Title lines and decimal commas vary from row to row; a delimiter does not.
     */
    public static char delimiter(char[] sample, int length) {
        List<int[]> counts = new ArrayList<>();
        int[] current = new int[CANDIDATES.length];
        boolean quoted = false;
        for (int i = 0; i < length && counts.size() < SAMPLE_RECORDS; i++) {
            char c = sample[i];
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                if (c == '\r' && i + 1 < length && sample[i + 1] == '\n') {
                    i++;
                }
                counts.add(current);
                current = new int[CANDIDATES.length];
            } else if (!quoted) {
                for (int k = 0; k < CANDIDATES.length; k++) {
                    if (c == CANDIDATES[k]) {
                        current[k]++;
                    }
                }
            }
        }
        if (counts.size() < SAMPLE_RECORDS) {
            counts.add(current);
        }
        char best = ',';
        int bestRecords = 0;
        int bestCells = 0;
        for (int k = 0; k < CANDIDATES.length; k++) {
            Map<Integer, Integer> frequency = new HashMap<>();
            for (int[] record : counts) {
                if (record[k] > 0) {
                    frequency.merge(record[k], 1, Integer::sum);
                }
            }
            for (Map.Entry<Integer, Integer> e : frequency.entrySet()) {
                if (e.getValue() > bestRecords || (e.getValue() == bestRecords && e.getKey() > bestCells)) {
                    best = CANDIDATES[k];
                    bestRecords = e.getValue();
                    bestCells = e.getKey();
                }
            }
        }
        return best;
    }
}
