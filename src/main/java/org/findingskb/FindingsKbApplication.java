package org.findingskb;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class FindingsKbApplication {

    public static void main(String[] args) {
        SpringApplication.run(FindingsKbApplication.class, args);
    }
}
