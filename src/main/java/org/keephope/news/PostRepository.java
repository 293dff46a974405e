package org.keephope.news;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keephope.support.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class PostRepository {

    private static final String SELECT = """
            select p.*, t.locale as t_locale, t.title as t_title, t.excerpt as t_excerpt, t.body as t_body
              from post p
              left join post_translation t on t.post_id = p.id and t.locale = :locale
            """;

    record PostRow(
            long id,
            String slug,
            String lang,
            String title,
            String excerpt,
            String body,
            Instant publishedAt,
            Instant updatedAt,
            Long campaignId,
            PressContact press) {}

    private final JdbcClient jdbc;

    PostRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(NewPost post, Instant now) {
        var keys = new GeneratedKeyHolder();
        PressContact p = post.press() == null ? new PressContact(null, null, null) : post.press();
        jdbc.sql("""
                        insert into post (slug, original_locale, title, excerpt, body, published_at, campaign_id,
                          press_name, press_email, press_phone, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
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
                        Rows.param(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void insertTranslation(long postId, String locale, String title, String excerpt, String body) {
        jdbc.sql("insert into post_translation (post_id, locale, title, excerpt, body) values (?, ?, ?, ?, ?)")
                .params(postId, locale, title, excerpt, body)
                .update();
    }

    Optional<PostRow> findPublished(String slug, String locale, Instant now) {
        return jdbc.sql(SELECT + " where p.slug = :slug and p.published_at is not null and p.published_at <= :now")
                .param("locale", locale)
                .param("slug", slug)
                .param("now", Rows.param(now))
                .query(PostRepository::row)
                .optional();
    }

    List<PostRow> findPublished(NewsFilter filter, String locale, Instant now, int offset, int limit) {
        return jdbc.sql(SELECT + filter.where()
                        + " order by p.published_at desc, p.id desc limit :limit offset :offset")
                .params(params(filter, now))
                .param("locale", locale)
                .param("limit", limit)
                .param("offset", offset)
                .query(PostRepository::row)
                .list();
    }

    long countPublished(NewsFilter filter, Instant now) {
        return jdbc.sql("select count(*) from post p" + filter.where())
                .params(params(filter, now))
                .query(Long.class)
                .single();
    }

    private static Map<String, Object> params(NewsFilter filter, Instant now) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("now", Rows.param(now));
        if (filter.categoryId() != null) {
            params.put("category", filter.categoryId());
        }
        if (filter.regionId() != null) {
            params.put("region", filter.regionId());
        }
        return params;
    }

    /** Categories or regions of each post, named in the reader's language, else English, else the slug. */
    Map<Long, List<Term>> terms(TermKind kind, Collection<Long> postIds, String locale) {
        Map<Long, List<Term>> result = new LinkedHashMap<>();
        if (postIds.isEmpty()) {
            return result;
        }
        String sql = """
                select link.post_id, term.slug, coalesce(named.name, english.name, term.slug) as name
                  from post_%1$s link
                  join %1$s term on term.id = link.%1$s_id
                  left join %1$s_name named on named.%1$s_id = term.id and named.locale = :locale
                  left join %1$s_name english on english.%1$s_id = term.id and english.locale = 'en'
                 where link.post_id in (:ids)
                 order by link.post_id, term.slug
                """.formatted(kind.table());
        jdbc.sql(sql).param("locale", locale).param("ids", postIds).query((ResultSet rs) -> {
            result.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                    .add(new Term(rs.getString(2), rs.getString(3)));
        });
        return result;
    }

    private static PostRow row(ResultSet rs, int n) throws SQLException {
        String translation = rs.getString("t_locale");
        long campaignId = rs.getLong("campaign_id");
        Long campaign = rs.wasNull() ? null : campaignId;
        return new PostRow(
                rs.getLong("id"),
                rs.getString("slug"),
                translation != null ? translation : rs.getString("original_locale"),
                firstNonNull(rs.getString("t_title"), rs.getString("title")),
                firstNonNull(rs.getString("t_excerpt"), rs.getString("excerpt")),
                firstNonNull(rs.getString("t_body"), rs.getString("body")),
                Rows.instant(rs, "published_at"),
                Rows.instant(rs, "updated_at"),
                campaign,
                new PressContact(rs.getString("press_name"), rs.getString("press_email"), rs.getString("press_phone")));
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
