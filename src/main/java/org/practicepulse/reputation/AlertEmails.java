package org.practicepulse.reputation;

import io.quarkus.mailer.MailTemplate;
import io.quarkus.qute.CheckedTemplate;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Alert e-mails, HTML with a plain-text alternative (templates/AlertEmails/alert.html and .txt).
 * Qute escapes every value in the HTML template, so a review's {@code <script>} arrives as text.
 */
@ApplicationScoped
public class AlertEmails {

    @CheckedTemplate
    static class Templates {
        static native MailTemplate.MailTemplateInstance alert(AlertMessage message);
    }

    /** Sends the message to one address; throws when the mail server refuses it. */
    void send(AlertMessage message, String to) {
        Templates.alert(message).to(to).subject(message.subject()).sendAndAwait();
    }
}
