package org.keephope.apikey;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.keephope.web.FormErrors;
import org.keephope.web.Redirects;
import org.keephope.web.SiteProperties;
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
 * {@code /admin/api-keys} (ADMIN only, by path in the security configuration): staff keys listed, made and
 * revoked. A new key is shown once, on the answer to the form, which no cache may keep.
 */
@Controller
class AdminApiKeyController {

    private static final String LIST = "/admin/api-keys";

    private final ApiKeys keys;
    private final ApiProperties properties;
    private final SiteProperties site;
    private final Clock clock;

    AdminApiKeyController(ApiKeys keys, ApiProperties properties, SiteProperties site, Clock clock) {
        this.keys = keys;
        this.properties = properties;
        this.site = site;
        this.clock = clock;
    }

    @GetMapping(LIST)
    String list(@RequestParam(required = false) String revoked, Model model, CsrfToken csrf) {
        return page(model, csrf, ApiKeyForm.empty(today().plusDays(90)), FormErrors.none(), revoked != null);
    }

    @PostMapping(LIST)
    String create(
            @Valid @ModelAttribute("form") ApiKeyForm form,
            BindingResult binding,
            Principal staffMember,
            Model model,
            CsrfToken csrf,
            HttpServletResponse response) {
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
        if (form.imports() && !scopes.contains(ApiScope.WRITE_SIGNATURES)) {
            errors.add("importConfirmed", "apikey.error.importConfirmed");
        }
        LocalDate today = today();
        if (form.expiresOn() != null
                && (!form.expiresOn().isAfter(today)
                        || form.expiresOn().isAfter(today.plusDays(properties.maxDaysValid())))) {
            errors.add("expiresOn", "apikey.error.expires");
        }
        if (!errors.isEmpty()) {
            response.setStatus(422);
            return page(model, csrf, form, errors, false);
        }
        // valid through the whole of the day chosen, in UTC
        var expiresAt =
                form.expiresOn().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        var created = keys.create(form.name(), scopes, expiresAt, null, form.imports(), staffMember.getName());
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("created", created);
        model.addAttribute("baseUrl", site.baseUrl());
        return "admin/api-keys/created";
    }

    @PostMapping(LIST + "/{id}/revoke")
    String revoke(@PathVariable long id, Principal staffMember, HttpServletResponse response) {
        keys.byId(id).filter(k -> k.organisationId() == null).ifPresent(k -> keys.revoke(id, staffMember.getName()));
        return Redirects.seeOther(response, LIST + "?revoked");
    }

    private String page(Model model, CsrfToken csrf, ApiKeyForm form, FormErrors errors, boolean revoked) {
        model.addAttribute("keys", keys.staffKeys());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("scopes", ApiScope.values());
        model.addAttribute("revoked", revoked);
        model.addAttribute("now", clock.instant());
        model.addAttribute("maxDays", properties.maxDaysValid());
        model.addAttribute("csrf", csrf);
        return "admin/api-keys/list";
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
