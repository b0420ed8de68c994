package dev.seatkeeper.events;

import dev.seatkeeper.platform.JsonbConfigurator;
import dev.seatkeeper.platform.TimestampSerializer;
import dev.seatkeeper.platform.Timestamps;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import java.util.UUID;

/**
 * Writes webhook events to the outbox. It joins the caller's transaction, so an event exists exactly when the
 * change it describes was committed.
 */
@Stateless
public class EventRecorder {
    @PersistenceContext
    EntityManager em;

    /**
     * Records {@code {"type", "timestamp", "data"}}, Polar's webhook body, with {@code data} serialized as the response
     * body is. The envelope is written around the serialized {@code data} as text: {@code type} is one of the
     * service's own event names and the timestamp an ISO-8601 string, neither of which needs escaping, and reading
     * {@code data} back only to write it again cost a parse on every seat change.
     *
     * @param type an event name such as {@code customer_seat.claimed} (letters, digits, dots and underscores)
     */
    public Event record(UUID organizationId, String type, Object data) {
        return record(organizationId, type, data, Map.of());
    }

    /**
     * As {@link #record(UUID, String, Object)}, with {@code extra} fields added to {@code data} after its own, each
     * value serialized as JSON ({@code null} as null): a payload that is a response body plus a few keys needs no
     * record of its own and no parse of the serialized body.
     *
     * @param data an object that serializes to a non-empty JSON object
     * @param extra field names (the service's own, needing no escaping) and values, in the order to write them
     */
    public Event record(UUID organizationId, String type, Object data, Map<String, ?> extra) {
        var jsonb = JsonbConfigurator.jsonb();
        var json = new StringBuilder(jsonb.toJson(data));
        if (!extra.isEmpty()) {
            json.setLength(json.length() - 1); // the closing brace of data, written again after the extra fields
            extra.forEach((name, value) ->
                    json.append(",\"").append(name).append("\":").append(value == null ? "null" : jsonb.toJson(value)));
            json.append('}');
        }
        String payload = "{\"type\":\"" + type + "\",\"timestamp\":\"" + TimestampSerializer.format(Timestamps.now())
                + "\",\"data\":" + json + "}";
        var event = new Event(organizationId, type, payload);
        em.persist(event);
        return event;
    }
}
