package org.keephope.news;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.keephope.campaign.Campaigns;
import org.keephope.support.StaleEdit;
import org.keephope.web.FormErrors;
import org.keephope.web.PageNotFound;
import org.keephope.web.Redirects;
import org.keephope.web.SupportedLocales;
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

/** Staff screens for posts: the list (drafts and scheduled too), create, edit, translate. */
@Controller
class AdminNewsController {

    private static final String LIST = "/admin/news";

    private final StaffNews staff;
    private final Campaigns campaigns;

    AdminNewsController(StaffNews staff, Campaigns campaigns) {
        this.staff = staff;
        this.campaigns = campaigns;
    }

    @GetMapping(LIST)
    String list(Model model) {
        model.addAttribute("posts", staff.posts());
        return "admin/news/posts";
    }

    @GetMapping(LIST + "/new")
    String createForm(Locale locale, Model model, CsrfToken csrf) {
        return form(model, locale, csrf, null, PostForm.empty(), FormErrors.none(), false, false);
    }

    @PostMapping(LIST)
    String create(
            @Valid @ModelAttribute("form") PostForm form,
            BindingResult binding,
            Locale locale,
            Principal staffMember,
            Model model,
            CsrfToken csrf,
            HttpServletResponse response) {
        var errors = check(form, binding, locale);
        if (errors.isEmpty()) {
            try {
                long id = staff.create(form.toNewPost(), staffMember.getName());
                return Redirects.seeOther(response, LIST + "/" + id + "/edit?saved");
            } catch (DuplicateKeyException e) {
                errors.add("slug", "form.error.slugTaken");
            }
        }
        response.setStatus(422);
        return form(model, locale, csrf, null, form, errors, false, false);
    }

    @GetMapping(LIST + "/{id}/edit")
    String editForm(
            @PathVariable long id,
            @RequestParam(required = false) String saved,
            Locale locale,
            Model model,
            CsrfToken csrf) {
        var post = find(id);
        return form(model, locale, csrf, post, PostForm.of(post), FormErrors.none(), false, saved != null);
    }

    @PostMapping(LIST + "/{id}")
    String update(
            @PathVariable long id,
            @Valid @ModelAttribute("form") PostForm form,
            BindingResult binding,
            Locale locale,
            Principal staffMember,
            Model model,
            CsrfToken csrf,
            HttpServletResponse response) {
        var post = find(id);
        var errors = check(form, binding, locale);
        if (form.version() == null) {
            errors.add("slug", "form.error.invalid");
        }
        if (errors.isEmpty()) {
            try {
                staff.update(id, form.version(), form.toNewPost(), staffMember.getName());
                return Redirects.seeOther(response, LIST + "/" + id + "/edit?saved");
            } catch (DuplicateKeyException e) {
                errors.add("slug", "form.error.slugTaken");
            } catch (StaleEdit stale) {
                // keep what they typed; saving again now replaces the other person's version on purpose
                response.setStatus(409);
                return form(model, locale, csrf, post, form.withVersion(stale.currentVersion()), errors, true, false);
            }
        }
        response.setStatus(422);
        return form(model, locale, csrf, post, form, errors, false, false);
    }

    @GetMapping(LIST + "/{id}/translations/{language}")
    String translationForm(
            @PathVariable long id,
            @PathVariable String language,
            @RequestParam(required = false) String saved,
            Model model,
            CsrfToken csrf) {
        var post = find(id);
        Locale target = translationLocale(post, language);
        model.addAttribute("post", post);
        model.addAttribute("language", target.getLanguage());
        model.addAttribute("translation", staff.translation(id, target));
        model.addAttribute("errors", FormErrors.none());
        model.addAttribute("saved", saved != null);
        model.addAttribute("csrf", csrf);
        return "admin/news/translation";
    }

    @PostMapping(LIST + "/{id}/translations/{language}")
    String translate(
            @PathVariable long id,
            @PathVariable String language,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String excerpt,
            @RequestParam(required = false) String body,
            Principal staffMember,
            Model model,
            CsrfToken csrf,
            HttpServletResponse response) {
        var post = find(id);
        Locale target = translationLocale(post, language);
        var translation = new PostTranslation(title, excerpt, body);
        var errors = FormErrors.none();
        if (length(title) > 300) {
            errors.add("title", "form.error.tooLong");
        }
        if (length(excerpt) > 2000) {
            errors.add("excerpt", "form.error.tooLong");
        }
        if (length(body) > 100000) {
            errors.add("body", "form.error.tooLong");
        }
        if (!errors.isEmpty()) {
            response.setStatus(422);
            model.addAttribute("post", post);
            model.addAttribute("language", target.getLanguage());
            model.addAttribute("translation", translation);
            model.addAttribute("errors", errors);
            model.addAttribute("saved", false);
            model.addAttribute("csrf", csrf);
            return "admin/news/translation";
        }
        staff.saveTranslation(id, target, translation, staffMember.getName());
        return Redirects.seeOther(response, LIST + "/" + id + "/translations/" + target.getLanguage() + "?saved");
    }

    private EditablePost find(long id) {
        return staff.post(id).orElseThrow(() -> PageNotFound.of("post", "" + id));
    }

    /** A supported language other than the post's own. */
    private static Locale translationLocale(EditablePost post, String language) {
        return SupportedLocales.ALL.stream()
                .filter(l -> l.getLanguage().equals(language))
                .filter(l -> !l.getLanguage().equals(post.content().originalLocale()))
                .findFirst()
                .orElseThrow(() -> PageNotFound.of("translation", language));
    }

    /** Bean Validation, then what needs the database or a parse: publication time, campaign, terms. */
    private FormErrors check(PostForm form, BindingResult binding, Locale locale) {
        var errors = FormErrors.of(binding);
        if (!form.publishedAtValid()) {
            errors.add("publishedAt", "admin.news.error.publishedAt");
        }
        if (form.campaignId() != null
                && campaigns.summary(form.campaignId(), locale).isEmpty()) {
            errors.add("campaignId", "form.error.invalid");
        }
        if (!slugs(TermKind.CATEGORY).containsAll(nonNull(form.categories()))) {
            errors.add("categories", "form.error.invalid");
        }
        if (!slugs(TermKind.REGION).containsAll(nonNull(form.regions()))) {
            errors.add("regions", "form.error.invalid");
        }
        return errors;
    }

    private Set<String> slugs(TermKind kind) {
        return staff.terms(kind).stream().map(StaffTerm::slug).collect(Collectors.toSet());
    }

    private String form(
            Model model,
            Locale locale,
            CsrfToken csrf,
            EditablePost post,
            PostForm form,
            FormErrors errors,
            boolean stale,
            boolean saved) {
        model.addAttribute("post", post);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("stale", stale);
        model.addAttribute("saved", saved);
        model.addAttribute("campaigns", campaigns.all(locale));
        model.addAttribute("categories", staff.terms(TermKind.CATEGORY));
        model.addAttribute("regions", staff.terms(TermKind.REGION));
        model.addAttribute("translations", translations(post));
        model.addAttribute("csrf", csrf);
        return "admin/news/post";
    }

    private static List<String> translations(EditablePost post) {
        return post == null
                ? List.of()
                : SupportedLocales.ALL.stream()
                        .map(Locale::getLanguage)
                        .filter(l -> !l.equals(post.content().originalLocale()))
                        .toList();
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }
}
