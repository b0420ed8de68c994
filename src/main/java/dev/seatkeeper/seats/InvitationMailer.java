package dev.seatkeeper.seats;

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
 * Sends invitation e-mails through Jakarta Mail when SEATKEEPER_SMTP_HOST is set. Sending happens after the
 * transaction has committed and off the request thread: a seat whose transaction rolled back is never announced,
 * and a mail server that is down costs a log line, never the seat.
 */
@ApplicationScoped
public class InvitationMailer {
    private static final Logger LOG = Logger.getLogger(InvitationMailer.class.getName());

    @Inject
    Settings settings;

    @Resource
    ManagedExecutorService executor;

    void onInvitation(@Observes(during = TransactionPhase.AFTER_SUCCESS) InvitationIssued invitation) {
        settings.smtp().ifPresent(smtp -> executor.execute(() -> send(smtp, invitation)));
    }

    private void send(Settings.Smtp smtp, InvitationIssued invitation) {
        try {
            MailSender.send(
                    smtp,
                    invitation.email(),
                    "You've been invited to access " + invitation.productName(),
                    """
                    %s has given you a seat for %s.

                    Claim it here:
                    %s

                    The link works once and expires at %s.
                    """.formatted(
                                    invitation.organizationName(),
                                    invitation.productName(),
                                    invitation.url(),
                                    TimestampSerializer.format(invitation.expiresAt())));
        } catch (MessagingException | RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "Could not send the invitation e-mail to " + invitation.email()
                            + "; the seat is assigned and its link is in the API response",
                    e);
        }
    }
}
