package org.findingskb.curation;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The application on a random port in the curation test context (its own database, so writes never change the
 * seeded knowledge base that read tests count), with a curation client for it. A subclass may name another test
 * context with a @SpringBootTest of its own: the nearest one applies.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "kb.test.context=curation")
abstract class CuratingOverHttp {

    static final String MERGE_PATCH = "application/merge-patch+json";

    @LocalServerPort
    int port;

    CurationClient api;

    @BeforeEach
    void client() {
        api = new CurationClient(port);
    }
}
