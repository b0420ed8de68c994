package dev.seatkeeper.reclaim;

import dev.seatkeeper.platform.MailSender;
import dev.seatkeeper.platform.Settings;
import dev.seatkeeper.platform.TimestampSerializer;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends the inactivity warning to the seat's holder when SEATKEEPER_SMTP_HOST is set (contract, "Beyond Polar:
 * activity and reclaim of idle seats"), after the warning's transaction has committed and off the scheduler's
 * thread: a warning rolled back is never mailed, and a mail server that is down costs a log line, never the warning.
 */
@ApplicationScoped
public class ReclaimMailer {
    private static final Logger LOG = Logger.getLogger(ReclaimMailer.class.getName());

    @Inject
    Settings settings;

    @Resource
    ManagedExecutorService executor;

    void onWarning(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReclaimWarned warning) {
        settings.smtp().ifPresent(smtp -> executor.execute(() -> send(smtp, warning)));
    }

    private void send(Settings.Smtp smtp, ReclaimWarned warning) {
        try {
            MailSender.send(
                    smtp,
                    warning.email(),
                    "Your seat for " + warning.productName() + " will be reclaimed",
                    """
                    Your seat for %s from %s has not been used for a while, and will be given back on %s.

                    To keep your seat, open this link:
                    %s
                    """.formatted(
                                    warning.productName(),
                                    warning.organizationName(),
                                    TimestampSerializer.format(warning.reclaimAt()),
                                    warning.keepUrl()));
        } catch (MessagingException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not send the inactivity warning to " + warning.email(), e);
        }
    }
}
