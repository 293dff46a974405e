package org.keephope.coalition;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.security.Principal;
import org.keephope.media.Media;
import org.keephope.media.MediaRefused;
import org.keephope.support.StaleEdit;
import org.keephope.web.FormErrors;
import org.keephope.web.PageNotFound;
import org.keephope.web.Redirects;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Staff screens for the coalition's organisations: list, create, edit, logo upload. */
@Controller
class AdminOrganisationController {

    private static final String LIST = "/admin/organisations";

    private final Organisations organisations;
    private final Media media;

    AdminOrganisationController(Organisations organisations, Media media) {
        this.organisations = organisations;
        this.media = media;
    }

    @GetMapping(LIST)
    String list(@RequestParam(required = false) String saved, Model model) {
        model.addAttribute("organisations", organisations.all());
        model.addAttribute("saved", saved != null);
        return "admin/organisations/list";
    }

    @GetMapping(LIST + "/new")
    String createForm(Model model, CsrfToken csrf) {
        return form(model, csrf, null, OrganisationForm.empty(), FormErrors.none(), false);
    }

    @PostMapping(LIST)
    String create(
            @Valid @ModelAttribute("form") OrganisationForm form,
            BindingResult binding,
            Principal staffMember,
            Model model,
            CsrfToken csrf,
            HttpServletResponse response) {
        var errors = FormErrors.of(binding);
        if (errors.isEmpty()) {
            try {
                var created = organisations.create(form.toNew(null), staffMember.getName());
                return Redirects.seeOther(response, LIST + "/" + created.id() + "/edit?saved");
            } catch (DuplicateKeyException e) {
                errors.add("slug", "form.error.slugTaken");
            }
        }
        response.setStatus(422);
        return form(model, csrf, null, form, errors, false);
    }

    @GetMapping(LIST + "/{id}/edit")
    String editForm(@PathVariable long id, @RequestParam(required = false) String saved, Model model, CsrfToken csrf) {
        var organisation = find(id);
        model.addAttribute("saved", saved != null);
        return form(model, csrf, organisation, OrganisationForm.of(organisation), FormErrors.none(), false);
    }

    @PostMapping(LIST + "/{id}")
    String update(
            @PathVariable long id,
            @Valid @ModelAttribute("form") OrganisationForm form,
            BindingResult binding,
            Principal staffMember,
            Model model,
            CsrfToken csrf,
            HttpServletResponse response) {
        var organisation = find(id);
        var errors = FormErrors.of(binding);
        if (form.version() == null) {
            errors.add("slug", "form.error.invalid");
        }
        if (errors.isEmpty()) {
            try {
                organisations.update(id, form.version(), form.toNew(null), staffMember.getName());
                return Redirects.seeOther(response, LIST + "/" + id + "/edit?saved");
            } catch (DuplicateKeyException e) {
                errors.add("slug", "form.error.slugTaken");
            } catch (StaleEdit stale) {
                // keep what they typed; saving again now replaces the other person's version on purpose
                response.setStatus(409);
                var kept = new OrganisationForm(
                        form.slug(), form.name(), form.website(), form.description(), stale.currentVersion());
                return form(model, csrf, organisation, kept, errors, true);
            }
        }
        response.setStatus(422);
        return form(model, csrf, organisation, form, errors, false);
    }

    @PostMapping(LIST + "/{id}/logo")
    String uploadLogo(
            @PathVariable long id,
            @RequestParam(name = "logo", required = false) MultipartFile logo,
            Principal staffMember,
            Model model,
            CsrfToken csrf,
            HttpServletResponse response)
            throws IOException {
        var organisation = find(id);
        var errors = FormErrors.none();
        if (logo == null || logo.isEmpty()) {
            errors.add("logo", "media.error.empty");
        } else if (logo.getSize() > Media.MAX_BYTES) {
            errors.add("logo", "media.error.tooLarge");
        } else {
            try {
                String path =
                        media.store(logo.getInputStream(), staffMember.getName(), "logo of " + organisation.slug());
                organisations.setLogo(id, path, staffMember.getName());
                return Redirects.seeOther(response, LIST + "/" + id + "/edit?saved");
            } catch (MediaRefused refused) {
                errors.add("logo", refused.messageKey());
            }
        }
        response.setStatus(422);
        model.addAttribute("logoErrors", errors);
        return form(model, csrf, organisation, OrganisationForm.of(organisation), FormErrors.none(), false);
    }

    private EditableOrganisation find(long id) {
        return organisations.forEditing(id).orElseThrow(() -> PageNotFound.of("organisation", "" + id));
    }

    private static String form(
            Model model,
            CsrfToken csrf,
            EditableOrganisation organisation,
            OrganisationForm form,
            FormErrors errors,
            boolean stale) {
        model.addAttribute("organisation", organisation);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("stale", stale);
        model.addAttribute("csrf", csrf);
        if (!model.containsAttribute("saved")) {
            model.addAttribute("saved", false);
        }
        if (!model.containsAttribute("logoErrors")) {
            model.addAttribute("logoErrors", FormErrors.none());
        }
        return "admin/organisations/form";
    }
}
