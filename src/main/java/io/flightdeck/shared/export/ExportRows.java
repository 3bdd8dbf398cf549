package io.flightdeck.shared.export;

import java.io.IOException;
import java.util.function.Function;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;

/**
 * The rows of an export, handed to the writer one at a time so memory holds at most what the source reads at once.
 * {@link #paged} reads a page per call: each call is its own short read (the module's read-only transaction), and
 * whatever a page needs besides its rows is fetched for the whole page, never per row.
 */
@FunctionalInterface
public interface ExportRows<T> {

    /** Rows read per page by {@link #paged}. */
    int PAGE = 500;

    void forEach(RowWriter<T> writer) throws IOException;

    /** Takes one row; may fail while writing to the response. */
    @FunctionalInterface
    interface RowWriter<T> {
        void write(T row) throws IOException;
    }

    /** Every page of a paged query in {@code sort} (which should end on a unique key, so pages neither skip nor repeat). */
    static <T> ExportRows<T> paged(Sort sort, Function<Pageable, ? extends Slice<T>> page) {
        return writer -> {
            Slice<T> slice;
            int number = 0;
            do {
                slice = page.apply(PageRequest.of(number++, PAGE, sort));
                for (T row : slice) {
                    writer.write(row);
                }
            } while (slice.hasNext());
        };
    }
}
