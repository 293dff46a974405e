package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Issue 11 item 4: the PARTNER role, bound to one organisation. The role's check constraint was created
 * without a name (V5), so H2 and PostgreSQL named it differently: it is found by its clause in the
 * information schema (both databases have one) and replaced by a named one. Plain SQL cannot drop a
 * constraint whose name it does not know.
 */
public class V46__add_partner_role extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        List<String> names = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("""
                        select tc.constraint_name, cc.check_clause
                          from information_schema.table_constraints tc
                          join information_schema.check_constraints cc
                            on cc.constraint_name = tc.constraint_name and cc.constraint_schema = tc.constraint_schema
                         where lower(tc.table_name) = 'staff_user' and tc.constraint_type = 'CHECK'
                        """)) {
            while (rs.next()) {
                String clause = rs.getString(2);
                if (clause != null && clause.contains("EDITOR") && clause.contains("ADMIN")) {
                    names.add(rs.getString(1));
                }
            }
        }
        if (names.size() != 1) {
            throw new IllegalStateException("expected one role check on staff_user, found " + names);
        }
        try (Statement s = connection.createStatement()) {
            s.execute("alter table staff_user drop constraint \"" + names.get(0) + "\"");
            s.execute("alter table staff_user add constraint staff_user_role"
                    + " check (role in ('ADMIN', 'EDITOR', 'PARTNER'))");
            s.execute("alter table staff_user add column organisation_id bigint references organisation (id)");
            s.execute("alter table staff_user add constraint staff_user_partner_organisation"
                    + " check ((role = 'PARTNER') = (organisation_id is not null))");
        }
    }
}
