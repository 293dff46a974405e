package org.keephope.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Set;
import org.keephope.web.Redirects;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A staff member's own passkeys ({@code /admin/passkeys}): enrol (with {@code /js/passkey.js}: WebAuthn needs
 * JavaScript), rename and remove (plain forms). Under {@code /admin/**}, so only a fully signed-in session gets
 * here: a half-finished sign-in cannot enrol a passkey.
 */
@Controller
class PasskeyController {

    record LabelForm(String id, String label) {}

    private static final Set<String> DONE = Set.of("added", "renamed", "removed");

    private final Passkeys passkeys;

    PasskeyController(Passkeys passkeys) {
        this.passkeys = passkeys;
    }

    @GetMapping("/admin/passkeys")
    String page(
            @AuthenticationPrincipal StaffMember me,
            @RequestParam(name = "done", required = false) String done,
            Model model) {
        model.addAttribute("done", done != null && DONE.contains(done) ? "account.passkey.done." + done : null);
        return page(me, model, null, null);
    }

    /** The add form, sent without JavaScript: the page says that passkeys need it. */
    @PostMapping(path = "/admin/passkeys", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    String addWithoutScript(@AuthenticationPrincipal StaffMember me, Model model, HttpServletResponse response) {
        response.setStatus(422);
        model.addAttribute("done", null);
        return page(me, model, "account.passkey.needsJavaScript", null);
    }

    @PostMapping(path = "/admin/passkeys/options", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> options(@AuthenticationPrincipal StaffMember me, HttpServletRequest request) {
        HttpSession session = request.getSession();
        String options =
                passkeys.creationOptions(me, ceremony -> session.setAttribute(Passkeys.Ceremony.ENROL, ceremony));
        return json(HttpStatus.OK, options);
    }

    @PostMapping(
            path = "/admin/passkeys/register",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> register(
            @AuthenticationPrincipal StaffMember me,
            @RequestBody(required = false) String answer,
            HttpServletRequest request) {
        HttpSession session = request.getSession();
        var ceremony = session.getAttribute(Passkeys.Ceremony.ENROL) instanceof Passkeys.Ceremony c ? c : null;
        session.removeAttribute(Passkeys.Ceremony.ENROL); // one answer per challenge
        var outcome = passkeys.enrol(me, ceremony, answer == null ? "" : answer);
        if (outcome instanceof Passkeys.Refused refused) {
            return json(HttpStatus.UNPROCESSABLE_CONTENT, "{\"error\":\"" + refused.reason() + "\"}");
        }
        return json(HttpStatus.OK, "{\"redirect\":\"/admin/passkeys?done=added\"}");
    }

    @PostMapping("/admin/passkeys/rename")
    String rename(@AuthenticationPrincipal StaffMember me, LabelForm form, Model model, HttpServletResponse response) {
        if (passkeys.rename(me, form.id(), form.label())) {
            return Redirects.seeOther(response, "/admin/passkeys?done=renamed");
        }
        response.setStatus(422);
        model.addAttribute("done", null);
        return page(me, model, null, form.id());
    }

    @PostMapping("/admin/passkeys/remove")
    String remove(@AuthenticationPrincipal StaffMember me, LabelForm form, Model model, HttpServletResponse response) {
        var removal = passkeys.remove(me, form.id());
        if (removal == Passkeys.Removal.REMOVED) {
            return Redirects.seeOther(response, "/admin/passkeys?done=removed");
        }
        response.setStatus(removal == Passkeys.Removal.NOT_FOUND ? 404 : 409);
        model.addAttribute("done", null);
        return page(
                me,
                model,
                removal == Passkeys.Removal.NOT_FOUND ? "account.passkey.notFound" : "account.passkey.lastRequired",
                null);
    }

    private String page(StaffMember me, Model model, String error, String labelErrorFor) {
        model.addAttribute("me", me);
        model.addAttribute("passkeys", passkeys.list(me.email()));
        model.addAttribute("required", passkeys.required(me.role()));
        model.addAttribute("error", error);
        model.addAttribute("labelErrorFor", labelErrorFor);
        model.addAttribute("maxLabel", Passkeys.MAX_LABEL);
        return "account/passkeys";
    }

    private static ResponseEntity<String> json(HttpStatus status, String body) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }
}
