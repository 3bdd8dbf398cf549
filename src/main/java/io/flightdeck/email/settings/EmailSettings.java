package io.flightdeck.email.settings;

import java.time.Clock;

import io.flightdeck.email.contacts.EmailAddress;
import io.flightdeck.identity.WorkspaceDirectory;
import io.flightdeck.identity.WorkspaceSummary;
import io.flightdeck.shared.InvalidInputException;
import io.flightdeck.shared.PreconditionFailedException;
import io.flightdeck.shared.mail.MailSettings;
import io.flightdeck.shared.tenancy.TenantScope;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A workspace's sender settings: the from name and address, a reply-to and the postal address every campaign mail's
 * footer carries. Unset, the from name is the workspace's name and the from address the installation's sender
 * ({@code flightdeck.mail.from}); the postal address has no default, so the settings are incomplete until it is set.
 */
@Service
public class EmailSettings {

    /** What a member asks for; blank means back to the default. */
    public record SenderChange(String fromName, String fromAddress, String replyTo, String postalAddress) {
    }

    private final SenderProfileRepository profiles;
    private final WorkspaceDirectory workspaces;
    private final MailSettings mail;
    private final Clock clock;

    EmailSettings(SenderProfileRepository profiles, WorkspaceDirectory workspaces, MailSettings mail, Clock clock) {
        this.profiles = profiles;
        this.workspaces = workspaces;
        this.mail = mail;
        this.clock = clock;
    }

    /** What applies now, defaults filled in. */
    @Transactional(readOnly = true)
    public SenderSettings current() {
        return view().effective();
    }

    @Transactional(readOnly = true)
    public SenderSettingsView view() {
        SenderProfile profile = profiles.findFirstBy().orElse(null);
        String fromName = profile == null ? null : profile.fromName();
        String fromAddress = profile == null ? null : profile.fromAddress();
        String replyTo = profile == null ? null : profile.replyTo();
        String postal = profile == null ? null : profile.postalAddress();
        String effectiveName = fromName != null ? fromName : workspaceName();
        String effectiveAddress = fromAddress != null ? fromAddress : installationAddress();
        SenderSettings effective = new SenderSettings(effectiveName, effectiveAddress, replyTo,
                postal == null ? "" : postal, postal != null && !postal.isBlank() && effectiveAddress != null);
        return new SenderSettingsView(fromName, fromAddress, replyTo, postal, effective, versionOf(profile));
    }

    /** Refused (412) when {@code expectedVersion} is not the current version (0 before anything was saved). */
    @Transactional
    public SenderSettingsView update(SenderChange change, Long expectedVersion) {
        SenderProfile profile = profiles.findFirstBy().orElse(null);
        long version = versionOf(profile);
        if (expectedVersion != null && expectedVersion != version) {
            throw new PreconditionFailedException(version);
        }
        String fromName = oneLine("fromName", change.fromName(), 120);
        String fromAddress = address("fromAddress", change.fromAddress());
        String replyTo = address("replyTo", change.replyTo());
        String postal = blankToNull(change.postalAddress());
        if (postal != null) {
            postal = postal.replaceAll("\\s*[\\r\\n]+\\s*", ", ");
            if (postal.length() > 500) {
                throw new InvalidInputException("postalAddress", "Keep the postal address to 500 characters");
            }
        }
        if (profile == null) {
            profile = new SenderProfile(clock.instant());
            profile.change(fromName, fromAddress, replyTo, postal, clock.instant());
            profiles.saveAndFlush(profile);
        } else {
            profile.change(fromName, fromAddress, replyTo, postal, clock.instant());
            profiles.flush();
        }
        return view();
    }

    /** 0 before anything was saved, so an If-Match of a first save differs from one of the row just written. */
    private static long versionOf(SenderProfile profile) {
        return profile == null ? 0 : profile.version() + 1;
    }

    private String workspaceName() {
        return workspaces.find(TenantScope.require()).map(WorkspaceSummary::name).orElse("");
    }

    private String installationAddress() {
        try {
            return new InternetAddress(mail.from(), false).getAddress();
        } catch (AddressException e) {
            return null;
        }
    }

    private static String oneLine(String field, String value, int max) {
        String v = blankToNull(value);
        if (v != null && (v.length() > max || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0)) {
            throw new InvalidInputException(field, "Use one line of at most " + max + " characters");
        }
        return v;
    }

    private static String address(String field, String value) {
        String v = blankToNull(value);
        return v == null ? null : EmailAddress.of(field, v).display();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
