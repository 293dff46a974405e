package org.keephope.signature;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.keephope.campaign.CampaignSummary;
import org.keephope.campaign.Campaigns;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.util.UriUtils;

/**
 * The pages behind the links in a signer's mails. A GET only shows a button; only the POST acts, so a mail
 * scanner that opens every link confirms and erases nothing.
 */
@Controller
class SignerLinksController {

    private final SignerLinks links;
    private final Signing signing;
    private final Campaigns campaigns;
    private final org.springframework.beans.factory.ObjectProvider<SignatureReceipts> receipts;
    private final java.util.List<AfterConfirming> afterConfirming;
    private final java.util.List<SignerConsents> consents;

    SignerLinksController(
            SignerLinks links,
            Signing signing,
            Campaigns campaigns,
            org.springframework.beans.factory.ObjectProvider<SignatureReceipts> receipts,
            java.util.List<AfterConfirming> afterConfirming,
            java.util.List<SignerConsents> consents) {
        this.consents = consents;
        this.receipts = receipts;
        this.links = links;
        this.signing = signing;
        this.campaigns = campaigns;
        this.afterConfirming = afterConfirming;
    }

    @GetMapping("/confirm/{token}")
    String confirmPage(
            @PathVariable String token, Locale locale, Model model, jakarta.servlet.http.HttpServletResponse response) {
        var link = links.confirmLink(token);
        return show(link, token, locale, model, response);
    }

    @PostMapping("/confirm/{token}")
    String confirm(
            @PathVariable String token, HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) {
        OriginGuard.check(signing, request);
        links.confirm(token);
        // the token is the client's, decoded: encoded again so that the Location header carries it verbatim
        return org.keephope.web.Redirects.seeOther(
                response, "/confirm/" + UriUtils.encodePathSegment(token, StandardCharsets.UTF_8));
    }

    @PostMapping("/confirm/{token}/renew")
    String renew(
            @PathVariable String token,
            HttpServletRequest request,
            Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        OriginGuard.check(signing, request);
        if (!links.renew(token)) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("state", "UNKNOWN");
        } else {
            model.addAttribute("state", "RENEWED");
        }
        model.addAttribute("token", token);
        model.addAttribute("campaign", null);
        model.addAttribute("details", null);
        model.addAttribute("receipt", null);
        model.addAttribute("offers", java.util.List.of());
        return "signature/confirm";
    }

    @GetMapping("/erase/{token}")
    String erasePage(
            @PathVariable String token, Locale locale, Model model, jakarta.servlet.http.HttpServletResponse response) {
        var signature = links.signatureOfEraseLink(token);
        if (signature.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
        }
        model.addAttribute("state", signature.isPresent() ? "ASK" : "UNKNOWN");
        model.addAttribute("token", token);
        model.addAttribute(
                "consents",
                signature
                        .map(id -> consents.stream()
                                .flatMap(c -> c.consents(id, locale).stream())
                                .toList())
                        .orElse(java.util.List.of()));
        return "signature/erase";
    }

    /**
     * One consent withdrawn (a partner stops receiving the supporter), from the page behind the erase link; the
     * signature and the other consents stay. A second click answers "already withdrawn"; a stale link or a
     * consent this signature never gave answers 404 with the page for an invalid link.
     */
    @PostMapping("/erase/{token}/withdraw")
    String withdraw(
            @PathVariable String token,
            @org.springframework.web.bind.annotation.RequestParam(required = false) String consent,
            HttpServletRequest request,
            Locale locale,
            Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        OriginGuard.check(signing, request);
        var signature = links.signatureOfEraseLink(token);
        SignerConsents.Outcome outcome = SignerConsents.Outcome.UNKNOWN;
        if (signature.isPresent() && consent != null && !consent.isBlank()) {
            for (SignerConsents c : consents) {
                outcome = c.withdraw(signature.get(), consent, locale);
                if (outcome.withdrawal() != SignerConsents.Withdrawal.UNKNOWN) {
                    break;
                }
            }
        }
        if (outcome.withdrawal() == SignerConsents.Withdrawal.UNKNOWN) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
        }
        model.addAttribute("state", outcome.withdrawal().name());
        model.addAttribute("token", token);
        model.addAttribute("name", outcome.name());
        model.addAttribute("known", signature.isPresent());
        return "signature/withdrawn";
    }

    @PostMapping("/erase/{token}")
    String erase(
            @PathVariable String token,
            HttpServletRequest request,
            Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        OriginGuard.check(signing, request);
        boolean erased = links.erase(token);
        if (!erased) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
        }
        model.addAttribute("state", erased ? "ERASED" : "UNKNOWN");
        model.addAttribute("token", token);
        return "signature/erase";
    }

    private String show(
            SignerLinks.Link link,
            String token,
            Locale locale,
            Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        CampaignSummary campaign = link.state() == SignerLinks.State.UNKNOWN
                ? null
                : campaigns.summary(link.campaignId(), locale).orElse(null);
        if (link.state() == SignerLinks.State.UNKNOWN) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
        }
        model.addAttribute("state", link.state().name());
        model.addAttribute("token", token);
        model.addAttribute("campaign", campaign);
        model.addAttribute("details", link.details());
        // the receipt only for the one who holds the link, on a page no cache keeps (not on the allowlist)
        SignatureReceipts.Receipt receipt = null;
        if (link.state() == SignerLinks.State.CONFIRMED && link.signatureId() != null) {
            SignatureReceipts source = receipts.getIfAvailable();
            receipt = source == null ? null : source.receipt(link.signatureId()).orElse(null);
        }
        model.addAttribute("receipt", receipt);
        model.addAttribute("offers", offers(link, token, locale));
        return "signature/confirm";
    }

    /** What other modules offer a confirmed supporter (a letter to their leader). */
    private java.util.List<AfterConfirming.Offer> offers(SignerLinks.Link link, String token, Locale locale) {
        if (link.state() != SignerLinks.State.CONFIRMED || afterConfirming.isEmpty()) {
            return java.util.List.of();
        }
        return links.confirmedSupporter(token)
                .map(supporter -> afterConfirming.stream()
                        .flatMap(a -> a.offer(supporter, locale).stream())
                        .toList())
                .orElse(java.util.List.of());
    }
}
