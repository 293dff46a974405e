package org.keephope.news;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.keephope.audit.AuditLog;
import org.keephope.support.StaleEdit;
import org.keephope.web.PageNotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What staff do with news: every post whatever its state, create and edit (with a version check),
 * translations, categories and regions. Every write is in the audit log.
 */
@Service
@Transactional(readOnly = true)
public class StaffNews {

    private final PostRepository posts;
    private final StaffPostRepository staffPosts;
    private final TermRepository terms;
    private final AuditLog audit;
    private final Clock clock;

    StaffNews(PostRepository posts, StaffPostRepository staffPosts, TermRepository terms, AuditLog audit, Clock clock) {
        this.posts = posts;
        this.staffPosts = staffPosts;
        this.terms = terms;
        this.audit = audit;
        this.clock = clock;
    }

    public List<StaffPost> posts() {
        Instant now = clock.instant();
        return staffPosts.all().stream()
                .map(p -> new StaffPost(
                        p.id(), p.slug(), p.title(), p.publishedAt(), p.updatedAt(), state(p.publishedAt(), now)))
                .toList();
    }

    public Optional<EditablePost> post(long id) {
        return staffPosts.find(id);
    }

    /**
     * @throws org.springframework.dao.DuplicateKeyException when the slug is taken
     * @throws IllegalArgumentException for a category or region slug that does not exist
     */
    @Transactional
    public long create(NewPost post, String actor) {
        long id = posts.insert(post, clock.instant());
        link(id, post);
        audit.record(actor, "post.create", "post", id, post.slug() + " " + state(post.publishedAt(), clock.instant()));
        return id;
    }

    /**
     * Saves a staff member's edit, made from {@code version}.
     *
     * @throws StaleEdit when someone saved the post since
     * @throws org.springframework.dao.DuplicateKeyException when the new slug is taken
     */
    @Transactional
    public void update(long id, int version, NewPost post, String actor) {
        if (!staffPosts.update(id, version, post, clock.instant())) {
            int current = staffPosts.version(id).orElseThrow(() -> PageNotFound.of("post", "" + id));
            throw StaleEdit.of("post", id, current);
        }
        link(id, post);
        audit.record(actor, "post.update", "post", id, post.slug() + " " + state(post.publishedAt(), clock.instant()));
    }

    public PostTranslation translation(long postId, Locale locale) {
        return staffPosts.translation(postId, locale.getLanguage()).orElse(PostTranslation.EMPTY);
    }

    /** Replaces a post's translation; blank fields fall back to the original. */
    @Transactional
    public void saveTranslation(long postId, Locale locale, PostTranslation translation, String actor) {
        var cleaned = new PostTranslation(
                blankToNull(translation.title()),
                blankToNull(translation.excerpt()),
                translation.body() == null || translation.body().isBlank() ? null : translation.body());
        staffPosts.saveTranslation(postId, locale.getLanguage(), cleaned);
        staffPosts.touch(postId, clock.instant());
        audit.record(actor, "post.translate", "post", postId, locale.getLanguage());
    }

    public List<StaffTerm> terms(TermKind kind) {
        return terms.all(kind);
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the slug is taken */
    @Transactional
    public long createTerm(TermKind kind, String slug, Map<String, String> namesByLanguage, String actor) {
        Map<String, String> names = new java.util.LinkedHashMap<>();
        namesByLanguage.forEach((language, name) -> {
            if (name != null && !name.isBlank()) {
                names.put(language, name.strip());
            }
        });
        long id = terms.insert(kind, slug, names);
        audit.record(actor, kind.table() + ".create", kind.table(), id, slug);
        return id;
    }

    @Transactional
    public void renameTerm(TermKind kind, long id, Map<String, String> namesByLanguage, String actor) {
        if (!terms.exists(kind, id)) {
            throw PageNotFound.of(kind.table(), "" + id);
        }
        namesByLanguage.forEach((language, name) -> terms.setName(kind, id, language, name));
        audit.record(actor, kind.table() + ".rename", kind.table(), id, String.join(" / ", namesByLanguage.values()));
    }

    static StaffPost.State state(Instant publishedAt, Instant now) {
        if (publishedAt == null) {
            return StaffPost.State.DRAFT;
        }
        return publishedAt.isAfter(now) ? StaffPost.State.SCHEDULED : StaffPost.State.PUBLISHED;
    }

    private void link(long postId, NewPost post) {
        staffPosts.replaceLinks(TermKind.CATEGORY, postId, ids(TermKind.CATEGORY, post.categorySlugs()));
        staffPosts.replaceLinks(TermKind.REGION, postId, ids(TermKind.REGION, post.regionSlugs()));
    }

    private List<Long> ids(TermKind kind, List<String> slugs) {
        List<Long> ids = new ArrayList<>();
        for (String slug : slugs == null ? List.<String>of() : slugs) {
            ids.add(terms.idOf(kind, slug)
                    .orElseThrow(() -> new IllegalArgumentException("unknown " + kind.table() + " " + slug)));
        }
        return ids;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
