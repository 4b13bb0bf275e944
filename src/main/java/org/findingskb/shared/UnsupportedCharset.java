package org.findingskb.shared;

import java.util.Map;

import org.springframework.http.HttpStatus;

/** A body in a character encoding other than UTF-8, which is all this API reads. */
public class UnsupportedCharset extends ApiException {

    private UnsupportedCharset(String charset) {
        super(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported Media Type",
                "Bodies must be UTF-8; this one declares charset " + charset + ".", Map.of("charset", charset));
    }

    public static UnsupportedCharset of(String charset) {
        return new UnsupportedCharset(charset);
    }
}
