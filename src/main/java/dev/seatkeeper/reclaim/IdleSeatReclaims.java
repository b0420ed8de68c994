package dev.seatkeeper.reclaim;

import dev.seatkeeper.platform.ScheduledWork;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Warnings, reclaims and unclaimed-invitation expiry as the platform's scheduler runs them: one transaction per seat. */
@ApplicationScoped
public class IdleSeatReclaims implements ScheduledWork {
    @EJB
    ReclaimService reclaims;

    @Override
    public String name() {
        return "idle seat reclaims";
    }

    @Override
    public List<UUID> due(OffsetDateTime now, int limit) {
        return reclaims.due(now, limit);
    }

    @Override
    public boolean apply(UUID seatId, OffsetDateTime now) {
        return reclaims.apply(seatId, now);
    }
}
