package dev.seatkeeper.seats;

import dev.seatkeeper.platform.ScheduledWork;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Scheduled and time-boxed seat revocations as the platform's scheduler runs them: one transaction per seat. */
@ApplicationScoped
public class DueSeatRevocations implements ScheduledWork {
    @EJB
    SeatScheduleService schedules;

    @Override
    public String name() {
        return "seat revocations";
    }

    @Override
    public List<UUID> due(OffsetDateTime now, int limit) {
        return schedules.due(now, limit);
    }

    @Override
    public boolean apply(UUID seatId, OffsetDateTime now) {
        return schedules.revokeIfDue(seatId, now);
    }
}
