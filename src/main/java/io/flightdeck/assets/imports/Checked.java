package io.flightdeck.assets.imports;

import java.util.List;

/** A row as an import understood it: the value to write, or what is wrong with it. */
record Checked<T>(T value, List<ImportRowError> errors) {

    static <T> Checked<T> ok(T value) {
        return new Checked<>(value, List.of());
    }

    static <T> Checked<T> rejected(List<ImportRowError> errors) {
        return new Checked<>(null, List.copyOf(errors));
    }

    boolean isOk() {
        return errors.isEmpty();
    }
}
