package org.keephope.mail;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.keephope.web.PageNotFound;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The development mailbox. It exists only when no SMTP host is set, and answers only requests from this
 * machine that did not come through a proxy: the mails in it carry personal data and confirmation links.
 */
@Controller
@ConditionalOnProperty(prefix = "spring.mail", name = "host", havingValue = "", matchIfMissing = true)
class DevMailboxController {

    private final MailTransport transport;

    DevMailboxController(MailTransport transport) {
        this.transport = transport;
    }

    @GetMapping("/dev/mailbox")
    String mailbox(HttpServletRequest request, Model model) {
        if (!(transport instanceof DevMailbox mailbox) || !fromThisMachine(request)) {
            throw PageNotFound.of("page", "/dev/mailbox");
        }
        model.addAttribute("mails", mailbox.newestFirst());
        return "pages/mailbox";
    }

    static boolean fromThisMachine(HttpServletRequest request) {
        if (request.getHeader("Forwarded") != null
                || request.getHeader("X-Forwarded-For") != null
                || request.getHeader("X-Real-IP") != null) {
            return false;
        }
        try {
            return InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
