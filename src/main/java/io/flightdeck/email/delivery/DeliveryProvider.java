package io.flightdeck.email.delivery;

/**
 * How a workspace's campaign mail leaves: the installation's mail transport (the default), or Mailjet or SendGrid with
 * the workspace's own account, whose event webhooks then report deliveries, bounces and complaints.
 */
public enum DeliveryProvider {
    SMTP("This installation's mail server"),
    MAILJET("Mailjet"),
    SENDGRID("SendGrid");

    private final String label;

    DeliveryProvider(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
