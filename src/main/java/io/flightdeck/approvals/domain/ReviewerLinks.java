package io.flightdeck.approvals.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import io.flightdeck.campaigns.CampaignDirectory;
import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.crypto.Hashing;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.tenancy.TenantScope;
import io.flightdeck.shared.tenancy.WorkspaceTokens;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Links for reviewers without an account (a client, legal). The token carries the workspace id in the clear, so the
 * link can open the right workspace's scope, plus 32 random bytes; only its SHA-256 is stored. A link works until it
 * expires or is revoked, for one approval only; whoever holds it may comment and, if allowed, approve or reject as
 * one approver of the current stage.
 */
@Service
public class ReviewerLinks {

    private static final int MAX_DAYS = 30;

    private final ReviewerLinkRepository links;
    private final ApprovalLookup lookup;
    private final ApprovalVoting voting;
    private final ApprovalComments comments;
    private final ApprovalSubjects subjects;
    private final CampaignDirectory campaigns;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ReviewerLinks(ReviewerLinkRepository links, ApprovalLookup lookup, ApprovalVoting voting, ApprovalComments comments,
            CampaignDirectory campaigns, TransactionTemplate transactions, Clock clock, ApprovalSubjects subjects) {
        this.links = links;
        this.lookup = lookup;
        this.voting = voting;
        this.comments = comments;
        this.subjects = subjects;
        this.campaigns = campaigns;
        this.transactions = transactions;
        this.clock = clock;
    }

    // ---- members, in their workspace

    public ReviewerLinkView create(UUID approvalId, String name, String email, boolean canApprove, Integer days) {
        Actor actor = CurrentActor.require();
        if (!actor.role().includes(Role.CONTRIBUTOR)) {
            throw new AccessDeniedException("Only contributors and up can invite external reviewers");
        }
        String reviewer = name == null ? "" : name.strip();
        if (reviewer.isEmpty() || reviewer.length() > 160) {
            throw new InvalidInputException("name", "must be 1 to 160 characters");
        }
        String mail = email == null || email.isBlank() ? null : email.strip();
        if (mail != null && (mail.length() > 254 || !mail.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
            throw new InvalidInputException("email", "must be an email address");
        }
        int valid = days == null ? 7 : days;
        if (valid < 1 || valid > MAX_DAYS) {
            throw new InvalidInputException("days", "must be between 1 and " + MAX_DAYS);
        }
        String token = WorkspaceTokens.issue(TenantScope.require());
        return transactions.execute(status -> {
            Approval approval = lookup.live(approvalId);
            Instant now = clock.instant();
            ReviewerLink link = links.save(new ReviewerLink(approval.getId(), reviewer, mail, canApprove,
                    Hashing.sha256Hex(token), now.plus(Duration.ofDays(valid)), actor.userId(), now));
            return view(link, "/review/" + token, now);
        });
    }

    public List<ReviewerLinkView> list(UUID approvalId) {
        return transactions.execute(status -> {
            lookup.live(approvalId);
            Instant now = clock.instant();
            return links.findByApprovalIdOrderByCreatedAtDesc(approvalId).stream().map(l -> view(l, null, now)).toList();
        });
    }

    public ReviewerLinkView revoke(UUID approvalId, UUID linkId) {
        if (!CurrentActor.require().role().includes(Role.CONTRIBUTOR)) {
            throw new AccessDeniedException("Only contributors and up can revoke reviewer links");
        }
        return transactions.execute(status -> {
            lookup.live(approvalId);
            ReviewerLink link = links.findById(linkId).filter(l -> l.getApprovalId().equals(approvalId))
                    .orElseThrow(() -> new NotFoundException("The reviewer link"));
            Instant now = clock.instant();
            if (link.getRevokedAt() == null) {
                link.revoke(now);
            }
            return view(link, null, now);
        });
    }

    // ---- the reviewer, through the token alone

    public ExternalReview open(String token) {
        return withLink(token, (link) -> review(link));
    }

    /** The HTML a preview on the reviewer's page frames from its own address; empty for what the page does not show. */
    public Optional<String> framedHtml(String token, UUID approvalId, String part) {
        return withLink(token, link -> subjects.framedHtml(lookup.live(link.getApprovalId()), approvalId, part));
    }

    public ExternalReview decide(String token, boolean approve, String text) {
        return withLink(token, link -> {
            if (!link.isCanApprove()) {
                throw new AccessDeniedException("This link lets you comment, not approve or reject");
            }
            Approval approval = lookup.live(link.getApprovalId());
            voting.decideExternally(approval, Voter.external(link.getId(), link.getReviewerName()), approve,
                    text == null || text.isBlank() ? null : text.strip());
            return review(link);
        });
    }

    public ExternalReview comment(String token, UUID parentId, String body) {
        return withLink(token, link -> {
            Approval approval = lookup.live(link.getApprovalId());
            comments.postExternally(approval, Voter.external(link.getId(), link.getReviewerName()), parentId, body);
            return review(link);
        });
    }

    private ExternalReview review(ReviewerLink link) {
        ApprovalView approval = lookup.get(link.getApprovalId());
        String campaign = campaigns.find(approval.campaignId()).map(CampaignSnapshot::name).orElse("");
        return new ExternalReview(campaign, link.getReviewerName(), link.isCanApprove(),
                link.isCanApprove() && approval.state().open(), approval, comments.thread(link.getApprovalId()),
                subjects.of(lookup.live(link.getApprovalId()), false));
    }

    /** Opens the token's workspace, finds a usable link, and runs the work in one transaction; anything else is 404. */
    private <T> T withLink(String token, Function<ReviewerLink, T> work) {
        UUID workspace = WorkspaceTokens.workspaceOf(token).orElseThrow(() -> new NotFoundException("The review link"));
        return TenantScope.call(workspace, () -> transactions.execute(status -> {
            ReviewerLink link = links.findByTokenHash(Hashing.sha256Hex(token))
                    .filter(l -> l.usableAt(clock.instant()))
                    .orElseThrow(() -> new NotFoundException("The review link"));
            return work.apply(link);
        }));
    }

    private static ReviewerLinkView view(ReviewerLink l, String url, Instant now) {
        return new ReviewerLinkView(l.getId(), l.getApprovalId(), l.getReviewerName(), l.getReviewerEmail(),
                l.isCanApprove(), l.getExpiresAt(), l.getRevokedAt() != null, !now.isBefore(l.getExpiresAt()),
                l.getCreatedAt(), url);
    }
}
