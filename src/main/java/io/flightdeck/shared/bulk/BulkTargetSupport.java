package io.flightdeck.shared.bulk;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

import io.flightdeck.shared.InvalidInputException;
import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The frame every {@link BulkTarget} shares, so a target holds only its own rules: the type, labels and actions given
 * once, the item's version after a change written into what undo needs and compared before an undo (an item changed
 * since is left alone), the names of many items read in one query, and the parameter checks two types share (a tag, a
 * shift in days).
 */
public abstract class BulkTargetSupport implements BulkTarget {

    /** The key of the item's version after the change, in what {@link #apply} answers. */
    public static final String VERSION = "version";

    private final String type;
    private final String label;
    private final String searchType;
    private final List<BulkAction> actions;

    /**
     * @param type       {@link #type()}
     * @param label      {@link #label()}
     * @param searchType {@link #searchType()}, or null when the search does not find these items
     * @param actions    {@link #actions()}
     */
    protected BulkTargetSupport(String type, String label, String searchType, List<BulkAction> actions) {
        this.type = type;
        this.label = label;
        this.searchType = searchType;
        this.actions = List.copyOf(actions);
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String searchType() {
        return searchType;
    }

    @Override
    public List<BulkAction> actions() {
        return actions;
    }

    /**
     * Adds the item's version after the change to what undo needs: flushed first, so that it is the version the commit
     * writes. Answers {@code before}.
     */
    protected static <E> Map<String, String> withVersionAfter(Map<String, String> before,
            JpaRepository<E, UUID> repository, UUID id, Function<E, Long> version) {
        repository.flush();
        before.put(VERSION, String.valueOf(repository.findById(id).map(version).orElseThrow()));
        return before;
    }

    /**
     * Refuses an undo ({@link BulkTarget#changedSince}) when the item's version is not the one the bulk change left:
     * someone (or something) changed it after, and that change is kept rather than overwritten.
     */
    protected static void unchangedSince(Long version, Map<String, String> restore, String what) {
        if (!String.valueOf(version).equals(restore.get(VERSION))) {
            throw BulkTarget.changedSince(what);
        }
    }

    /** The names of the entities found, by id: what {@link #names} answers from one query. */
    protected static <E> Map<UUID, String> namesOf(Collection<E> found, Function<E, UUID> id, Function<E, String> name) {
        Map<UUID, String> names = new LinkedHashMap<>();
        found.forEach(entity -> names.put(id.apply(entity), name.apply(entity)));
        return names;
    }

    /** The tag of a tag or untag action, stripped; refused when blank. */
    protected static String tag(String tag) {
        if (tag == null || tag.isBlank()) {
            throw new InvalidInputException("params.tag", "must not be blank");
        }
        return tag.strip();
    }

    /** Refuses a shift that is missing or zero days. */
    protected static void checkShift(Integer shiftDays) {
        if (shiftDays == null || shiftDays == 0) {
            throw new InvalidInputException("params.shiftDays", "must be a number of days other than 0");
        }
    }

    /** Tags as one string for what undo needs (a tag holds no line break). */
    protected static String joinTags(Collection<String> tags) {
        return String.join("\n", tags);
    }

    /** The tags {@link #joinTags} wrote. */
    protected static Set<String> splitTags(String saved) {
        return saved == null || saved.isEmpty() ? new TreeSet<>() : new TreeSet<>(List.of(saved.split("\n")));
    }
}
