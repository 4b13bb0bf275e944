package org.findingskb.peer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The peer of the benchmark: what Spring Data REST gives with no code beyond entities and repositories, over the
 * same tables as Findings KB. Everything is left at its defaults, as a team starting out would leave it. The
 * entities are read-only, so they hold public fields that Hibernate fills and Jackson writes, without accessors.
 */
@SpringBootApplication
public class PeerApplication {

    public static void main(String[] args) {
        SpringApplication.run(PeerApplication.class, args);
    }
}
