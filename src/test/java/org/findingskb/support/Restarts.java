package org.findingskb.support;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import org.findingskb.FindingsKbApplication;

/** Starts the application without a web server on the database of a key, so that a test can stop and start it again. */
public final class Restarts {

    private Restarts() {
    }

    public static ConfigurableApplicationContext start(String databaseKey) {
        return new SpringApplicationBuilder(FindingsKbApplication.class)
                .web(WebApplicationType.NONE)
                .properties("kb.test.database-key=" + databaseKey, "spring.main.banner-mode=off")
                .run();
    }
}
