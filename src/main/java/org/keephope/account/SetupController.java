package org.keephope.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Map;
import org.keephope.web.Redirects;
import org.keephope.web.UiFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The one-time links: {@code /setup/{token}} (first admin or invitation: name and password) and the password
 * reset ({@code /login/reset}). Asking for a reset gets the same answer whether or not the account exists.
 */
@Controller
class SetupController {

    record SetupForm(String email, String name, String password) {}

    record ResetRequest(String email) {}

    record ResetForm(String password) {}

    private final AccountSetup setup;
    private final ResetRequests resets;
    private final DeviceCookies devices;
    private final UiFactory uiFactory;

    SetupController(AccountSetup setup, ResetRequests resets, DeviceCookies devices, UiFactory uiFactory) {
        this.setup = setup;
        this.resets = resets;
        this.devices = devices;
        this.uiFactory = uiFactory;
    }

    @GetMapping("/setup/{token}")
    String setupPage(@PathVariable String token, Model model) {
        var page = setup.setupPage(token).orElseThrow(AccountSetup::linkGone);
        return setupForm(model, token, page, new SetupForm(page.email(), "", ""), Map.of());
    }

    @PostMapping("/setup/{token}")
    String setup(@PathVariable String token, SetupForm form, Model model, HttpServletResponse response) {
        var page = setup.setupPage(token).orElseThrow(AccountSetup::linkGone);
        var errors = setup.completeSetup(token, form.email(), form.name(), form.password());
        if (!errors.isEmpty()) {
            response.setStatus(422);
            return setupForm(model, token, page, form, errors);
        }
        return Redirects.seeOther(response, "/login?ready");
    }

    @GetMapping("/login/reset")
    String resetRequestPage(Model model) {
        model.addAttribute("sent", false);
        model.addAttribute("email", "");
        model.addAttribute("error", null);
        return "account/reset-request";
    }

    /** The same answer, at once, for every address; the work happens afterwards ({@link ResetRequests}). */
    @PostMapping("/login/reset")
    String requestReset(
            ResetRequest form, HttpServletRequest request, HttpServletResponse response, Locale locale, Model model) {
        if (!resets.submit(form.email(), request.getRemoteAddr(), locale)) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("sent", false);
            model.addAttribute("email", form.email() == null ? "" : form.email());
            model.addAttribute("error", "account.reset.throttled");
            return "account/reset-request";
        }
        return Redirects.seeOther(response, "/login/reset?sent");
    }

    @GetMapping(value = "/login/reset", params = "sent")
    String resetRequested(Model model) {
        model.addAttribute("sent", true);
        model.addAttribute("email", "");
        model.addAttribute("error", null);
        return "account/reset-request";
    }

    @GetMapping("/login/reset/{token}")
    String resetPage(@PathVariable String token, Model model) {
        if (!setup.resetLinkValid(token)) {
            throw AccountSetup.linkGone();
        }
        model.addAttribute("token", token);
        model.addAttribute("errors", Map.of());
        return "account/reset";
    }

    @PostMapping("/login/reset/{token}")
    String reset(@PathVariable String token, ResetForm form, Model model, HttpServletResponse response) {
        var reset = setup.reset(token, form.password());
        if (!reset.errors().isEmpty()) {
            response.setStatus(422);
            model.addAttribute("token", token);
            model.addAttribute("errors", reset.errors());
            return "account/reset";
        }
        // the mailed link proved the mailbox: this browser's sign-ins count apart from strangers' failures
        devices.issue(response, reset.userId());
        return Redirects.seeOther(response, "/login?reset");
    }

    @ExceptionHandler(AccountSetup.LinkGone.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String linkGone(HttpServletRequest request, Model model) {
        model.addAttribute("ui", uiFactory.create(request));
        return "account/gone";
    }

    private static String setupForm(
            Model model, String token, AccountSetup.SetupPage page, SetupForm form, Map<String, String> errors) {
        model.addAttribute("token", token);
        model.addAttribute("firstAdmin", page.purpose() == SetupTokens.Purpose.FIRST_ADMIN);
        model.addAttribute("email", form.email() == null ? "" : form.email());
        model.addAttribute("name", form.name() == null ? "" : form.name());
        model.addAttribute("errors", errors);
        return "account/setup";
    }
}
