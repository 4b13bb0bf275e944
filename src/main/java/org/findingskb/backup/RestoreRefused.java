package org.findingskb.backup;

/** A restore that was not started: the database is not empty, or the file is not a whole export. */
class RestoreRefused extends RuntimeException {

    RestoreRefused(String message) {
        super(message);
    }
}
