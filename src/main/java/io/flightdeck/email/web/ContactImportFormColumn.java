package io.flightdeck.email.web;

import java.util.List;

/**
 * One column of the file in the import's mapping form: its position and name, what it feeds (as the form's select
 * names it), the attribute's name, the first rows' values as a hint, and what is wrong with it. Public for the
 * templates.
 */
record ContactImportFormColumn(int index, String name, String field, String key, List<String> samples,
        String error) {
}
