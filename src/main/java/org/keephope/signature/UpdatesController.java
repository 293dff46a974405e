package org.keephope.signature;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The link in each update mail (a target's response) that stops them: a page with a button, since mail scanners
 * open links; only the POST stops. Like the erase link it needs no session and is guarded by its origin.
 */
@Controller
class UpdatesController {

    private final KeptInformed informed;
    private final Signing signing;

    UpdatesController(KeptInformed informed, Signing signing) {
        this.informed = informed;
        this.signing = signing;
    }

    @GetMapping("/updates/stop/{token}")
    String page(@PathVariable String token, Model model, HttpServletResponse response) {
        Optional<UUID> id = informed.openStop(token);
        String state = id.isEmpty() ? "UNKNOWN" : informed.isKeptInformed(id.get()) ? "ASK" : "STOPPED";
        if (id.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
        }
        model.addAttribute("state", state);
        model.addAttribute("token", token);
        return "signature/stop-updates";
    }

    @PostMapping("/updates/stop/{token}")
    String stop(@PathVariable String token, HttpServletRequest request, Model model, HttpServletResponse response) {
        OriginGuard.check(signing, request);
        Optional<UUID> id = informed.openStop(token);
        if (id.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
        } else {
            informed.stop(id.get());
        }
        model.addAttribute("state", id.isEmpty() ? "UNKNOWN" : "STOPPED");
        model.addAttribute("token", token);
        return "signature/stop-updates";
    }
}
