package org.keephope.coalition;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class OrganisationRepository {

    private static final String COLUMNS = "id, slug, name, website, logo, description";
    private static final RowMapper<Organisation> ROW = (rs, n) -> new Organisation(
            rs.getLong("id"),
            rs.getString("slug"),
            rs.getString("name"),
            rs.getString("website"),
            rs.getString("logo"),
            rs.getString("description"));

    private final JdbcClient jdbc;

    OrganisationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Organisation insert(NewOrganisation o) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into organisation (slug, name, website, logo, description) values (?, ?, ?, ?, ?)")
                .params(o.slug(), o.name(), o.website(), o.logo(), o.description())
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        return new Organisation(id, o.slug(), o.name(), o.website(), o.logo(), o.description());
    }

    Optional<Organisation> findBySlug(String slug) {
        return jdbc.sql("select " + COLUMNS + " from organisation where slug = ?")
                .param(slug)
                .query(ROW)
                .optional();
    }

    List<Organisation> findByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from organisation where id in (:ids)")
                .param("ids", ids)
                .query(ROW)
                .list();
    }

    Optional<EditableOrganisation> findEditable(long id) {
        return jdbc.sql("select " + COLUMNS + ", version from organisation where id = ?")
                .param(id)
                .query((rs, n) -> new EditableOrganisation(
                        rs.getLong("id"),
                        rs.getString("slug"),
                        rs.getString("name"),
                        rs.getString("website"),
                        rs.getString("logo"),
                        rs.getString("description"),
                        rs.getInt("version")))
                .optional();
    }

    /** Saves only if nobody saved since {@code version}; false otherwise. */
    boolean update(long id, int version, NewOrganisation o) {
        return jdbc.sql("""
                        update organisation set slug = ?, name = ?, website = ?, description = ?, version = version + 1
                         where id = ? and version = ?
                        """)
                        .params(o.slug(), o.name(), o.website(), o.description(), id, version)
                        .update()
                == 1;
    }

    boolean setLogo(long id, String logo) {
        return jdbc.sql("update organisation set logo = ?, version = version + 1 where id = ?")
                        .params(logo, id)
                        .update()
                == 1;
    }

    List<Organisation> findAll() {
        return jdbc.sql("select " + COLUMNS + " from organisation order by name")
                .query(ROW)
                .list();
    }
}
