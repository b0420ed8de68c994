package dev.seatkeeper.events;

import dev.seatkeeper.platform.JsonbConfigurator;
import dev.seatkeeper.platform.TimestampSerializer;
import dev.seatkeeper.platform.Timestamps;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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
        String payload = "{\"type\":\"" + type + "\",\"timestamp\":\"" + TimestampSerializer.format(Timestamps.now())
                + "\",\"data\":" + JsonbConfigurator.jsonb().toJson(data) + "}";
        var event = new Event(organizationId, type, payload);
        em.persist(event);
        return event;
    }
}
