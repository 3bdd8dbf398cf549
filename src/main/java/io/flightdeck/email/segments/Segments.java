package io.flightdeck.email.segments;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import io.flightdeck.email.contacts.ContactView;
import io.flightdeck.email.contacts.Contacts;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.PreconditionFailedException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A workspace's segments: the five built-in ones and its own, each counted live; rules checked and evaluated in SQL
 * ({@link #filter(UUID)} for a send to select its recipients with). The controllers check roles.
 */
@Service
public class Segments {

    /** How many segments of its own a workspace may keep; the list pages and counts them in memory. */
    public static final int MAX_SEGMENTS = 500;

    private final SegmentRepository segments;
    private final SegmentQueries queries;
    private final Contacts contacts;
    private final Clock clock;

    Segments(SegmentRepository segments, SegmentQueries queries, Contacts contacts, Clock clock) {
        this.segments = segments;
        this.queries = queries;
        this.contacts = contacts;
        this.clock = clock;
    }

    /** Built-ins first, then the workspace's own by name; each with its count, all counted in one statement. */
    @Transactional(readOnly = true)
    public Page<SegmentView> page(Pageable page) {
        List<Object> all = new ArrayList<>(BuiltInSegments.ALL_BUILT_INS);
        all.addAll(segments.findAllByOrderByNameKeyAscIdAsc());
        int from = (int) Math.min(page.getOffset(), all.size());
        List<Object> shown = all.subList(from, Math.min(from + page.getPageSize(), all.size()));
        List<SegmentFilter> filters = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            filters.add(compile(rulesOf(shown.get(i)), "s" + i + "_", id -> true).filter());
        }
        List<Long> counts = queries.counts(filters);
        List<SegmentView> views = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            views.add(view(shown.get(i), counts.get(i)));
        }
        return new PageImpl<>(views, page, all.size());
    }

    @Transactional(readOnly = true)
    public SegmentView get(UUID id) {
        Object segment = find(id);
        return view(segment, queries.count(filter(rulesOf(segment), id2 -> true)));
    }

    /** The segment's name (a built-in's too), without counting its contacts; empty once it is deleted. */
    @Transactional(readOnly = true)
    public java.util.Optional<String> name(UUID id) {
        return BuiltInSegments.byId(id).map(BuiltInSegments.BuiltIn::name)
                .or(() -> segments.findById(id).map(Segment::name));
    }

    /** A segment of the workspace's own; 409 when the name is taken (a built-in's included), in any case. */
    @Transactional
    public SegmentView create(String name, String description, SegmentRules rules) {
        SegmentCompiler.Compiled compiled = compile(rules, "", this::listExists);
        Segment segment = new Segment(name, description, compiled.rules(), clock.instant());
        refuseTaken(segment.nameKey(), null);
        if (segments.count() >= MAX_SEGMENTS) {
            throw new ConflictException("segment-limit", "A workspace keeps at most " + MAX_SEGMENTS + " segments; "
                    + "remove one first");
        }
        return segments.saveAndFlush(segment).view(queries.count(compiled.filter()));
    }

    /**
     * Changes what is given (null keeps the name, the description or the rules as they are); with
     * {@code expectedVersion}, refused when someone changed the segment since it was read. Built-ins are read-only.
     */
    @Transactional
    public SegmentView change(UUID id, String name, String description, SegmentRules rules, Long expectedVersion) {
        Segment segment = own(id);
        if (expectedVersion != null && expectedVersion != segment.version()) {
            throw new PreconditionFailedException(segment.version());
        }
        SegmentRules checked = rules == null ? segment.rules() : compile(rules, "", this::listExists).rules();
        String newName = name == null ? segment.name() : name;
        refuseTaken(Segment.key(Segment.checkedName(newName)), id);
        segment.change(newName, description == null ? segment.description() : description, checked, clock.instant());
        segments.flush();
        return segment.view(queries.count(filter(checked, x -> true)));
    }

    @Transactional
    public void delete(UUID id) {
        segments.delete(own(id));
    }

    /** The segment's rules as SQL over {@code c}; 404 for an id that is no segment of this workspace. */
    @Transactional(readOnly = true)
    public SegmentFilter filter(UUID segmentId) {
        return filter(rulesOf(find(segmentId)), id -> true);
    }

    /** These rules as SQL over {@code c}, checked (400 with every problem; a list must be one of the workspace's). */
    @Transactional(readOnly = true)
    public SegmentFilter filter(SegmentRules rules) {
        return filter(rules, this::listExists);
    }

    /** How many subscribed contacts of the workspace the segment selects now. */
    @Transactional(readOnly = true)
    public long count(UUID segmentId) {
        return queries.count(filter(segmentId));
    }

    /** How many subscribed contacts of the workspace these rules select now, without saving them. */
    @Transactional(readOnly = true)
    public long count(SegmentRules rules) {
        return queries.count(filter(rules));
    }

    /** The subscribed contacts the segment selects, by address. */
    @Transactional(readOnly = true)
    public Page<ContactView> members(UUID segmentId, Pageable page) {
        return members(filter(segmentId), page);
    }

    /** The subscribed contacts these rules select, by address (a preview while editing). */
    @Transactional(readOnly = true)
    public Page<ContactView> members(SegmentRules rules, Pageable page) {
        return members(filter(rules), page);
    }

    private Page<ContactView> members(SegmentFilter filter, Pageable page) {
        List<UUID> ids = queries.members(filter, (int) page.getOffset(), page.getPageSize());
        long total = ids.isEmpty() && page.getOffset() == 0 ? 0 : queries.count(filter);
        return new PageImpl<>(contacts.views(ids), page, total);
    }

    private SegmentFilter filter(SegmentRules rules, Predicate<UUID> listExists) {
        return compile(rules, "", listExists).filter();
    }

    private SegmentCompiler.Compiled compile(SegmentRules rules, String tag, Predicate<UUID> listExists) {
        return SegmentCompiler.compile(rules, tag, clock.instant(), listExists);
    }

    private boolean listExists(UUID id) {
        return queries.listExists(id);
    }

    private void refuseTaken(String nameKey, UUID self) {
        BuiltInSegments.byName(nameKey).ifPresent(builtIn -> {
            throw new ConflictException("segment-name-taken", "A built-in segment has this name",
                    Map.of("segmentId", builtIn.id()));
        });
        segments.findByNameKey(nameKey).filter(other -> !other.getId().equals(self)).ifPresent(other -> {
            throw new ConflictException("segment-name-taken", "A segment with this name exists already",
                    Map.of("segmentId", other.getId()));
        });
    }

    /** A built-in ({@link BuiltInSegments.BuiltIn}) or one of the workspace's own ({@link Segment}). */
    private Object find(UUID id) {
        Object builtIn = BuiltInSegments.byId(id).orElse(null);
        return builtIn != null ? builtIn : segments.findById(id).orElseThrow(() -> new NotFoundException("Segment"));
    }

    private Segment own(UUID id) {
        if (BuiltInSegments.byId(id).isPresent()) {
            throw new ConflictException("segment-built-in", "Built-in segments cannot be changed or removed; make a "
                    + "segment of your own with their rules instead");
        }
        return segments.findById(id).orElseThrow(() -> new NotFoundException("Segment"));
    }

    private static SegmentRules rulesOf(Object segment) {
        return segment instanceof Segment own ? own.rules() : ((BuiltInSegments.BuiltIn) segment).rules();
    }

    private static SegmentView view(Object segment, long count) {
        if (segment instanceof Segment own) {
            return own.view(count);
        }
        BuiltInSegments.BuiltIn builtIn = (BuiltInSegments.BuiltIn) segment;
        return new SegmentView(builtIn.id(), builtIn.name(), builtIn.description(), true, builtIn.rules(), count,
                null, null, 0);
    }
}
