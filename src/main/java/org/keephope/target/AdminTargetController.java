package org.keephope.target;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Locale;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Staff screens of the target directory: list, create, edit, (de)activate, photo, CSV import. */
@Controller
class AdminTargetController {

    private static final String LIST = "/admin/targets";

    private final Targets targets;
    private final TargetImport imports;
    private final Media media;

    AdminTargetController(Targets targets, TargetImport imports, Media media) {
        this.targets = targets;
        this.imports = imports;
        this.media = media;
    }

    @GetMapping(LIST)
    String list(@RequestParam(required = false) String saved, Locale locale, Model model) {
        model.addAttribute("targets", targets.all());
        model.addAttribute("saved", saved != null);
        return "target/admin-list";
    }

    @GetMapping(LIST + "/new")
    String createForm(Model model, CsrfToken csrf) {
        return form(model, csrf, null, TargetForm.empty(), FormErrors.none(), false);
    }

    @PostMapping(LIST)
    String create(
            @ModelAttribute("form") TargetForm form,
            Principal staff,
            Model model,
            CsrfToken csrf,
            HttpServletResponse response) {
        var errors = FormErrors.none();
        try {
            long id = targets.create(form.toData(), staff.getName());
            return Redirects.seeOther(response, LIST + "/" + id + "/edit?saved");
        } catch (Targets.Invalid invalid) {
            invalid.errors().forEach(errors::add);
        } catch (DuplicateKeyException e) {
            errors.add("externalId", "target.error.externalIdTaken");
        }
        response.setStatus(422);
        return form(model, csrf, null, form, errors, false);
    }

    @GetMapping(LIST + "/{id}/edit")
    String editForm(@PathVariable long id, @RequestParam(required = false) String saved, Model model, CsrfToken csrf) {
        var target = find(id);
        model.addAttribute("saved", saved != null);
        return form(model, csrf, target, TargetForm.of(target), FormErrors.none(), false);
    }

    @PostMapping(LIST + "/{id}")
    String update(
            @PathVariable long id,
            @ModelAttribute("form") TargetForm form,
            Principal staff,
            Model model,
            CsrfToken csrf,
            HttpServletResponse response) {
        var target = find(id);
        var errors = FormErrors.none();
        if (form.version() == null) {
            errors.add("externalId", "form.error.invalid");
        } else {
            try {
                targets.update(id, form.version(), form.toData(), staff.getName());
                return Redirects.seeOther(response, LIST + "/" + id + "/edit?saved");
            } catch (Targets.Invalid invalid) {
                invalid.errors().forEach(errors::add);
            } catch (DuplicateKeyException e) {
                errors.add("externalId", "target.error.externalIdTaken");
            } catch (StaleEdit stale) {
                response.setStatus(409);
                return form(model, csrf, target, form.withVersion(stale.currentVersion()), errors, true);
            }
        }
        response.setStatus(422);
        return form(model, csrf, target, form, errors, false);
    }

    @PostMapping(LIST + "/{id}/active")
    String setActive(
            @PathVariable long id, @RequestParam boolean active, Principal staff, HttpServletResponse response) {
        find(id);
        targets.setActive(id, active, staff.getName());
        return Redirects.seeOther(response, LIST + "/" + id + "/edit?saved");
    }

    @PostMapping(LIST + "/{id}/photo")
    String uploadPhoto(
            @PathVariable long id,
            @RequestParam(name = "photo", required = false) MultipartFile photo,
            Principal staff,
            Model model,
            CsrfToken csrf,
            HttpServletResponse response)
            throws IOException {
        var target = find(id);
        var errors = FormErrors.none();
        if (photo == null || photo.isEmpty()) {
            errors.add("photo", "media.error.empty");
        } else if (photo.getSize() > Media.MAX_BYTES) {
            errors.add("photo", "media.error.tooLarge");
        } else {
            try {
                String path = media.store(
                        photo.getInputStream(),
                        staff.getName(),
                        "photo of target " + target.data().externalId());
                targets.setPhoto(id, path, staff.getName());
                return Redirects.seeOther(response, LIST + "/" + id + "/edit?saved");
            } catch (MediaRefused refused) {
                errors.add("photo", refused.messageKey());
            }
        }
        response.setStatus(422);
        model.addAttribute("photoErrors", errors);
        return form(model, csrf, target, TargetForm.of(target), FormErrors.none(), false);
    }

    @GetMapping(LIST + "/import")
    String importForm(Model model, CsrfToken csrf) {
        return importPage(model, csrf, null, "", null);
    }

    /** Step one: the file is read and compared with the directory; nothing is saved. */
    @PostMapping(LIST + "/import/preview")
    String preview(
            @RequestParam(name = "file", required = false) MultipartFile file,
            Model model,
            CsrfToken csrf,
            HttpServletResponse response)
            throws IOException {
        String csv;
        if (file == null || file.isEmpty()) {
            response.setStatus(422);
            return importPage(model, csrf, null, "", "target.import.error.empty");
        }
        if (file.getSize() > 1_000_000) {
            response.setStatus(422);
            return importPage(model, csrf, null, "", "target.import.error.tooLarge");
        }
        try {
            csv = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(file.getBytes()))
                    .toString();
        } catch (CharacterCodingException e) {
            response.setStatus(422);
            return importPage(model, csrf, null, "", "target.import.error.encoding");
        }
        var preview = imports.preview(csv);
        if (!preview.canApply()) {
            response.setStatus(422);
        }
        return importPage(model, csrf, preview, csv, preview.fileError());
    }

    /** Step two: the same file, sent back from the preview page, is imported if every row is right. */
    @PostMapping(LIST + "/import")
    String apply(
            @RequestParam(name = "csv", required = false) String csv,
            Principal staff,
            Model model,
            CsrfToken csrf,
            HttpServletResponse response) {
        try {
            var preview = imports.apply(csv, staff.getName());
            if (preview.canApply()) {
                return Redirects.seeOther(response, LIST + "?saved");
            }
            response.setStatus(422);
            return importPage(model, csrf, preview, csv == null ? "" : csv, preview.fileError());
        } catch (StaleEdit | DuplicateKeyException e) {
            // someone changed the directory between preview and import: show the new preview
            response.setStatus(409);
            var preview = imports.preview(csv);
            return importPage(model, csrf, preview, csv, "target.import.error.changed");
        }
    }

    private String importPage(Model model, CsrfToken csrf, TargetImport.Preview preview, String csv, String error) {
        model.addAttribute("preview", preview);
        model.addAttribute("csv", csv);
        model.addAttribute("error", error);
        model.addAttribute("columns", String.join(",", TargetImport.COLUMNS));
        model.addAttribute("csrf", csrf);
        return "target/admin-import";
    }

    private EditableTarget find(long id) {
        return targets.forEditing(id).orElseThrow(() -> PageNotFound.of("target", "" + id));
    }

    private static String form(
            Model model, CsrfToken csrf, EditableTarget target, TargetForm form, FormErrors errors, boolean stale) {
        model.addAttribute("target", target);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("stale", stale);
        model.addAttribute("csrf", csrf);
        if (!model.containsAttribute("saved")) {
            model.addAttribute("saved", false);
        }
        if (!model.containsAttribute("photoErrors")) {
            model.addAttribute("photoErrors", FormErrors.none());
        }
        return "target/admin-form";
    }
}
