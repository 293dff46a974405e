package org.keephope.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * The database the integration tests run against, chosen by the system property
 * {@code keephope.test.database} ({@code h2} or {@code postgres}); the build runs every integration test
 * once against each. PostgreSQL gets a fresh database per test JVM, so runs never see each other's data.
 */
public final class TestDatabase {

    private static Map<String, String> properties;

    private TestDatabase() {}

    private static String keyDirectory;

    /** Development keys for this test JVM, shared by every application it starts. */
    public static synchronized String keyDirectory() {
        if (keyDirectory == null) {
            try {
                keyDirectory =
                        java.nio.file.Files.createTempDirectory("keephope-keys").toString();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return keyDirectory;
    }

    public static String kind() {
        return System.getProperty("keephope.test.database", "h2");
    }

    public static boolean isPostgres() {
        return kind().equals("postgres");
    }

    /** Datasource properties for Spring, created once per JVM. */
    public static synchronized Map<String, String> properties() {
        if (properties == null) {
            properties = isPostgres() ? postgres() : h2();
        }
        return properties;
    }

    /**
     * Datasource properties of a database of its own, new at every call, for a test that runs the application
     * in another process: on PostgreSQL a fresh database; on H2 the application's own default database (its
     * URL in application.properties, settings and all) with the file moved into {@code directory}, since an
     * in-memory database lives only in the JVM that made it.
     */
    public static Map<String, String> freshProperties(Path directory) {
        if (isPostgres()) {
            return postgres();
        }
        String shipped = applicationProperty("spring.datasource.url");
        String inData = "jdbc:h2:file:./data/";
        if (!shipped.startsWith(inData)) {
            throw new IllegalStateException("expected the default database to be an H2 file in ./data, not " + shipped);
        }
        return Map.of(
                "spring.datasource.url",
                "jdbc:h2:file:" + directory.toAbsolutePath() + "/" + shipped.substring(inData.length()),
                "spring.datasource.username",
                applicationProperty("spring.datasource.username"),
                "spring.datasource.password",
                applicationProperty("spring.datasource.password"));
    }

    private static String applicationProperty(String name) {
        Properties application = new Properties();
        try (InputStream in = TestDatabase.class.getResourceAsStream("/application.properties")) {
            if (in == null) {
                throw new IOException("not found");
            }
            application.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read application.properties from the classpath", e);
        }
        String value = application.getProperty(name);
        if (value == null) {
            throw new IllegalStateException(name + " is not in application.properties");
        }
        return value;
    }

    private static Map<String, String> h2() {
        String name = "keephope_it_" + UUID.randomUUID().toString().replace("-", "");
        return Map.of(
                "spring.datasource.url",
                "jdbc:h2:mem:" + name
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "spring.datasource.username",
                "sa",
                "spring.datasource.password",
                "");
    }

    private static Map<String, String> postgres() {
        String server = env("KEEPHOPE_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/");
        String user = env("KEEPHOPE_TEST_POSTGRES_USER", "postgres");
        String password = env("KEEPHOPE_TEST_POSTGRES_PASSWORD", "");
        String database = "keephope_it_" + System.currentTimeMillis() + "_"
                + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = DriverManager.getConnection(server + "postgres", user, password)) {
            dropLeftovers(c);
            c.createStatement().execute("create database " + database);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "PostgreSQL is not reachable at " + server + " as " + user + " (" + e.getMessage() + "). "
                            + "Start it, point KEEPHOPE_TEST_POSTGRES_URL/_USER/_PASSWORD at one, or run the "
                            + "H2 half only with ./mvnw verify -Dpostgres.skip=true",
                    e);
        }
        return Map.of(
                "spring.datasource.url", server + database,
                "spring.datasource.username", user,
                "spring.datasource.password", password);
    }

    /** Databases of earlier runs older than a day; best effort, a run in progress is never touched. */
    private static void dropLeftovers(Connection c) throws SQLException {
        long dayAgo = System.currentTimeMillis() - 24 * 3600 * 1000L;
        var names = new java.util.ArrayList<String>();
        try (var rs = c.createStatement()
                .executeQuery("select datname from pg_database where datname like 'keephope_it_%'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        for (String name : names) {
            try {
                long created = Long.parseLong(name.split("_")[2]);
                if (created < dayAgo) {
                    c.createStatement().execute("drop database if exists " + name);
                }
            } catch (RuntimeException | SQLException ignored) {
                // another run's database, or a name we did not make: leave it
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
