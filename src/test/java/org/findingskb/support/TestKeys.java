package org.findingskb.support;

/** The API keys every test context accepts (unless a test configures its own). */
public final class TestKeys {

    public static final String CURATOR = "curator-key-for-tests-0001";
    public static final String ADMIN = "admin-key-for-tests-000001";
    /** The secret that key labels are an HMAC with in every test context, so tests can name a key's label. */
    public static final String LABEL_SECRET = "label-secret-for-tests";
    static final String CONFIGURED = "CURATOR:" + CURATOR + ",ADMIN:" + ADMIN;

    private TestKeys() {
    }

    /** Headers that authenticate a request as a curator. */
    public static String[] curator(String... more) {
        return with("Bearer " + CURATOR, more);
    }

    /** Headers that authenticate a request as an admin. */
    public static String[] admin(String... more) {
        return with("Bearer " + ADMIN, more);
    }

    private static String[] with(String authorization, String... more) {
        String[] headers = new String[more.length + 2];
        headers[0] = "Authorization";
        headers[1] = authorization;
        System.arraycopy(more, 0, headers, 2, more.length);
        return headers;
    }
}
