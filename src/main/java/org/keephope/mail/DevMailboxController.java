package org.keephope.mail;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import org.keephope.web.PageNotFound;
import org.keephope.web.SiteProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The development mailbox. The mails in it carry personal data and confirmation links, so it exists only
 * when no SMTP host is set, is switched on only when the site's base URL is on this machine (or
 * {@code KEEPHOPE_DEV_MAILBOX=true} says so), and answers only requests from this machine that came through
 * no proxy and were addressed to this machine by name: a {@code Host} of {@code localhost},
 * {@code 127.0.0.1} or {@code [::1]} with the port KeepHope listens on. The last check stops DNS
 * rebinding: a hostile page whose name has been made to resolve to 127.0.0.1 would otherwise be able to read
 * the mailbox through the developer's own browser.
 */
@Controller
@ConditionalOnProperty(prefix = "spring.mail", name = "host", havingValue = "", matchIfMissing = true)
class DevMailboxController {

    private final MailTransport transport;
    private final boolean enabled;

    DevMailboxController(MailTransport transport, SiteProperties site, MailProperties properties) {
        this.transport = transport;
        this.enabled = enabled(site.baseUrl(), properties.devMailbox());
    }

    @GetMapping("/dev/mailbox")
    String mailbox(HttpServletRequest request, Model model) {
        if (!enabled
                || !(transport instanceof DevMailbox mailbox)
                || !fromThisMachine(request)
                || !addressedToThisMachine(request)) {
            throw PageNotFound.of("page", "/dev/mailbox");
        }
        model.addAttribute("mails", mailbox.newestFirst());
        return "pages/mailbox";
    }

    /** On when the base URL names this machine, or when the operator asks for it. */
    static boolean enabled(String baseUrl, boolean asked) {
        if (asked) {
            return true;
        }
        try {
            return Loopback.host(URI.create(baseUrl).getHost());
        } catch (IllegalArgumentException e) {
            return false;
        }
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

    /** The Host header, exactly: one of this machine's names and the port the request arrived on. */
    static boolean addressedToThisMachine(HttpServletRequest request) {
        var hosts = request.getHeaders("Host");
        if (hosts == null || !hosts.hasMoreElements()) {
            return false;
        }
        String host = hosts.nextElement();
        if (hosts.hasMoreElements() || host == null) {
            return false; // two Host headers: ambiguous, refused
        }
        host = host.trim().toLowerCase(Locale.ROOT);
        int colon = host.lastIndexOf(':');
        String name = host;
        int port = 80;
        if (colon > host.lastIndexOf(']')) {
            name = host.substring(0, colon);
            try {
                port = Integer.parseInt(host.substring(colon + 1));
            } catch (NumberFormatException e) {
                return false;
            }
        }
        boolean ourName = name.equals("localhost") || name.equals("127.0.0.1") || name.equals("[::1]");
        return ourName && port == request.getLocalPort();
    }
}
