package org.keephope.news;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.keephope.web.FormErrors;
import org.keephope.web.FormPatterns;
import org.keephope.web.PageNotFound;
import org.keephope.web.Redirects;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Staff screen for the categories and regions posts are filed under: create one, or rename one in each
 * language. The slug stays, since it is in readers' links and feed addresses.
 */
@Controller
class AdminTermController {

    static final String PAGE = "/admin/news/terms";
    static final int MAX_NAME = 120;

    private final StaffNews staff;

    AdminTermController(StaffNews staff) {
        this.staff = staff;
    }

    @GetMapping(PAGE)
    String page(@RequestParam(required = false) String saved, Model model, CsrfToken csrf) {
        return render(model, csrf, null, FormErrors.none(), saved != null);
    }

    @PostMapping(PAGE + "/{kind}")
    String create(
            @PathVariable String kind,
            @RequestParam(defaultValue = "") String slug,
            @RequestParam(defaultValue = "") String nameEn,
            @RequestParam(defaultValue = "") String nameRu,
            Principal staffMember,
            Model model,
            CsrfToken csrf,
            HttpServletResponse response) {
        TermKind termKind = kind(kind);
        var typed = new NewTermForm(kind, slug, nameEn, nameRu);
        var errors = FormErrors.none();
        if (slug.isBlank()) {
            errors.add("slug", "form.error.required");
        } else if (slug.length() > 80 || !slug.matches(FormPatterns.SLUG)) {
            errors.add("slug", "form.error.slug");
        }
        if (nameEn.isBlank()) {
            errors.add("nameEn", "form.error.required");
        }
        checkLength(errors, "nameEn", nameEn);
        checkLength(errors, "nameRu", nameRu);
        if (errors.isEmpty()) {
            try {
                staff.createTerm(termKind, slug, names(nameEn, nameRu), staffMember.getName());
                return Redirects.seeOther(response, PAGE + "?saved");
            } catch (DuplicateKeyException e) {
                errors.add("slug", "form.error.slugTaken");
            }
        }
        response.setStatus(422);
        return render(model, csrf, typed, errors, false);
    }

    @PostMapping(PAGE + "/{kind}/{id}")
    String rename(
            @PathVariable String kind,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String nameEn,
            @RequestParam(defaultValue = "") String nameRu,
            Principal staffMember,
            Model model,
            CsrfToken csrf,
            HttpServletResponse response) {
        TermKind termKind = kind(kind);
        if (nameEn.isBlank() || nameEn.length() > MAX_NAME || nameRu.length() > MAX_NAME) {
            // the rename forms are short lines in a table: the page says what was wrong at the top
            response.setStatus(422);
            model.addAttribute("renameError", true);
            return render(model, csrf, null, FormErrors.none(), false);
        }
        staff.renameTerm(termKind, id, names(nameEn, nameRu), staffMember.getName());
        return Redirects.seeOther(response, PAGE + "?saved");
    }

    private static void checkLength(FormErrors errors, String field, String value) {
        if (value.length() > MAX_NAME) {
            errors.add(field, "form.error.tooLong");
        }
    }

    private static Map<String, String> names(String en, String ru) {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("en", en);
        names.put("ru", ru);
        return names;
    }

    private static TermKind kind(String kind) {
        return switch (kind) {
            case "category" -> TermKind.CATEGORY;
            case "region" -> TermKind.REGION;
            default -> throw PageNotFound.of("kind", kind);
        };
    }

    private String render(Model model, CsrfToken csrf, NewTermForm typed, FormErrors errors, boolean saved) {
        model.addAttribute("categories", staff.terms(TermKind.CATEGORY));
        model.addAttribute("regions", staff.terms(TermKind.REGION));
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("saved", saved);
        if (!model.containsAttribute("renameError")) {
            model.addAttribute("renameError", false);
        }
        model.addAttribute("csrf", csrf);
        return "admin/news/terms";
    }
}
