package dev.seatkeeper.events;

import dev.seatkeeper.platform.JsonbConfigurator;
import dev.seatkeeper.platform.TimestampSerializer;
import dev.seatkeeper.platform.Timestamps;
import jakarta.ejb.Stateless;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.util.UUID;

/**
 * Writes webhook events to the outbox. It joins the caller's transaction, so an event exists exactly when the
 * change it describes was committed.
 */
@Stateless
public class EventRecorder {
    @PersistenceContext
    EntityManager em;

    /** Records {@code {"type", "timestamp", "data"}}, Polar's webhook body, with {@code data} as the response body. */
    public Event record(UUID organizationId, String type, Object data) {
        String dataJson = JsonbConfigurator.jsonb().toJson(data);
        String payload;
        try (var reader = Json.createReader(new StringReader(dataJson))) {
            payload = Json.createObjectBuilder().add("type", type)
                    .add("timestamp", TimestampSerializer.format(Timestamps.now()))
                    .add("data", reader.readValue()).build().toString();
        }
        var event = new Event(organizationId, type, payload);
        em.persist(event);
        return event;
    }
}
