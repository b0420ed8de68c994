package dev.seatkeeper.audit;

import dev.seatkeeper.platform.ScheduledWork;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The scheduler's share of linking ({@link AuditChain}): every organization with unlinked entries is linked on each
 * round, so chains stay current even when nobody reads them. Reads link for themselves first.
 */
@ApplicationScoped
public class ChainLinking implements ScheduledWork {
    @EJB
    AuditChain chain;

    @Override
    public String name() {
        return "audit chain links";
    }

    /** Organizations with unlinked entries ({@link AuditChain#unlinkedOrganizations}). */
    @Override
    public List<UUID> due(OffsetDateTime now, int limit) {
        return chain.unlinkedOrganizations(limit);
    }

    /**
     * Links the organization's entries, then answers {@code false} (done for this round): under a steady stream of
     * changes the organization is due again at once, and linking it once per round leaves the round to the other
     * kinds of scheduled work.
     */
    @Override
    public boolean apply(UUID organizationId, OffsetDateTime now) {
        chain.linkAll(organizationId);
        return false;
    }
}
