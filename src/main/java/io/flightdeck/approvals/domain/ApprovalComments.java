package io.flightdeck.approvals.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.approvals.ApprovalCommentPosted;
import io.flightdeck.identity.MemberDirectory;
import io.flightdeck.identity.MemberSummary;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Threaded comments and change requests on an approval. Contributors and up comment on anything; approvers on what
 * is routed to them. Writing {@code @Display Name} or {@code @email} mentions a member, and the event names them so
 * notifications can tell them.
 */
@Service
@Transactional
public class ApprovalComments {

    static final int BODY_MAX = 4_000;

    private final ApprovalCommentRepository comments;
    private final ApprovalLookup lookup;
    private final ApprovalRouting routing;
    private final MemberDirectory members;
    private final ApplicationEventPublisher events;
    private final ApprovalJournal journal;
    private final Clock clock;

    ApprovalComments(ApprovalCommentRepository comments, ApprovalLookup lookup, ApprovalRouting routing,
            MemberDirectory members, ApplicationEventPublisher events, Clock clock, ApprovalJournal journal) {
        this.comments = comments;
        this.lookup = lookup;
        this.routing = routing;
        this.members = members;
        this.events = events;
        this.journal = journal;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<CommentView> thread(UUID approvalId) {
        lookup.live(approvalId);
        return threadOf(approvalId);
    }

    /**
     * @param parentId the comment this replies to, or null; replies to a reply attach to the thread's first comment
     * @param changeRequest whether this asks for a change (shown apart, resolved when addressed)
     */
    public CommentView post(UUID approvalId, UUID parentId, String body, boolean changeRequest) {
        Approval approval = lookup.live(approvalId);
        Actor actor = CurrentActor.require();
        if (!actor.role().includes(Role.CONTRIBUTOR)
                && !(actor.role().includes(Role.APPROVER) && routing.forActor(actor, clock.instant()).involved(approval))) {
            throw new AccessDeniedException("Only contributors and the approvers this is routed to can comment");
        }
        return save(approval, parentId, Voter.member(actor.userId(), actor.displayName()), body, changeRequest);
    }

    /** A comment by an external reviewer through their link. */
    CommentView postExternally(Approval approval, Voter reviewer, UUID parentId, String body) {
        return save(approval, parentId, reviewer, body, false);
    }

    public CommentView resolve(UUID approvalId, UUID commentId) {
        lookup.live(approvalId);
        Actor actor = CurrentActor.require();
        ApprovalComment comment = comments.findById(commentId).filter(c -> c.getApprovalId().equals(approvalId))
                .orElseThrow(() -> new NotFoundException("The comment"));
        if (!actor.role().includes(Role.CONTRIBUTOR) && !actor.userId().equals(comment.getAuthorId())) {
            throw new AccessDeniedException("Only contributors or the author can resolve a comment");
        }
        if (comment.getResolvedAt() == null) {
            comment.resolve(actor.userId(), clock.instant());
        }
        return threadOf(approvalId).stream().flatMap(c -> java.util.stream.Stream.concat(java.util.stream.Stream.of(c), c.replies().stream()))
                .filter(c -> c.id().equals(commentId)).findFirst().orElseThrow();
    }

    private CommentView save(Approval approval, UUID parentId, Voter author, String body, boolean changeRequest) {
        String text = body == null ? "" : body.strip();
        if (text.isEmpty() || text.length() > BODY_MAX) {
            throw new InvalidInputException("body", "must be 1 to " + BODY_MAX + " characters");
        }
        UUID threadId = null;
        if (parentId != null) {
            ApprovalComment parent = comments.findById(parentId).filter(c -> c.getApprovalId().equals(approval.getId()))
                    .orElseThrow(() -> new InvalidInputException("parentId", "no such comment on this approval"));
            threadId = parent.getParentId() != null ? parent.getParentId() : parent.getId();
        }
        List<MemberSummary> mentioned = mentions(text);
        Instant now = clock.instant();
        ApprovalComment comment = comments.save(new ApprovalComment(approval.getId(), threadId, author,
                changeRequest ? ApprovalComment.Kind.CHANGE_REQUEST : ApprovalComment.Kind.COMMENT, text,
                mentioned.stream().map(MemberSummary::userId).toList(), now));
        journal.commented(approval, comment.getId(), author, text, changeRequest, now);
        events.publishEvent(new ApprovalCommentPosted(TenantScope.require(), approval.getId(), approval.getCampaignId(),
                comment.getId(), author.userId(), mentioned.stream().map(MemberSummary::userId).toList(), now,
                changeRequest));
        return view(comment, Map.of(), mentioned.stream().collect(java.util.stream.Collectors.toMap(
                MemberSummary::userId, MemberSummary::displayName, (a, b) -> a)));
    }

    /** Members named as {@code @Display Name} or {@code @email}, longest names first so "@Ann Lee" beats "@Ann". */
    private List<MemberSummary> mentions(String text) {
        if (text.indexOf('@') < 0) {
            return List.of();
        }
        StringBuilder rest = new StringBuilder(text.toLowerCase(Locale.ROOT));
        List<MemberSummary> found = new ArrayList<>();
        members.members().stream()
                .sorted(Comparator.comparingInt((MemberSummary m) -> -m.displayName().length()))
                .forEach(m -> {
                    // each match is blanked out, so the text of "@Ann Lee" cannot mention Ann as well
                    boolean byEmail = consume(rest, "@" + m.email().toLowerCase(Locale.ROOT));
                    boolean byName = consume(rest, "@" + m.displayName().toLowerCase(Locale.ROOT));
                    if (byEmail || byName) {
                        found.add(m);
                    }
                });
        return found;
    }

    /** Blanks every occurrence of {@code mention} that ends at a word boundary ("@ann" is not in "@anna"). */
    private static boolean consume(StringBuilder text, String mention) {
        boolean any = false;
        for (int at = text.indexOf(mention); at >= 0; at = text.indexOf(mention, at + 1)) {
            int end = at + mention.length();
            if (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
                continue;
            }
            for (int i = at; i < end; i++) {
                text.setCharAt(i, ' ');
            }
            any = true;
        }
        return any;
    }

    private List<CommentView> threadOf(UUID approvalId) {
        List<ApprovalComment> all = comments.findByApprovalIdOrderByCreatedAtAscIdAsc(approvalId);
        Map<UUID, String> names = members.displayNames(all.stream().flatMap(c -> c.getMentions().stream()).distinct().toList());
        Map<UUID, List<CommentView>> replies = new LinkedHashMap<>();
        for (ApprovalComment c : all) {
            if (c.getParentId() != null) {
                replies.computeIfAbsent(c.getParentId(), k -> new ArrayList<>()).add(view(c, Map.of(), names));
            }
        }
        return all.stream().filter(c -> c.getParentId() == null).map(c -> view(c, replies, names)).toList();
    }

    private static CommentView view(ApprovalComment c, Map<UUID, List<CommentView>> replies, Map<UUID, String> names) {
        return new CommentView(c.getId(), c.getApprovalId(), c.getParentId(), c.getAuthorId(), c.getAuthorName(),
                c.getKind().name(), c.getBody(),
                c.getMentions().stream().map(id -> new CommentView.Mention(id, names.getOrDefault(id, "a former member"))).toList(),
                c.getResolvedAt() != null, c.getResolvedAt(), c.getCreatedAt(), replies.getOrDefault(c.getId(), List.of()));
    }
}
