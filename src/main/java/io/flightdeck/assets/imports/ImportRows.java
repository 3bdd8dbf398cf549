package io.flightdeck.assets.imports;

import java.util.List;
import java.util.Map;

/** What one kind of import makes of a row, and how it writes the rows it accepted. */
interface ImportRows<T> {

    /** Reads and checks one row; writes nothing. */
    Checked<T> check(SourceRow row);

    /** Writes accepted rows, in order, in the caller's transaction. */
    void write(List<T> rows);

    /** The row as understood, for the preview: the values that would be written and the asset it goes to. */
    Map<String, Object> describe(T value);
}
