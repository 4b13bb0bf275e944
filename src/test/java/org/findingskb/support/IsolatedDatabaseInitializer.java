package org.findingskb.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

/**
 * Gives every application context started by the tests a database and a data directory of its own, so tests
 * never see each other's data: an in-memory H2 database by default, or, with the {@code postgres} profile, a
 * PostgreSQL database created for the context and dropped when it closes.
 *
 * <p>With the elasticsearch profile's tests ({@code kb.test.opensearch.url} set), the context's search indexes live
 * on the build's OpenSearch node under a prefix of their own, deleted when the context closes.
 *
 * <p>Contexts that set {@code kb.test.database-key} share the database of that key (to test restarts); such a
 * database is dropped when the JVM exits.
 */
public class IsolatedDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final Map<String, Map<String, Object>> SHARED = new ConcurrentHashMap<>();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        if (environment.getPropertySources().contains("isolatedDatabase")) {
            return;
        }
        boolean postgres = environment.acceptsProfiles(Profiles.of("postgres"));
        String key = environment.getProperty("kb.test.database-key");
        Map<String, Object> properties;
        if (key != null) {
            properties = SHARED.computeIfAbsent(key, k -> create(environment, postgres, true));
        } else {
            properties = create(environment, postgres, false);
            if (postgres) {
                String database = (String) properties.get("kb.test.database-name");
                ((DefaultListableBeanFactory) context.getBeanFactory()).registerDisposableBean(
                        "isolatedDatabaseDropper", () -> PostgresAdmin.from(environment).drop(database));
            }
        }
        String opensearch = environment.getProperty(OpenSearchNode.URL_PROPERTY);
        if (opensearch != null) {
            // One node serves every context of the run: each context's indexes carry its database's name.
            OpenSearchNode.awaitReady(opensearch);
            String prefix = properties.get("kb.test.database-name") + "-";
            properties = new HashMap<>(properties);
            properties.put("kb.search.index-prefix", prefix);
            if (key == null) {
                ((DefaultListableBeanFactory) context.getBeanFactory()).registerDisposableBean(
                        "isolatedIndexesDropper", () -> OpenSearchNode.deleteIndexes(opensearch, prefix));
            }
        }
        environment.getPropertySources().addFirst(new MapPropertySource("isolatedDatabase", properties));
        Map<String, Object> defaults = testDefaults();
        environment.getPropertySources().addLast(new MapPropertySource("testDefaults", defaults));
    }

    /** Known keys for tests, and limits no test reaches unless it sets its own. */
    public static Map<String, Object> testDefaults() {
        Map<String, Object> defaults = new HashMap<>();
        defaults.put("kb.api-keys", TestKeys.CONFIGURED);
        defaults.put("kb.api-key-label-secret", TestKeys.LABEL_SECRET);
        defaults.put("kb.rate-limit.writes-per-key", 1_000_000);
        defaults.put("kb.rate-limit.writes-per-address", 1_000_000);
        defaults.put("kb.rate-limit.expensive-reads-per-key", 1_000_000);
        defaults.put("kb.rate-limit.expensive-reads-per-address", 1_000_000);
        // Many contexts live at once in a test run: small pools keep them within the server's connection limit.
        defaults.put("spring.datasource.hikari.maximum-pool-size", 5);
        defaults.put("spring.datasource.hikari.minimum-idle", 1);
        return defaults;
    }

    private static Map<String, Object> create(ConfigurableEnvironment environment, boolean postgres, boolean dropAtExit) {
        String name = "kb_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        Map<String, Object> properties = new HashMap<>();
        properties.put("kb.test.database-name", name);
        Path dataDir = temporaryDirectory(name);
        properties.put("kb.data-dir", dataDir.toString());
        if (postgres) {
            PostgresAdmin admin = PostgresAdmin.from(environment);
            admin.create(name);
            if (dropAtExit) {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> admin.drop(name)));
            }
            properties.put("spring.datasource.url", admin.urlOf(name));
            properties.put("spring.datasource.username", admin.user());
            properties.put("spring.datasource.password", admin.password());
        } else if (dropAtExit) {
            // Shared by several contexts in turn, as a restarted application shares its file database.
            properties.put("spring.datasource.url", "jdbc:h2:file:" + dataDir.resolve("findings-kb") + ";WRITE_DELAY=0");
        } else {
            properties.put("spring.datasource.url", "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        }
        return properties;
    }

    /** A new temporary directory, deleted when the test JVM exits if it is empty by then. */
    public static Path temporaryDirectory(String name) {
        try {
            Path dir = Files.createTempDirectory(name);
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates and drops test databases on the PostgreSQL server the {@code postgres} profile points at. */
    public record PostgresAdmin(String adminUrl, String user, String password) {

        public static PostgresAdmin from(ConfigurableEnvironment environment) {
            return new PostgresAdmin(
                    environment.getProperty("kb.test.postgres.admin-url", "jdbc:postgresql://127.0.0.1:5432/postgres"),
                    environment.getProperty("spring.datasource.username", "postgres"),
                    environment.getProperty("spring.datasource.password", ""));
        }

        public String urlOf(String database) {
            int slash = adminUrl.lastIndexOf('/');
            int query = adminUrl.indexOf('?', slash);
            return adminUrl.substring(0, slash + 1) + database + (query < 0 ? "" : adminUrl.substring(query));
        }

        public void create(String database) {
            execute("CREATE DATABASE " + database);
        }

        public void drop(String database) {
            execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }

        private void execute(String sql) {
            try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
                    Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException("PostgreSQL at " + adminUrl + " refused: " + sql, e);
            }
        }
    }
}
