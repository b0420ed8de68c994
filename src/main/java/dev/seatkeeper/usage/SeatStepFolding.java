package dev.seatkeeper.usage;

import dev.seatkeeper.platform.ScheduledWork;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The scheduler's folding of new seat steps ({@link SeatStepFolder}): every organization with new steps is folded on
 * each round, so the rows a metrics request reads stay few.
 */
@ApplicationScoped
public class SeatStepFolding implements ScheduledWork {
    @EJB
    SeatStepFolder folder;

    @Override
    public String name() {
        return "seat step folds";
    }

    @Override
    public List<UUID> due(OffsetDateTime now, int limit) {
        return folder.organizationsWithNewSteps(limit);
    }

    /**
     * Folds the organization's new steps, then answers {@code false} (done for this round): under a steady stream of
     * changes the organization is due again at once, and folding it once per round leaves the round to the other
     * kinds of scheduled work.
     */
    @Override
    public boolean apply(UUID organizationId, OffsetDateTime now) {
        folder.foldAll(organizationId);
        return false;
    }
}
