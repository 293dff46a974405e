package org.keephope.partner;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.keephope.account.StaffMember;
import org.keephope.web.Redirects;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /partner}: a PARTNER account's own screens. Its campaigns, the signatures it brought, its opt-ins
 * (counts, by country, by day), the export of its opted-in supporters and its public key. The organisation
 * is always the signed-in account's own.
 */
@Controller
class PartnerController {

    private final PartnerAccess access;

    PartnerController(PartnerAccess access) {
        this.access = access;
    }

    @GetMapping("/partner")
    String home(
            @AuthenticationPrincipal StaffMember me,
            @RequestParam(required = false) String saved,
            Locale locale,
            Model model,
            CsrfToken csrf) {
        return page(me, locale, model, csrf, saved != null, null, "");
    }

    @GetMapping("/partner/campaigns/{slug}/supporters.csv")
    ResponseEntity<byte[]> export(@AuthenticationPrincipal StaffMember me, @PathVariable String slug)
            throws IOException {
        byte[] csv = access.export(me, slug).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(slug + "-supporters.csv")
                                .build()
                                .toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(csv);
    }

    @PostMapping("/partner/key")
    String registerKey(
            @AuthenticationPrincipal StaffMember me,
            @RequestParam(required = false) String publicKeyset,
            Locale locale,
            Model model,
            CsrfToken csrf,
            HttpServletResponse response) {
        try {
            access.registerKey(me, publicKeyset);
        } catch (IllegalArgumentException e) {
            response.setStatus(422);
            // a private keyset pasted by mistake is not sent back into the page
            boolean secret = e.getMessage().equals("partner.key.error.private");
            return page(
                    me, locale, model, csrf, false, e.getMessage(), publicKeyset == null || secret ? "" : publicKeyset);
        }
        return Redirects.seeOther(response, "/partner?saved");
    }

    private String page(
            StaffMember me, Locale locale, Model model, CsrfToken csrf, boolean saved, String keyError, String typed) {
        model.addAttribute("me", me);
        model.addAttribute("organisation", access.organisation(me));
        model.addAttribute("figures", access.figures(me, locale));
        model.addAttribute(
                "keyRegisteredAt",
                access.key(me).map(PartnerRepository.Key::registeredAt).orElse(null));
        model.addAttribute("keyError", keyError);
        model.addAttribute("typedKey", typed);
        model.addAttribute("saved", saved);
        model.addAttribute("csrf", csrf);
        return "partner/home";
    }
}
