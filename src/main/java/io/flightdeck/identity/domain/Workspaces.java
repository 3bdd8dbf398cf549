package io.flightdeck.identity.domain;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.flightdeck.identity.MemberJoined;
import io.flightdeck.identity.WorkspaceCreated;
import io.flightdeck.identity.WorkspaceTimeZoneChanged;
import io.flightdeck.shared.ConflictException;
import io.flightdeck.shared.Ids;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.PreconditionFailedException;
import io.flightdeck.shared.security.Actor;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Sign-up, new workspaces, workspace settings, and which workspaces a user may switch to. */
@Service
public class Workspaces {

    private final WorkspaceRepository workspaces;
    private final UserAccountRepository users;
    private final MembershipRepository memberships;
    private final MemberActors memberActors;
    private final PasswordEncoder passwordEncoder;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Workspaces(WorkspaceRepository workspaces, UserAccountRepository users, MembershipRepository memberships,
            MemberActors memberActors, PasswordEncoder passwordEncoder, TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
        this.workspaces = workspaces;
        this.users = users;
        this.memberships = memberships;
        this.memberActors = memberActors;
        this.passwordEncoder = passwordEncoder;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    public record SignUp(String workspaceName, String displayName, String email, String password, String timeZone) {
    }

    public record SignedUp(UUID userId, UUID workspaceId) {
    }

    /** A new account and its first workspace, which it owns. */
    public SignedUp signUp(SignUp command) {
        String email = IdentityRules.email(command.email());
        IdentityRules.password("password", command.password());
        String zone = IdentityRules.timeZone("timeZone", command.timeZone());
        if (users.existsByEmail(email)) {
            throw new ConflictException("email-taken",
                    "An account with this email already exists; sign in and add a workspace from the workspace menu");
        }
        UUID workspaceId = Ids.newId();
        return TenantScope.call(workspaceId, () -> transactions.execute(status -> {
            UserAccount user = users.save(new UserAccount(email, command.displayName().trim(),
                    passwordEncoder.encode(command.password()), zone, clock.instant()));
            createWorkspace(workspaceId, command.workspaceName(), zone, user);
            return new SignedUp(user.getId(), workspaceId);
        }));
    }

    /** Another workspace for a signed-in user, who owns it. */
    public UUID create(UUID userId, String name, String timeZone) {
        String zone = IdentityRules.timeZone("timeZone", timeZone);
        UUID workspaceId = Ids.newId();
        return TenantScope.call(workspaceId, () -> transactions.execute(status -> {
            UserAccount user = users.findById(userId).orElseThrow(() -> new NotFoundException("The account"));
            createWorkspace(workspaceId, name, zone, user);
            return workspaceId;
        }));
    }

    private void createWorkspace(UUID workspaceId, String name, String zone, UserAccount owner) {
        Workspace workspace = workspaces.save(new Workspace(workspaceId, name.trim(), uniqueSlug(name), zone, "en", clock.instant()));
        memberships.save(new Membership(owner, Role.OWNER, clock.instant()));
        owner.rememberWorkspace(workspace.getId());
        events.publishEvent(new WorkspaceCreated(workspace.getId(), workspace.getName(), owner.getId()));
        events.publishEvent(new MemberJoined(workspace.getId(), owner.getId(), Role.OWNER));
    }

    private String uniqueSlug(String name) {
        String base = IdentityRules.slugOf(name);
        String slug = base;
        for (int n = 2; workspaces.existsBySlug(slug); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }

    @Transactional(readOnly = true)
    public WorkspaceView current() {
        return workspaces.findById(TenantScope.require()).map(Workspaces::view)
                .orElseThrow(() -> new NotFoundException("The workspace"));
    }

    /** {@code assistantsReadOnly} null keeps the workspace's switch as it is. */
    public record Settings(String name, String timeZone, String locale, Boolean assistantsReadOnly) {

        public Settings(String name, String timeZone, String locale) {
            this(name, timeZone, locale, null);
        }
    }

    @Transactional
    public WorkspaceView update(Settings settings, Long expectedVersion) {
        Workspace workspace = workspaces.findById(TenantScope.require()).orElseThrow(() -> new NotFoundException("The workspace"));
        if (expectedVersion != null && expectedVersion != workspace.getVersion()) {
            throw new PreconditionFailedException(workspace.getVersion());
        }
        String previousZone = workspace.getTimeZone();
        workspace.update(settings.name().trim(), IdentityRules.timeZone("timeZone", settings.timeZone()),
                IdentityRules.locale("locale", settings.locale()), settings.assistantsReadOnly() == null
                        ? workspace.isAssistantsReadOnly() : settings.assistantsReadOnly());
        workspaces.flush();
        if (!workspace.getTimeZone().equals(previousZone)) {
            events.publishEvent(new WorkspaceTimeZoneChanged(workspace.getId(), previousZone, workspace.getTimeZone()));
        }
        return view(workspace);
    }

    /** The workspaces a user may switch to, with their role in each. */
    public List<WorkspaceChoice> choicesOf(UUID userId) {
        return TenantScope.system("list a user's workspaces", () -> transactions.execute(status -> {
            List<Membership> all = memberships.findAllOfUserAcrossWorkspaces(userId);
            Map<UUID, Workspace> byId = workspaces.findAllById(all.stream().map(Membership::getTenantId).toList()).stream()
                    .collect(Collectors.toMap(Workspace::getId, Function.identity()));
            return all.stream()
                    .map(m -> new WorkspaceChoice(m.getTenantId(), byId.get(m.getTenantId()).getName(),
                            byId.get(m.getTenantId()).getSlug(), m.getRole()))
                    .toList();
        }));
    }

    /** The workspace a user lands in: the one they used last if they still belong to it, else their first. */
    public Optional<WorkspaceChoice> landingFor(UUID userId) {
        List<WorkspaceChoice> choices = choicesOf(userId);
        UUID last = users.findById(userId).map(UserAccount::getLastWorkspaceId).orElse(null);
        return choices.stream().filter(c -> c.workspaceId().equals(last)).findFirst().or(() -> choices.stream().findFirst());
    }

    /** Resolves workspace by id or slug among the user's own. */
    public Optional<WorkspaceChoice> choiceOf(UUID userId, String idOrSlug) {
        return choicesOf(userId).stream()
                .filter(c -> c.workspaceId().toString().equals(idOrSlug) || c.slug().equals(idOrSlug))
                .findFirst();
    }

    @Transactional
    public void rememberLastWorkspace(UUID userId, UUID workspaceId) {
        users.findById(userId).ifPresent(user -> user.rememberWorkspace(workspaceId));
    }

    /**
     * The actor for a user in a workspace, or empty when they are not (or no longer) a member. Read at most once per
     * member cache ttl (under a second), see {@link MemberActors}.
     */
    public Optional<Actor> actorFor(UUID userId, UUID workspaceId) {
        return memberActors.actorFor(userId, workspaceId);
    }

    private static WorkspaceView view(Workspace w) {
        return new WorkspaceView(w.getId(), w.getName(), w.getSlug(), w.getTimeZone(), w.getLocale(),
                w.isAssistantsReadOnly(), w.getVersion());
    }
}
