package io.flightdeck.email.providers;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Mailjet's Send API v3.1 request and answer as {@link MailjetSendApi} sends and reads them, in Mailjet's field names
 * (upper camel case; {@code HTMLPart} and the ids spelled as Mailjet spells them).
 */
final class MailjetWire {

    private MailjetWire() {
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    record Send(List<Message> messages, Boolean sandboxMode) {
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    record Message(Address from, List<Address> to, Address replyTo, String subject, String textPart,
            @JsonProperty("HTMLPart") String htmlPart, Map<String, String> headers,
            @JsonProperty("CustomID") String customId) {
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    record Address(String email, String name) {
    }

    /** The answer to a send, and also the body of a 400 that refused some of its messages. */
    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    record Answer(List<Result> messages) {
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    record Result(String status, @JsonProperty("CustomID") String customId, List<Sent> to, List<Error> errors) {
    }

    /** One recipient's message; {@code MessageID} is a 64-bit number, read as text so that no digit is lost. */
    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    record Sent(String email, @JsonProperty("MessageUUID") String messageUuid,
            @JsonProperty("MessageID") String messageId, String messageHref) {
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    record Error(String errorIdentifier, String errorCode, Integer statusCode, String errorMessage,
            List<String> errorRelatedTo) {
    }

    /** The answer of {@code GET /v3/REST/message}: {@code {Count, Data: [{ID, ...}], Total}}. */
    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    record MessageList(Integer count, List<Listed> data, Integer total) {
    }

    /** One message of the list; its 64-bit {@code ID} read as text. */
    record Listed(@JsonProperty("ID") String id, @JsonProperty("Status") String status) {
    }
}
