package io.flightdeck.email.sending;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.flightdeck.email.abtest.AbTestVerdict;
import io.flightdeck.email.abtest.PairComparison;
import io.flightdeck.email.abtest.Variant;
import io.flightdeck.email.abtest.WinnerDecision;
import io.flightdeck.email.templates.EmailContent;
import io.flightdeck.email.templates.EmailRendering;
import io.flightdeck.shared.NotFoundException;
import io.flightdeck.shared.PreconditionFailedException;
import io.flightdeck.shared.jobs.Jobs;
import io.flightdeck.shared.security.CurrentActor;
import io.flightdeck.shared.tenancy.TenantScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Setting up an email's A/B test while the email can change, and, once it runs, its numbers, the decision its send
 * job makes when the time comes, and a person's pick that overrides a wait.
 */
@Service
public class AbTests {

    private final EmailAbTestRepository tests;
    private final EmailCampaigns emails;
    private final AbTestResults results;
    private final SendLedger ledger;
    private final Jobs jobs;
    private final EmailReviews reviews;
    private final Clock clock;

    AbTests(EmailAbTestRepository tests, EmailCampaigns emails, AbTestResults results, SendLedger ledger, Jobs jobs,
            EmailReviews reviews, Clock clock) {
        this.reviews = reviews;
        this.tests = tests;
        this.emails = emails;
        this.results = results;
        this.ledger = ledger;
        this.jobs = jobs;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<AbTestView> find(UUID emailCampaignId) {
        EmailCampaign email = emails.find(emailCampaignId);
        return tests.findByEmailCampaignId(email.getId()).map(test -> view(email, test));
    }

    @Transactional(readOnly = true)
    public AbTestView get(UUID emailCampaignId) {
        return find(emailCampaignId).orElseThrow(() -> new NotFoundException("A/B test"));
    }

    /** Sets the test up, or changes it, while the email can still change; each variant's content is checked. */
    @Transactional
    public AbTestView set(UUID emailCampaignId, AbTestPlan.Input input, Long expectedVersion) {
        EmailCampaign email = emails.find(emailCampaignId);
        email.require(EmailCampaignMove.EDIT);
        AbTestPlan plan = AbTestPlan.of(input, EmailCampaigns::clean);
        EmailDraft draft = email.draft();
        for (AbVariant v : plan.variants()) {
            EmailRendering.prepare(new EmailContent(or(v.subject(), draft.subject()), or(v.preheader(), draft.preheader()),
                    or(v.html(), draft.html())));
        }
        Instant now = clock.instant();
        EmailAbTest test = tests.findByEmailCampaignId(email.getId()).orElse(null);
        if (test == null) {
            test = tests.save(new EmailAbTest(email.getId(), plan, now));
        } else {
            if (expectedVersion != null && expectedVersion != test.version()) {
                throw new PreconditionFailedException(test.version());
            }
            test.change(plan, now);
        }
        // its variants are part of what its recipients get: a change makes a new revision of the email
        tests.flush();
        reviews.afterChange(email);
        return view(email, test);
    }

    /** Drops the test while the email can still change: everyone gets the email itself. */
    @Transactional
    public void remove(UUID emailCampaignId) {
        EmailCampaign email = emails.find(emailCampaignId);
        email.require(EmailCampaignMove.EDIT);
        tests.findByEmailCampaignId(email.getId()).ifPresent(test -> {
            tests.delete(test);
            tests.flush();
            reviews.afterChange(email);
        });
    }

    /** The variant the rest gets, chosen by a person while the test runs or waits. */
    @Transactional
    public AbTestView pick(UUID emailCampaignId, String variant) {
        EmailCampaign email = emails.find(emailCampaignId);
        EmailAbTest test = tests.findByEmailCampaignId(email.getId()).orElseThrow(() -> new NotFoundException("A/B test"));
        Instant now = clock.instant();
        test.pick(variant == null ? "" : variant.strip(), CurrentActor.require().displayName(), now);
        ledger.release(TenantScope.current(), email.getId(), test.winner(), now);
        jobs.wake(SendJobs.SEND, TenantScope.current(), email.getId(), now);
        return view(email, test);
    }

    /** The variants B to D of the email's test; none without one. */
    List<AbVariant> variantsOf(UUID emailCampaignId) {
        return tests.findByEmailCampaignId(emailCampaignId).map(EmailAbTest::variants).orElse(List.of());
    }

    /** The test of a send that is starting, if it has one; its decision falls due from now. */
    Optional<EmailAbTest> starting(UUID emailCampaignId, Instant now) {
        Optional<EmailAbTest> test = tests.findByEmailCampaignId(emailCampaignId);
        test.ifPresent(t -> t.start(now));
        return test;
    }

    /**
     * For a send whose queue is empty while people wait for the winner: decides when the time has come and gives the
     * rest their variant (then the send goes on at once), or says when to look again.
     */
    Instant decideOrWait(UUID emailCampaignId, Instant now) {
        EmailAbTest test = tests.findByEmailCampaignId(emailCampaignId).orElse(null);
        if (test == null || !test.open()) {
            // held rows without a test to decide them (it was removed in a race): they get the email itself
            ledger.release(TenantScope.current(), emailCampaignId, "A", now);
            return now;
        }
        if (test.decideAt() != null && now.isBefore(test.decideAt())) {
            // look again within a minute rather than only at the decision time: a pick wakes the send's job, but a
            // wake that meets this very step still running is lost (a running execution cannot be moved), and the
            // rest would otherwise wait for hours after a person picked
            Instant soon = now.plus(SendSteps.GATE_RECHECK);
            return soon.isBefore(test.decideAt()) ? soon : test.decideAt();
        }
        AbTestVerdict verdict = WinnerDecision.decide(measure(test), test.settings());
        test.decide(verdict, now);
        if (verdict.variantToSend().isEmpty()) {
            return now.plus(SendSteps.AB_LOOK_AGAIN);
        }
        ledger.release(TenantScope.current(), emailCampaignId, verdict.variantToSend().get(), now);
        return now;
    }

    private List<Variant> measure(EmailAbTest test) {
        return results.measure(TenantScope.current(), test.emailCampaignId(), test.keys(), test.settings().metric(),
                test.goalUrl());
    }

    private AbTestView view(EmailCampaign email, EmailAbTest test) {
        List<Variant> numbers = test.decideAt() == null ? List.of() : measure(test);
        AbTestVerdict standing = numbers.isEmpty() ? null : WinnerDecision.decide(numbers, test.settings());
        Map<String, Double> confidence = new java.util.HashMap<>();
        if (standing != null) {
            for (PairComparison c : standing.comparisons()) {
                confidence.put(c.other(), c.confidence());
            }
        }
        EmailDraft draft = email.draft();
        List<AbTestView.VariantView> variants = new ArrayList<>();
        List<AbVariant> all = new ArrayList<>();
        all.add(new AbVariant("A", draft.subject(), draft.preheader(), null));
        all.addAll(test.variants());
        for (int i = 0; i < all.size(); i++) {
            AbVariant v = all.get(i);
            Variant n = numbers.isEmpty() ? new Variant(v.key(), 0, 0) : numbers.get(i);
            variants.add(new AbTestView.VariantView(v.key(), v.subject(), v.preheader(), v.html(), n.sent(),
                    n.successes(), n.rate(), confidence.get(v.key())));
        }
        String status = test.status().name();
        return new AbTestView(email.getId(), variants, test.testShare(), test.settings().metric(), test.goalUrl(),
                (int) test.decideAfter().toMinutes(), test.settings().minimumSamplePerVariant(),
                test.settings().requiredConfidence(), test.settings().ifInconclusive(), status, test.decideAt(),
                test.outcome() == null ? null : test.outcome().name(), test.winner(), test.reason(), test.warnings(),
                test.decidedAt(), standing == null ? null : standing.reason(), test.version());
    }

    private static String or(String given, String fallback) {
        return given != null ? given : fallback;
    }
}
