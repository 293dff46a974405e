package org.keephope.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Helpers of the letter tests. */
final class LetterFixtures {

    static final Pattern LETTER_LINK = Pattern.compile("href=\"(/letters/[A-Za-z0-9_-]+)\"");

    private LetterFixtures() {}

    /** The letter link on a confirmed page. */
    static String letterLink(String confirmedPage) {
        var matcher = LETTER_LINK.matcher(confirmedPage);
        assertThat(matcher.find()).as("the confirmed page offers a letter").isTrue();
        return matcher.group(1);
    }

    /** Whether any value of any column of any table holds the text in clear. */
    static boolean storedInClear(JdbcClient jdbc, String text) {
        List<String> tables = jdbc.sql("select table_name from information_schema.tables"
                        + " where lower(table_schema) = 'public' and lower(table_type) in ('base table', 'table')")
                .query(String.class)
                .list();
        StringBuilder all = new StringBuilder();
        for (String table : tables) {
            jdbc.sql("select * from " + table).query((java.sql.ResultSet rs) -> {
                int columns = rs.getMetaData().getColumnCount();
                for (int i = 1; i <= columns; i++) {
                    Object value = rs.getObject(i);
                    if (value instanceof byte[] bytes) {
                        all.append(new String(bytes, StandardCharsets.ISO_8859_1));
                    } else if (value != null) {
                        all.append(value);
                    }
                    all.append('\u0000');
                }
            });
        }
        assertThat(tables).contains("letter");
        return all.indexOf(text) >= 0;
    }
}
