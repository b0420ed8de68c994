package dev.seatkeeper.purchases;

import dev.seatkeeper.platform.ScheduledWork;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The period rolls as the platform's scheduler runs them: one {@link SubscriptionRoller} transaction per roll. */
@ApplicationScoped
public class PeriodClock implements ScheduledWork {
    @EJB
    SubscriptionRoller roller;

    @Override
    public String name() {
        return "subscription period rolls";
    }

    @Override
    public List<UUID> due(OffsetDateTime now, int limit) {
        return roller.due(now, limit);
    }

    @Override
    public boolean apply(UUID subscriptionId, OffsetDateTime now) {
        return roller.rollIfDue(subscriptionId, now);
    }
}
