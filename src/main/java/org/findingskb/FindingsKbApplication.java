package org.findingskb;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;

// API keys are the only credentials: no user store, hence no generated password to confuse operators.
@ConfigurationPropertiesScan
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
public class FindingsKbApplication {

    public static void main(String[] args) {
        SpringApplication.run(FindingsKbApplication.class, args);
    }
}
