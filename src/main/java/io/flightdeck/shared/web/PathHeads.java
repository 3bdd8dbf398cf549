package io.flightdeck.shared.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Handler mappings indexed by the head of the path they can match: the path up to its fourth slash
 * ({@code /api/v1/campaigns} for {@code /api/v1/campaigns/{id}/tasks}). A pattern's literal beginning, up to its first
 * variable or wildcard, must begin any path it matches, so every mapping that can match a path is among the
 * candidates of that path's head; a pattern whose literal beginning is shorter than a head is a candidate of every
 * path that begins with it. Paths must be plain ({@link #isPlain}): no escapes, no path parameters.
 */
final class PathHeads<T> {

    private static final int HEAD_SLASHES = 4;

    /** Level 4: heads of paths and of literal patterns; levels 1 to 3: the shorter literal beginnings, cut there. */
    private final List<Map<String, List<T>>> levels;

    private PathHeads(List<Map<String, List<T>>> levels) {
        this.levels = levels;
    }

    /** Each mapping with its path patterns; none means any path. */
    static <T> PathHeads<T> fromPatterns(Map<T, List<String>> patterns) {
        List<Map<String, List<T>>> levels = new ArrayList<>();
        for (int level = 0; level <= HEAD_SLASHES; level++) {
            levels.add(new HashMap<>());
        }
        patterns.forEach((mapping, texts) -> {
            if (texts.isEmpty()) {
                add(levels.get(0), "", mapping);
            }
            for (String text : texts) {
                int cut = firstWildcard(text);
                String start = cut < 0 ? text : text.substring(0, cut);
                int level = Math.min(slashes(start), HEAD_SLASHES);
                if (cut < 0 || level == HEAD_SLASHES) {
                    add(levels.get(HEAD_SLASHES), head(start), mapping);
                } else {
                    add(levels.get(level), upToSlash(start, level), mapping);
                }
            }
        });
        return new PathHeads<>(levels);
    }

    private static <T> void add(Map<String, List<T>> level, String key, T mapping) {
        List<T> bucket = level.computeIfAbsent(key, k -> new ArrayList<>());
        if (!bucket.contains(mapping)) {
            bucket.add(mapping);
        }
    }

    /** Every mapping that may match this path (and perhaps a few that do not). */
    List<T> candidates(String path) {
        List<T> found = new ArrayList<>(levels.get(HEAD_SLASHES).getOrDefault(head(path), List.of()));
        int slashes = slashes(path);
        for (int level = 0; level < HEAD_SLASHES && level <= slashes; level++) {
            for (T mapping : levels.get(level).getOrDefault(upToSlash(path, level), List.of())) {
                if (!found.contains(mapping)) {
                    found.add(mapping);
                }
            }
        }
        return found;
    }

    /** The text before its {@code n}th slash (the empty text for 0 and 1). */
    private static String upToSlash(String text, int n) {
        int seen = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '/' && ++seen == n) {
                return text.substring(0, i);
            }
        }
        return n == 0 ? "" : text;
    }

    /** Without escapes or path parameters, a path's literal text is what patterns are matched against. */
    static boolean isPlain(String path) {
        return path.indexOf('%') < 0 && path.indexOf(';') < 0;
    }

    /** The path up to its fourth slash, without a trailing slash. */
    static String head(String path) {
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        int seen = 0;
        for (int i = 0; i < trimmed.length(); i++) {
            if (trimmed.charAt(i) == '/' && ++seen == HEAD_SLASHES) {
                return trimmed.substring(0, i);
            }
        }
        return trimmed;
    }

    private static int slashes(String text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '/') {
                count++;
            }
        }
        return count;
    }

    private static int firstWildcard(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '{' || c == '*' || c == '?') {
                return i;
            }
        }
        return -1;
    }
}
