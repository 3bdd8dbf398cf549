package io.flightdeck.identity.domain;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.identity.DemoDataContributor;
import io.flightdeck.identity.DemoWorkspace;
import io.flightdeck.shared.Ids;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.tenancy.TenantScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On the first run against an empty database, creates the demo workspace with one member per role, lets every
 * module add its demo content, and prints how to sign in. {@code FLIGHTDECK_DEMO} is {@code auto} by default: on for
 * the embedded database a newcomer runs, off for PostgreSQL, where publicly known demo passwords have no place.
 */
@Component
class DemoWorkspaceSeeder implements ApplicationRunner {

    static final String OWNER_EMAIL = "demo@flightdeck.local";
    private static final Logger log = LoggerFactory.getLogger(DemoWorkspaceSeeder.class);

    private record Person(String email, String name, Role role) {
    }

    private static final List<Person> PEOPLE = List.of(
            new Person(OWNER_EMAIL, "Dana Demo", Role.OWNER),
            new Person("maya.admin@flightdeck.local", "Maya Okafor", Role.ADMIN),
            new Person("leo.manager@flightdeck.local", "Leo Brandt", Role.MANAGER),
            new Person("ana.writer@flightdeck.local", "Ana Ruiz", Role.CONTRIBUTOR),
            new Person("sam.approver@flightdeck.local", "Sam Whitfield", Role.APPROVER),
            new Person("vic.viewer@flightdeck.local", "Vic Tanaka", Role.VIEWER));

    private final UserAccountRepository users;
    private final WorkspaceRepository workspaces;
    private final MembershipRepository memberships;
    private final PasswordEncoder passwordEncoder;
    private final TransactionTemplate transactions;
    private final List<DemoDataContributor> contributors;
    private final Clock clock;
    private final String password;
    private final boolean enabled;

    DemoWorkspaceSeeder(UserAccountRepository users, WorkspaceRepository workspaces, MembershipRepository memberships,
            PasswordEncoder passwordEncoder, TransactionTemplate transactions, List<DemoDataContributor> contributors,
            Clock clock, @Value("${flightdeck.demo.password}") String password,
            @Value("${flightdeck.demo.enabled:auto}") String mode, @Value("${spring.datasource.url:}") String databaseUrl) {
        this.users = users;
        this.workspaces = workspaces;
        this.memberships = memberships;
        this.passwordEncoder = passwordEncoder;
        this.transactions = transactions;
        this.contributors = contributors;
        this.clock = clock;
        this.password = password;
        this.enabled = "true".equalsIgnoreCase(mode) || ("auto".equalsIgnoreCase(mode) && databaseUrl.startsWith("jdbc:h2:"));
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || workspaces.count() > 0) {
            return;
        }
        UUID workspaceId = Ids.newId();
        DemoWorkspace demo = TenantScope.call(workspaceId, () -> transactions.execute(status -> {
            Workspace workspace = new Workspace(workspaceId, "Northwind Marketing", "northwind", "Europe/Berlin", "en",
                    clock.instant());
            workspace.markDemo();
            workspaces.save(workspace);
            String hash = passwordEncoder.encode(password);
            Map<Role, UUID> members = new EnumMap<>(Role.class);
            for (Person person : PEOPLE) {
                UserAccount user = users.save(new UserAccount(person.email(), person.name(), hash, "Europe/Berlin", clock.instant()));
                user.rememberWorkspace(workspaceId);
                memberships.save(new Membership(user, person.role(), clock.instant()));
                members.put(person.role(), user.getId());
            }
            return new DemoWorkspace(workspaceId, members);
        }));
        TenantScope.run(workspaceId, () -> contributors.forEach(contributor -> contributor.contribute(demo)));
        log.info("""

                ============================================================
                  Flightdeck demo workspace "Northwind Marketing" is ready.
                  Sign in as {} with password {}
                  (members for every role: maya.admin@, leo.manager@, ana.writer@,
                   sam.approver@, vic.viewer@flightdeck.local, same password)
                  Turn the demo off with FLIGHTDECK_DEMO=false
                ============================================================""", OWNER_EMAIL, password);
    }
}
