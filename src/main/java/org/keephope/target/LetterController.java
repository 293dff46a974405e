package org.keephope.target;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.keephope.signature.OriginGuard;
import org.keephope.signature.Signing;
import org.keephope.web.FormErrors;
import org.keephope.web.Redirects;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.util.UriUtils;

/**
 * A supporter's letter to their own leader: {@code GET /letters/{token}} shows the form, {@code POST} queues it.
 * Like the other public forms it needs no session (no CSRF token) and is guarded by the Origin check.
 */
@Controller
class LetterController {

    private final Letters letters;
    private final Signing signing;

    LetterController(Letters letters, Signing signing) {
        this.letters = letters;
        this.signing = signing;
    }

    @GetMapping("/letters/{token}")
    String show(@PathVariable String token, Locale locale, Model model, HttpServletResponse response) {
        Letters.Page page = letters.open(token, locale);
        return render(page, page.letter(), FormErrors.none(), token, model, response);
    }

    @PostMapping("/letters/{token}")
    String send(
            @PathVariable String token,
            @Valid @ModelAttribute("letter") LetterForm letter,
            BindingResult result,
            Locale locale,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        OriginGuard.check(signing, request);
        Letters.Page page = letters.open(token, locale);
        if (page.state() == Letters.State.WRITE && result.hasErrors()) {
            response.setStatus(422);
            return render(page, letter, FormErrors.of(result), token, model, response);
        }
        Letters.Page after = letters.queue(token, letter, locale);
        if (after.state() != Letters.State.SENT) {
            return render(after, after.letter(), FormErrors.none(), token, model, response);
        }
        return Redirects.seeOther(response, "/letters/" + UriUtils.encodePathSegment(token, StandardCharsets.UTF_8));
    }

    private String render(
            Letters.Page page,
            LetterForm letter,
            FormErrors errors,
            String token,
            Model model,
            HttpServletResponse response) {
        if (response.getStatus() == 200) {
            response.setStatus(
                    switch (page.state()) {
                        case UNKNOWN -> 404;
                        case EXPIRED -> 410;
                        case CLOSED -> 409;
                        default -> 200;
                    });
        }
        model.addAttribute("page", page);
        model.addAttribute("letter", letter);
        model.addAttribute("errors", errors);
        model.addAttribute("token", token);
        model.addAttribute("maxText", LetterForm.MAX_TEXT);
        return "target/letter";
    }
}
