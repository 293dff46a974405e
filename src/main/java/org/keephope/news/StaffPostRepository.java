package org.keephope.news;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.keephope.support.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Posts as staff see them: every state, with versions for optimistic locking. */
@Repository
class StaffPostRepository {

    record Listed(long id, String slug, String title, Instant publishedAt, Instant updatedAt) {}

    private final JdbcClient jdbc;

    StaffPostRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Drafts first, then the newest publication time first (scheduled ones lead). */
    List<Listed> all() {
        return jdbc.sql("""
                        select id, slug, title, published_at, updated_at from post
                         order by case when published_at is null then 0 else 1 end, published_at desc, id desc
                        """)
                .query((rs, n) -> new Listed(
                        rs.getLong("id"),
                        rs.getString("slug"),
                        rs.getString("title"),
                        Rows.instant(rs, "published_at"),
                        Rows.instant(rs, "updated_at")))
                .list();
    }

    Optional<EditablePost> find(long id) {
        return jdbc.sql("select * from post where id = ?")
                .param(id)
                .query((rs, n) -> editable(rs))
                .optional()
                .map(p -> new EditablePost(
                        p.id(),
                        p.version(),
                        withTerms(p.content(), slugs(TermKind.CATEGORY, id), slugs(TermKind.REGION, id))));
    }

    Optional<Integer> version(long id) {
        return jdbc.sql("select version from post where id = ?")
                .param(id)
                .query(Integer.class)
                .optional();
    }

    /** Saves only if nobody saved since {@code version}; false otherwise. */
    boolean update(long id, int version, NewPost post, Instant now) {
        PressContact p = post.press() == null ? new PressContact(null, null, null) : post.press();
        return jdbc.sql("""
                                update post set slug = ?, original_locale = ?, title = ?, excerpt = ?, body = ?,
                                  published_at = ?, campaign_id = ?, press_name = ?, press_email = ?, press_phone = ?,
                                  updated_at = ?, version = version + 1
                                 where id = ? and version = ?
                                """)
                        .params(
                                post.slug(),
                                post.originalLocale(),
                                post.title(),
                                post.excerpt(),
                                post.body(),
                                Rows.param(post.publishedAt()),
                                post.campaignId(),
                                p.name(),
                                p.email(),
                                p.phone(),
                                Rows.param(now),
                                id,
                                version)
                        .update()
                == 1;
    }

    void replaceLinks(TermKind kind, long postId, Collection<Long> termIds) {
        jdbc.sql("delete from post_%1$s where post_id = ?".formatted(kind.table()))
                .param(postId)
                .update();
        for (long termId : termIds) {
            jdbc.sql("insert into post_%1$s (post_id, %1$s_id) values (?, ?)".formatted(kind.table()))
                    .params(postId, termId)
                    .update();
        }
    }

    Optional<PostTranslation> translation(long postId, String locale) {
        return jdbc.sql("select title, excerpt, body from post_translation where post_id = ? and locale = ?")
                .params(postId, locale)
                .query((rs, n) -> new PostTranslation(rs.getString(1), rs.getString(2), rs.getString(3)))
                .optional();
    }

    /** Replaces the translation; an empty one is removed, so the reader sees the original. */
    void saveTranslation(long postId, String locale, PostTranslation translation) {
        jdbc.sql("delete from post_translation where post_id = ? and locale = ?")
                .params(postId, locale)
                .update();
        if (!translation.isEmpty()) {
            jdbc.sql("insert into post_translation (post_id, locale, title, excerpt, body) values (?, ?, ?, ?, ?)")
                    .params(postId, locale, translation.title(), translation.excerpt(), translation.body())
                    .update();
        }
    }

    void touch(long postId, Instant now) {
        jdbc.sql("update post set updated_at = ? where id = ?")
                .params(Rows.param(now), postId)
                .update();
    }

    private List<String> slugs(TermKind kind, long postId) {
        return jdbc.sql("select term.slug from post_%1$s link join %1$s term on term.id = link.%1$s_id"
                                .formatted(kind.table())
                        + " where link.post_id = ? order by term.slug")
                .param(postId)
                .query(String.class)
                .list();
    }

    private static NewPost withTerms(NewPost post, List<String> categories, List<String> regions) {
        return new NewPost(
                post.slug(),
                post.originalLocale(),
                post.title(),
                post.excerpt(),
                post.body(),
                post.publishedAt(),
                post.campaignId(),
                post.press(),
                categories,
                regions);
    }

    private static EditablePost editable(ResultSet rs) throws SQLException {
        long campaignId = rs.getLong("campaign_id");
        Long campaign = rs.wasNull() ? null : campaignId;
        var content = new NewPost(
                rs.getString("slug"),
                rs.getString("original_locale"),
                rs.getString("title"),
                rs.getString("excerpt"),
                rs.getString("body"),
                Rows.instant(rs, "published_at"),
                campaign,
                new PressContact(rs.getString("press_name"), rs.getString("press_email"), rs.getString("press_phone")),
                List.of(),
                List.of());
        return new EditablePost(rs.getLong("id"), rs.getInt("version"), content);
    }
}
