/**
 * Email campaigns: contacts with their consent, lists and segments, templates, A/B tests, sending through a ledger
 * that never doubles or drops a recipient, tracking and compliance (one-click unsubscribe, DKIM, suppression).
 * <p>
 * Inside, by feature: {@code contacts} (contacts, consent, lists, suppression), {@code providers} (Mailjet and
 * SendGrid over the outbound-call kit, and their event webhooks), {@code abtest} and {@code tracking} (pure cores:
 * the winner decision, signed links and the human or machine reading of opens and clicks), {@code templates} (the
 * sanitiser, merge fields rendered per recipient, the built-in and the workspace's templates, test sends through a
 * ledger), {@code settings} (the sender and postal address), {@code delivery} (the provider a workspace sends
 * with, its encrypted keys and its event webhooks' addresses), {@code segments} (rules compiled to SQL),
 * {@code sending} (email campaigns, their send ledger and its job, gated on the campaign's content approval like a
 * social post; opens and clicks), {@code report} (an email's report after the send: its figures, timeline and links,
 * counted in a few aggregate queries), {@code facts} (each send's numbers to analytics as hourly metric facts) and
 * {@code web}. The template editor reads the asset library's images (assets) and
 * a creative's copy (content).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Email",
        allowedDependencies = {"analytics", "approvals", "assets", "campaigns", "content", "identity", "shared"})
package io.flightdeck.email;
