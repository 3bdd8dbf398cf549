package io.flightdeck.notifications.slack;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The Slack messages Flightdeck sends, as Block Kit records that serialise to Slack’s JSON: a notification, an
 * approval request with Approve, Request changes and Reject buttons, the same request once decided, and a request
 * overtaken by a newer version. Text from people (titles, bodies, names) is escaped for mrkdwn, so a title cannot
 * mention a channel or forge a link, and every block keeps within Block Kit’s documented limits by cutting text with
 * an ellipsis: Slack refuses a whole message with {@code invalid_blocks} for one field too long, and a notification
 * that arrives shortened is better than none.
 */
public final class SlackBlocks {

    /** The {@code action_id}s of the approval buttons, which the interactivity endpoint dispatches on. */
    public static final String APPROVE = "approval.approve";
    public static final String REQUEST_CHANGES = "approval.request_changes";
    public static final String REJECT = "approval.reject";
    /** The {@code action_id} of the link button; Slack still reports its click, which needs no more than an ack. */
    public static final String OPEN = "flightdeck.open";

    /** Slack shows the top-level text in notifications and screen readers; past 4,000 characters it cuts it itself. */
    static final int FALLBACK_TEXT = 4000;

    private SlackBlocks() {
    }

    /** One layout block; {@code type} is Slack’s name for it. */
    public sealed interface Block permits Header, Section, Context, Actions {
        String type();
    }

    /** A text object: {@code plain_text} shown as is, or {@code mrkdwn} (already escaped by the builder). */
    public record Text(String type, String text) {
        public static Text plain(String text) {
            return new Text("plain_text", text);
        }

        public static Text mrkdwn(String text) {
            return new Text("mrkdwn", text);
        }

        Text cut(int max) {
            return new Text(type, SlackBlocks.cut(text, max, "mrkdwn".equals(type)));
        }
    }

    /** A header: plain text, at most 150 characters. */
    @JsonPropertyOrder("type")
    public record Header(Text text) implements Block {
        public Header {
            text = text.cut(150);
        }

        @Override
        @JsonProperty("type")
        public String type() {
            return "header";
        }
    }

    /** A section: text up to 3,000 characters, at most 10 fields of up to 2,000 each, and an optional accessory. */
    @JsonPropertyOrder("type")
    public record Section(Text text, List<Text> fields, Button accessory) implements Block {
        public Section {
            text = text == null ? null : text.cut(3000);
            fields = fields == null || fields.isEmpty() ? null
                    : fields.stream().limit(10).map(field -> field.cut(2000)).toList();
        }

        @Override
        @JsonProperty("type")
        public String type() {
            return "section";
        }
    }

    /** A context line: at most 10 small text elements. */
    @JsonPropertyOrder("type")
    public record Context(List<Text> elements) implements Block {
        public Context {
            elements = elements.stream().limit(10).map(element -> element.cut(3000)).toList();
        }

        @Override
        @JsonProperty("type")
        public String type() {
            return "context";
        }
    }

    /** A row of interactive elements, at most 25. */
    @JsonPropertyOrder("type")
    public record Actions(List<Button> elements) implements Block {
        public Actions {
            elements = elements.stream().limit(25).toList();
        }

        @Override
        @JsonProperty("type")
        public String type() {
            return "actions";
        }
    }

    /**
     * A button: text up to 75 characters, {@code value} up to 2,000 (cut like any text, so keep values to ids), an
     * {@code action_id} up to 255, a {@code url} for a link button, {@code style} primary or danger.
     */
    @JsonPropertyOrder("type")
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Button(Text text, String actionId, String url, String value, String style, Confirm confirm) {
        public Button {
            text = text.cut(75);
            actionId = cut(actionId, 255, false);
            value = cut(value, 2000, false);
        }

        @JsonProperty("type")
        public String type() {
            return "button";
        }
    }

    /** The confirmation dialog composition object: title 100, text 300, confirm and deny 30 characters each. */
    public record Confirm(Text title, Text text, Text confirm, Text deny, String style) {
        public Confirm {
            title = title.cut(100);
            text = text.cut(300);
            confirm = confirm.cut(30);
            deny = deny.cut(30);
        }
    }

    /** What to send: the fallback text (notifications, screen readers) and the blocks. */
    public record Message(String text, List<Block> blocks) {
    }

    /**
     * What an approval is about, in words the caller chose; any of them may be null and is then left out.
     *
     * @param about the thing under review in its module's words (an email's subject, sender and audience)
     */
    public record Facts(String subject, String version, String due, String requestedBy, URI link, String about) {
    }

    /** A notification: its title and body, why this person got it, and a link into Flightdeck. */
    public static Message notification(String title, String body, String reason, URI link) {
        String text = "*" + cut(escape(title), 300, true) + "*" + (blank(body) ? "" : "\n" + escape(body));
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Section(Text.mrkdwn(text), null, open(link)));
        if (!blank(reason)) {
            blocks.add(new Context(List.of(Text.mrkdwn(escape(reason)))));
        }
        return new Message(fallback(title), blocks);
    }

    /**
     * An approval request. All three buttons carry the same {@code value} (an opaque reference the caller can read
     * back, such as approval id, version and stage); their {@code action_id}s tell the decisions apart, and each asks
     * for confirmation first, since a click in a busy channel is easily a slip.
     */
    public static Message approvalRequest(Facts facts, String value) {
        String what = (blank(facts.subject()) ? "this" : facts.subject())
                + (blank(facts.version()) ? "" : " (version " + facts.version() + ")");
        Actions actions = new Actions(List.of(
                new Button(Text.plain("Approve"), APPROVE, null, value, "primary", new Confirm(
                        Text.plain("Approve?"), Text.plain("Approve " + what + "?"), Text.plain("Approve"),
                        Text.plain("Cancel"), "primary")),
                new Button(Text.plain("Request changes"), REQUEST_CHANGES, null, value, null, new Confirm(
                        Text.plain("Request changes?"), Text.plain("Send " + what + " back for changes?"),
                        Text.plain("Request changes"), Text.plain("Cancel"), null)),
                new Button(Text.plain("Reject"), REJECT, null, value, "danger", new Confirm(
                        Text.plain("Reject?"), Text.plain("Reject " + what + "? This ends the approval."),
                        Text.plain("Reject"), Text.plain("Cancel"), "danger"))));
        List<Block> blocks = new ArrayList<>(List.of(header("Approval requested", facts), facts(facts, true)));
        if (!blank(facts.about())) {
            blocks.add(new Section(Text.mrkdwn(escape(facts.about())), null, null));
        }
        blocks.add(actions);
        return new Message(fallback("Approval requested: " + what), blocks);
    }

    /** A decided approval: the facts without buttons, and the caller’s words, such as Approved by Ana · 14:05. */
    public static Message approvalDecided(Facts facts, String decision) {
        List<Block> blocks = new ArrayList<>(List.of(header("Approval decided", facts), facts(facts, false)));
        if (!blank(decision)) {
            blocks.add(new Context(List.of(Text.mrkdwn(escape(decision)))));
        }
        return new Message(fallback(blank(decision) ? "Approval decided" : decision), blocks);
    }

    /** A request overtaken by a newer version: the facts, a line saying so, and the link to the newer one. */
    public static Message staleVersion(Facts facts, String newerVersion) {
        String line = "A newer version" + (blank(newerVersion) ? "" : " (" + newerVersion + ")")
                + " is waiting for approval; this request is out of date.";
        return new Message(fallback(line), List.of(header("Approval request out of date", facts), facts(facts, true),
                new Section(Text.mrkdwn(escape(line)), null, null)));
    }

    /** Escapes the three characters Slack reads as control characters in mrkdwn: {@code &}, {@code <}, {@code >}. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static Header header(String label, Facts facts) {
        return new Header(Text.plain(blank(facts.subject()) ? label : label + ": " + facts.subject()));
    }

    private static Section facts(Facts facts, boolean withLink) {
        List<Text> fields = new ArrayList<>();
        field(fields, "What", facts.subject());
        field(fields, "Version", facts.version());
        field(fields, "Due", facts.due());
        field(fields, "Requested by", facts.requestedBy());
        return new Section(fields.isEmpty() ? Text.mrkdwn("Approval") : null, fields,
                withLink ? open(facts.link()) : null);
    }

    private static void field(List<Text> fields, String label, String value) {
        if (!blank(value)) {
            fields.add(Text.mrkdwn("*" + label + "*\n" + escape(value)));
        }
    }

    private static Button open(URI link) {
        return link == null ? null : new Button(Text.plain("Open in Flightdeck"), OPEN, link.toString(), null, null,
                null);
    }

    private static String fallback(String text) {
        return cut(escape(text), FALLBACK_TEXT, true);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /**
     * The text cut to {@code max} characters, ending in an ellipsis when it was longer: never inside a surrogate pair,
     * and for escaped text never inside an entity such as {@code &amp;} (half an entity would show as raw text).
     */
    static String cut(String text, int max, boolean escaped) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        if (escaped) {
            int amp = text.lastIndexOf('&', end - 1);
            if (amp >= 0 && amp > end - 5 && text.indexOf(';', amp) >= end) {
                end = amp;
            }
        }
        return text.substring(0, end) + "…";
    }
}
