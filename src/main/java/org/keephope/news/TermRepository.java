package org.keephope.news;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class TermRepository {

    record TermRow(long id, Term term) {}

    private final JdbcClient jdbc;

    TermRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(TermKind kind, String slug, Map<String, String> namesByLocale) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into " + kind.table() + " (slug) values (?)")
                .param(slug)
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        namesByLocale.forEach((locale, name) -> jdbc.sql(
                        "insert into %1$s_name (%1$s_id, locale, name) values (?, ?, ?)".formatted(kind.table()))
                .params(id, locale, name)
                .update());
        return id;
    }

    /** The id of a category or region, by its slug. */
    Optional<Long> idOf(TermKind kind, String slug) {
        return jdbc.sql("select id from %s where slug = ?".formatted(kind.table()))
                .param(slug)
                .query(Long.class)
                .optional();
    }

    Optional<TermRow> findBySlug(TermKind kind, String slug, String locale) {
        return jdbc.sql("""
                        select term.id, term.slug, coalesce(named.name, english.name, term.slug)
                          from %1$s term
                          left join %1$s_name named on named.%1$s_id = term.id and named.locale = :locale
                          left join %1$s_name english on english.%1$s_id = term.id and english.locale = 'en'
                         where term.slug = :slug
                        """.formatted(kind.table()))
                .param("locale", locale)
                .param("slug", slug)
                .query((rs, n) -> new TermRow(rs.getLong(1), new Term(rs.getString(2), rs.getString(3))))
                .optional();
    }

    void link(TermKind kind, long postId, long termId) {
        jdbc.sql("insert into post_%1$s (post_id, %1$s_id) values (?, ?)".formatted(kind.table()))
                .params(postId, termId)
                .update();
    }

    /** Every term of a kind with its names in every language, by slug. */
    List<StaffTerm> all(TermKind kind) {
        Map<Long, StaffTerm> terms = new LinkedHashMap<>();
        jdbc.sql("select id, slug from %1$s order by slug".formatted(kind.table()))
                .query((rs, n) -> new StaffTerm(rs.getLong(1), rs.getString(2), new LinkedHashMap<>()))
                .list()
                .forEach(t -> terms.put(t.id(), t));
        jdbc.sql("select %1$s_id, locale, name from %1$s_name".formatted(kind.table()))
                .query((java.sql.ResultSet rs) -> {
                    StaffTerm term = terms.get(rs.getLong(1));
                    if (term != null) {
                        term.names().put(rs.getString(2), rs.getString(3));
                    }
                });
        return List.copyOf(terms.values());
    }

    boolean exists(TermKind kind, long id) {
        return jdbc.sql("select count(*) from %1$s where id = ?".formatted(kind.table()))
                        .param(id)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Sets the name in one language; a blank name removes it (the English name or the slug shows instead). */
    void setName(TermKind kind, long id, String locale, String name) {
        jdbc.sql("delete from %1$s_name where %1$s_id = ? and locale = ?".formatted(kind.table()))
                .params(id, locale)
                .update();
        if (name != null && !name.isBlank()) {
            jdbc.sql("insert into %1$s_name (%1$s_id, locale, name) values (?, ?, ?)".formatted(kind.table()))
                    .params(id, locale, name.strip())
                    .update();
        }
    }
}
