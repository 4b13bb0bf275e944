package org.findingskb.backup;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import org.findingskb.FindingsKbApplication;
import org.findingskb.support.Http;
import org.findingskb.support.IsolatedDatabaseInitializer;
import org.findingskb.support.IsolatedDatabaseInitializer.PostgresAdmin;

/**
 * The whole application on a database the test chooses, H2 or PostgreSQL, whatever the build's profile: the
 * settings go in under the name IsolatedDatabaseInitializer looks for, so it leaves them alone.
 */
final class RunningApplication implements AutoCloseable {

    enum Backend {
        H2, POSTGRESQL
    }

    private final ConfigurableApplicationContext context;
    private final Runnable dropDatabase;

    private RunningApplication(ConfigurableApplicationContext context, Runnable dropDatabase) {
        this.context = context;
        this.dropDatabase = dropDatabase;
    }

    /** A new, empty database of {@code backend}; {@code settings} add to or override the defaults. */
    static RunningApplication start(Backend backend, Map<String, Object> settings) {
        String name = "kb_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        Path dataDir = IsolatedDatabaseInitializer.temporaryDirectory(name);
        Map<String, Object> properties = new HashMap<>(IsolatedDatabaseInitializer.testDefaults());
        properties.put("kb.data-dir", dataDir.toString());
        properties.put("server.port", 0);
        Runnable drop = () -> { };
        if (backend == Backend.POSTGRESQL) {
            PostgresAdmin admin = PostgresAdmin.from(new StandardEnvironment());
            admin.create(name);
            drop = () -> admin.drop(name);
            properties.put("spring.datasource.url", admin.urlOf(name));
            properties.put("spring.datasource.username", admin.user());
            properties.put("spring.datasource.password", admin.password());
        } else {
            properties.put("spring.datasource.url", "jdbc:h2:file:" + dataDir.resolve("findings-kb") + ";WRITE_DELAY=0");
            properties.put("spring.datasource.username", "sa");
            properties.put("spring.datasource.password", "");
        }
        properties.putAll(settings);
        try {
            ConfigurableApplicationContext context = new SpringApplicationBuilder(FindingsKbApplication.class)
                    .initializers(new Settings(properties))
                    .run();
            return new RunningApplication(context, drop);
        } catch (RuntimeException e) {
            drop.run();
            throw e;
        }
    }

    Http http() {
        return new Http(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    boolean isRunning() {
        return context.isActive();
    }

    int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Override
    public void close() {
        try {
            context.close();
        } finally {
            dropDatabase.run();
        }
    }

    /** First of all initializers, so IsolatedDatabaseInitializer finds its property source present and steps aside. */
    private record Settings(Map<String, Object> properties)
            implements ApplicationContextInitializer<ConfigurableApplicationContext>, Ordered {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("isolatedDatabase", properties));
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }
}
