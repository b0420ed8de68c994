package dev.seatkeeper.seats;

import dev.seatkeeper.organizations.FeatureNotEnabled;
import dev.seatkeeper.organizations.OrganizationService;
import dev.seatkeeper.platform.ErrorMapper;
import dev.seatkeeper.platform.ResourceNotFound;
import dev.seatkeeper.purchases.SeatContainer;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Bulk assignment (contract, "Beyond Polar: seat lifecycle", bulk): the items of one request judged in order, each
 * exactly as the single assign would judge it.
 *
 * <p>One transaction per item, not per request: each item is a call of {@link SeatAssignmentService} in a
 * transaction of its own, which locks the container only for that item. So an item that is refused rolls back only
 * its own changes (a member it created, say) and answers exactly the single assign's error, the container's lock is
 * never held across a thousand items (contract, "Performance shape": the lock lasts one assignment's transaction), and
 * assignments racing a bulk request interleave with its items without ever exceeding capacity. The cost: a request cut
 * short (the server stopped) leaves its earlier items assigned; repeating it with the same {@code Idempotency-Key}
 * is then refused as in flight, and without one its earlier items answer {@code SeatAlreadyAssigned}.
 *
 * <p>A dry run runs every item the same way in a transaction that is always rolled back, counting the seats its
 * earlier items would have taken: nothing is stored, no event recorded, no e-mail sent.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SeatBulkService {
    @EJB
    SeatAssignmentService assignments;

    @EJB
    OrganizationService organizations;

    @Inject
    SeatLocks locks;

    @Inject
    SeatCounter counter;

    /** An item's outcome: the seat (status 200), or the status and error body the single assign would answer. */
    public record ItemResult(int index, int status, InvitedSeat seat, JsonObject error) {}

    /** Every item's outcome in request order, how many were assigned, and the seats left free afterwards. */
    public record BulkResult(List<ItemResult> results, int assigned, long availableSeats) {}

    /**
     * Assigns each item in order. The container is checked once, first: outside the scope → {@link ResourceNotFound}
     * and seat-based pricing off → {@link FeatureNotEnabled}, for the whole request. An item naming the same person
     * as an earlier item of the request (by e-mail, case-insensitive, or by the same id) is refused with
     * {@link SeatAlreadyAssigned} without being tried; every other refusal is the single assign's.
     */
    public BulkResult assign(SeatScope scope, SeatBulk request) {
        SeatContainer container = locks.findContainer(scope, request.subscriptionId(), request.orderId());
        organizations.get(container.organizationId()).requireSeatBasedPricing();
        Set<String> seen = new HashSet<>();
        List<ItemResult> results = new ArrayList<>();
        int assigned = 0;
        for (int index = 0; index < request.items().size(); index++) {
            SeatAssignment item = request.items().get(index);
            List<String> keys = SeatBulk.personKeys(item);
            boolean duplicate = keys.stream().anyMatch(seen::contains);
            seen.addAll(keys);
            if (duplicate) {
                results.add(refused(index, new SeatAlreadyAssigned(SeatBulk.who(item))));
                continue;
            }
            try {
                var invited =
                        assignments.assignBulkItem(scope, item, request.dryRun() ? assigned : 0, request.dryRun());
                results.add(new ItemResult(index, 200, invited, null));
                assigned++;
            } catch (RuntimeException refusal) {
                results.add(refused(index, refusal));
            }
        }
        long taken = counter.countTaken(container) + (request.dryRun() ? assigned : 0);
        return new BulkResult(results, assigned, Math.max(0, container.seats() - taken));
    }

    /** The status and body the single assign answers for this refusal: the one mapper decides both. */
    private static ItemResult refused(int index, RuntimeException refusal) {
        Response answer = new ErrorMapper().toResponse(refusal);
        JsonObject body;
        try (var reader = Json.createReader(new StringReader((String) answer.getEntity()))) {
            body = reader.readObject();
        }
        return new ItemResult(index, answer.getStatus(), null, body);
    }
}
