package io.flightdeck.email.sending;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;

import javax.naming.NameNotFoundException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;

import org.springframework.stereotype.Component;

/**
 * TXT look-ups through the JDK's own DNS provider (JNDI {@code dns:}), which asks the system's resolvers: no library
 * and no configuration. Short timeouts (2 s, one retry), because a person waits for the readiness checklist.
 */
@Component
class JndiDnsResolver implements DnsResolver {

    @Override
    public List<String> txtRecords(String name) {
        Hashtable<String, String> env = new Hashtable<>();
        env.put("java.naming.factory.initial", "com.sun.jndi.dns.DnsContextFactory");
        env.put("java.naming.provider.url", "dns:");
        env.put("com.sun.jndi.dns.timeout.initial", "2000");
        env.put("com.sun.jndi.dns.timeout.retries", "1");
        DirContext dns = null;
        try {
            dns = new InitialDirContext(env);
            Attributes found = dns.getAttributes(name, new String[] {"TXT"});
            Attribute txt = found.get("TXT");
            List<String> records = new ArrayList<>();
            if (txt != null) {
                NamingEnumeration<?> values = txt.getAll();
                while (values.hasMore()) {
                    records.add(joined(String.valueOf(values.next())));
                }
            }
            return records;
        } catch (NameNotFoundException none) {
            return List.of();
        } catch (NamingException | RuntimeException e) {
            throw new LookupFailed("DNS gave no answer for " + name + ": " + e.getMessage(), e);
        } finally {
            if (dns != null) {
                try {
                    dns.close();
                } catch (NamingException ignored) {
                    // nothing held open that matters
                }
            }
        }
    }

    /** A record of several quoted strings, as the provider shows it, made one unquoted string. */
    static String joined(String raw) {
        String value = raw.strip();
        if (!value.startsWith("\"")) {
            return value;
        }
        StringBuilder out = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && quoted && i + 1 < value.length()) {
                out.append(value.charAt(++i));
            } else if (c == '"') {
                quoted = !quoted;
            } else if (quoted) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
