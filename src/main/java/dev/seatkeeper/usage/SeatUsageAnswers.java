package dev.seatkeeper.usage;

import dev.seatkeeper.platform.Accepts;
import dev.seatkeeper.platform.Ids;
import dev.seatkeeper.platform.Jsonp;
import dev.seatkeeper.platform.TimestampSerializer;
import dev.seatkeeper.security.Caller;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The answer of both seat-usage routes: reads the query ({@code from}, {@code to}: UTC dates; {@code interval}:
 * {@code day} or {@code period}), asks {@link SeatUsageService}, and writes {@code {"items": [rows]}} as JSON, or one
 * row per line with {@code Accept: application/x-ndjson}.
 */
@ApplicationScoped
public class SeatUsageAnswers {
    static final List<String> INTERVALS = List.of("day", "period");

    @EJB
    SeatUsageService usage;

    @Inject
    Caller caller;

    /** @param request the servlet request, whose {@code Accept} ({@link Accepts}) chooses NDJSON over JSON */
    Response ledger(
            SeatUsageService.Kind kind,
            String id,
            String from,
            String to,
            String interval,
            HttpServletRequest request) {
        var containerId = Ids.path("id", id);
        var first = QueryDates.optional("from", from);
        var last = QueryDates.optional("to", to);
        String every = QueryDates.oneOf("interval", interval, INTERVALS, "day");
        List<UsageRow> rows = usage.ledger(caller.organizationId(), kind, containerId, first, last, every);
        if (Accepts.prefers(request, Accepts.NDJSON)) {
            StreamingOutput lines = out -> {
                Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                for (UsageRow row : rows) {
                    writer.write(json(row).toString());
                    writer.write('\n');
                }
                writer.flush();
            };
            return Response.ok(lines, Accepts.NDJSON).build();
        }
        var items = Jsonp.PROVIDER.createArrayBuilder();
        rows.forEach(row -> items.add(json(row)));
        return Response.ok(
                        Jsonp.PROVIDER
                                .createObjectBuilder()
                                .add("items", items)
                                .build()
                                .toString(),
                        MediaType.APPLICATION_JSON)
                .build();
    }

    static JsonObject json(UsageRow row) {
        return Jsonp.PROVIDER
                .createObjectBuilder()
                .add("start", TimestampSerializer.format(row.start()))
                .add("end", TimestampSerializer.format(row.end()))
                .add("seats", row.seats())
                .add("peak_assigned", row.peakAssigned())
                .add("peak_claimed", row.peakClaimed())
                .add("seat_days_assigned", row.seatDaysAssigned())
                .add("seat_days_claimed", row.seatDaysClaimed())
                .build();
    }
}
