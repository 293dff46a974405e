package org.keephope.partner;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.keephope.account.StaffMember;
import org.keephope.apikey.ApiKeyForm;
import org.keephope.apikey.ApiKeys;
import org.keephope.apikey.ApiProperties;
import org.keephope.apikey.ApiScope;
import org.keephope.web.FormErrors;
import org.keephope.web.Redirects;
import org.keephope.web.SiteProperties;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /partner/api-keys} (PARTNER accounts, by path in the security configuration): the organisation's own
 * API keys, listed, made and revoked. The organisation is the signed-in account's, never the request's; a key
 * of another organisation (or a staff key) is neither listed nor revoked. A partner key may hold any scope; it
 * reads only the supporters who opted in to this organisation, and what it signs is attributed to it, with the
 * double opt-in mail (importing confirmed signatures is for staff-made keys alone).
 */
@Controller
class PartnerApiKeyController {

    private static final String LIST = "/partner/api-keys";

    private final ApiKeys keys;
    private final ApiProperties properties;
    private final SiteProperties site;
    private final Clock clock;

    PartnerApiKeyController(ApiKeys keys, ApiProperties properties, SiteProperties site, Clock clock) {
        this.keys = keys;
        this.properties = properties;
        this.site = site;
        this.clock = clock;
    }

    static ApiScope[] scopes() {
        return ApiScope.values();
    }

    @GetMapping(LIST)
    String list(
            @AuthenticationPrincipal StaffMember me,
            @RequestParam(required = false) String revoked,
            Model model,
            CsrfToken csrf) {
        return page(me, model, csrf, ApiKeyForm.empty(today().plusDays(90)), FormErrors.none(), revoked != null);
    }

    @PostMapping(LIST)
    String create(
            @AuthenticationPrincipal StaffMember me,
            @Valid @ModelAttribute("form") ApiKeyForm form,
            BindingResult binding,
            Model model,
            CsrfToken csrf,
            HttpServletResponse response) {
        long org = PartnerAccess.organisationOf(me);
        var errors = FormErrors.of(binding);
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        if (form.scopes() != null) {
            for (String name : form.scopes()) {
                Optional<ApiScope> scope = ApiScope.byName(name);
                if (scope.isEmpty()) {
                    errors.add("scopes", "apikey.error.scopes");
                } else {
                    scopes.add(scope.get());
                }
            }
        }
        LocalDate today = today();
        if (form.expiresOn() != null
                && (!form.expiresOn().isAfter(today)
                        || form.expiresOn().isAfter(today.plusDays(properties.maxDaysValid())))) {
            errors.add("expiresOn", "apikey.error.expires");
        }
        if (!errors.isEmpty()) {
            response.setStatus(422);
            return page(me, model, csrf, form, errors, false);
        }
        var expiresAt =
                form.expiresOn().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        var created = keys.create(form.name(), scopes, expiresAt, org, me.email());
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("created", created);
        model.addAttribute("baseUrl", site.baseUrl());
        return "partner/api-key-created";
    }

    @PostMapping(LIST + "/{id}/revoke")
    String revoke(@AuthenticationPrincipal StaffMember me, @PathVariable long id, HttpServletResponse response) {
        long org = PartnerAccess.organisationOf(me);
        keys.byId(id).filter(k -> Objects.equals(k.organisationId(), org)).ifPresent(k -> keys.revoke(id, me.email()));
        return Redirects.seeOther(response, LIST + "?revoked");
    }

    private String page(
            StaffMember me, Model model, CsrfToken csrf, ApiKeyForm form, FormErrors errors, boolean revoked) {
        model.addAttribute("keys", keys.organisationKeys(PartnerAccess.organisationOf(me)));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("scopes", scopes());
        model.addAttribute("revoked", revoked);
        model.addAttribute("now", clock.instant());
        model.addAttribute("maxDays", properties.maxDaysValid());
        model.addAttribute("csrf", csrf);
        return "partner/api-keys";
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
