package dev.seatkeeper.platform;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Sends one plain-text UTF-8 e-mail through the SMTP server of {@code SEATKEEPER_SMTP_*} with Jakarta Mail
 * (STARTTLS when offered, login when a user name is set, 10-second timeouts). Callers send after their transaction
 * has committed and off the request thread.
 */
public final class MailSender {
    private MailSender() {}

    /**
     * @throws MessagingException when the server cannot be reached or refuses the message
     */
    public static void send(Settings.Smtp smtp, String to, String subject, String text) throws MessagingException {
        var properties = new Properties();
        properties.put("mail.smtp.host", smtp.host());
        properties.put("mail.smtp.port", String.valueOf(smtp.port()));
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "10000");
        properties.put("mail.smtp.starttls.enable", "true");
        properties.put("mail.smtp.auth", String.valueOf(smtp.username().isPresent()));
        var message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress(smtp.from()));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject, StandardCharsets.UTF_8.name());
        message.setText(text, StandardCharsets.UTF_8.name());
        if (smtp.username().isPresent()) {
            Transport.send(message, smtp.username().get(), smtp.password().orElse(""));
        } else {
            Transport.send(message);
        }
    }
}
