package io.flightdeck.email.sending;

import java.util.List;

/**
 * The port through which an email's readiness reads the sending domain's DNS: the TXT records of one name. The
 * production adapter asks the system's resolvers through the JDK ({@link JndiDnsResolver}); tests give a fake.
 */
public interface DnsResolver {

    /**
     * The TXT records of {@code name}, each as one string (a record split into several quoted strings is joined);
     * empty when the name does not exist or has none.
     *
     * @throws LookupFailed when no answer came (no resolver, a timeout, a server failure)
     */
    List<String> txtRecords(String name);

    /** No answer: the records may exist, but nobody could say. */
    class LookupFailed extends RuntimeException {
        public LookupFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
