package io.flightdeck.identity.web;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.flightdeck.identity.MemberDirectory;
import io.flightdeck.identity.MemberSummary;
import io.flightdeck.identity.security.RefusalExplainer;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.NavItem;
import org.springframework.stereotype.Component;

/**
 * Says who may do what a person's role does not allow, by role and by name, so a refusal tells them whom to ask
 * ("Admins and owners connect accounts: ask Ada Admin or Olly Owner."). Templates call it as {@code @whoCan}.
 */
@Component("whoCan")
class WhoCan implements RefusalExplainer {

    private static final int NAMES = 3;

    private final MemberDirectory members;
    private final List<NavItem> navItems;

    WhoCan(MemberDirectory members, List<NavItem> navItems) {
        this.members = members;
        this.navItems = navItems;
    }

    /** "admins and owners" for ADMIN: the roles that include the given one, in words. */
    public static String roles(Role minimum) {
        List<String> names = Arrays.stream(Role.values()).filter(role -> role.includes(minimum))
                .sorted(Comparator.comparingInt(Role::ordinal))
                .map(role -> role.label().toLowerCase() + "s").toList();
        return join(names, "and");
    }

    /** Whom to ask, by name, among the members whose role includes {@code minimum}: "ask Ada Admin or Olly Owner". */
    public String ask(String minimum) {
        Role role = Role.valueOf(minimum);
        return ask(role, CurrentActor.find().isEmpty() ? List.of() : members.members());
    }

    /** Whom to ask for each of these roles, the members read once (a page that names several). */
    public Map<Role, String> ask(Collection<Role> minimums) {
        List<MemberSummary> all = CurrentActor.find().isEmpty() ? List.of() : members.members();
        Map<Role, String> asks = new EnumMap<>(Role.class);
        minimums.forEach(role -> asks.computeIfAbsent(role, r -> ask(r, all)));
        return asks;
    }

    private static String ask(Role role, List<MemberSummary> all) {
        if (all.isEmpty()) {
            // no actor, or outside the workspace's scope: no names to give
            return "ask " + roles(role).replace(" and ", " or ");
        }
        UUID self = CurrentActor.require().userId();
        List<String> names = all.stream().filter(m -> m.role().includes(role)).filter(m -> !m.userId().equals(self))
                .sorted(Comparator.comparing((MemberSummary m) -> m.role().ordinal()).reversed()
                        .thenComparing(MemberSummary::displayName))
                .map(MemberSummary::displayName).toList();
        if (names.isEmpty()) {
            return "nobody here has that role yet";
        }
        List<String> shown = names.subList(0, Math.min(NAMES, names.size()));
        String more = names.size() > NAMES ? " (or one of " + (names.size() - NAMES) + " more)" : "";
        return "ask " + join(shown, "or") + more;
    }

    /**
     * For a request refused with 403: who may do it. The role the action asked for when known, else the navigation
     * page it belongs to when the person's role cannot open that page, else nothing (the page names the admins).
     */
    public Optional<String> forRefusal(String requiredRole, String path) {
        if (requiredRole != null) {
            Role role = Role.valueOf(requiredRole);
            return Optional.of("This is for " + roles(role) + ": " + ask(role.name()) + ".");
        }
        Optional<Role> actorRole = CurrentActor.find().map(actor -> actor.role());
        return navItems.stream().filter(item -> item.covers(path))
                .filter(item -> actorRole.map(r -> !r.includes(item.minimumRole())).orElse(true)).findFirst()
                .map(item -> item.label() + " is for " + roles(item.minimumRole()) + ": "
                        + ask(item.minimumRole().name()) + ".");
    }

    @Override
    public String explain(String requiredRole, String path) {
        return forRefusal(requiredRole, path).orElseGet(() -> "If you need more access, " + admins() + ".");
    }

    /** Who may open a refused page of another kind: the workspace's admins, by name. */
    public String admins() {
        return ask(Role.ADMIN.name());
    }

    private static String join(List<String> words, String conjunction) {
        if (words.size() <= 1) {
            return String.join("", words);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " " + conjunction + " " + words.get(words.size() - 1);
    }
}
