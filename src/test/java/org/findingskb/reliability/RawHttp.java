package org.findingskb.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A raw HTTP/1.1 client over a socket: sends exactly the bytes it is given (malformed request lines, paths,
 * headers and chunked bodies that java.net.http refuses to send) and reads the first response.
 */
final class RawHttp {

    /** The first response on the connection; {@code status} is -1 when the server closed it without answering. */
    record Response(int status, Map<String, String> headers, byte[] body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private RawHttp() {
    }

    static Response send(int port, byte[] request, boolean halfClose) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
                if (halfClose) {
                    socket.shutdownOutput();
                }
            } catch (IOException e) {
                // The server may close the connection before reading everything (e.g. after a 400 or 413).
            }
            return read(socket.getInputStream());
        }
    }

    private static Response read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int headEnd = -1;
        Map<String, String> headers = new LinkedHashMap<>();
        int status = -1;
        long contentLength = -1;
        boolean chunked = false;
        try {
            int n;
            while ((n = in.read(buffer)) > 0) {
                all.write(buffer, 0, n);
                byte[] bytes = all.toByteArray();
                if (headEnd < 0) {
                    headEnd = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    if (headEnd >= 0) {
                        String[] lines = new String(bytes, 0, headEnd, StandardCharsets.ISO_8859_1).split("\r\n");
                        String[] statusLine = lines[0].split(" ", 3);
                        status = statusLine.length > 1 ? parseInt(statusLine[1]) : -1;
                        for (int i = 1; i < lines.length; i++) {
                            int colon = lines[i].indexOf(':');
                            if (colon > 0) {
                                headers.putIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                                        lines[i].substring(colon + 1).strip());
                            }
                        }
                        chunked = "chunked".equalsIgnoreCase(headers.get("transfer-encoding"));
                        String length = headers.get("content-length");
                        contentLength = length == null ? -1 : Long.parseLong(length);
                        if (status == 304 || status == 204 || (status >= 100 && status < 200)) {
                            contentLength = 0;
                        }
                    }
                }
                if (headEnd >= 0) {
                    int bodyStart = headEnd + 4;
                    if (contentLength >= 0 && bytes.length - bodyStart >= contentLength) {
                        break;
                    }
                    if (chunked && endsWith(bytes, "0\r\n\r\n")) {
                        break;
                    }
                }
            }
        } catch (SocketTimeoutException | java.net.SocketException e) {
            // take what arrived
        }
        if (headEnd < 0) {
            return new Response(-1, headers, all.toByteArray());
        }
        byte[] bytes = all.toByteArray();
        byte[] body = java.util.Arrays.copyOfRange(bytes, headEnd + 4, bytes.length);
        if (chunked) {
            body = dechunk(body);
        } else if (contentLength >= 0 && body.length > contentLength) {
            body = java.util.Arrays.copyOf(body, (int) contentLength);
        }
        return new Response(status, headers, body);
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static byte[] dechunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < body.length) {
            int lineEnd = indexOf(body, "\r\n".getBytes(StandardCharsets.ISO_8859_1), i);
            if (lineEnd < 0) {
                break;
            }
            String sizeText = new String(body, i, lineEnd - i, StandardCharsets.ISO_8859_1).split(";")[0].strip();
            int size;
            try {
                size = Integer.parseInt(sizeText, 16);
            } catch (NumberFormatException e) {
                break;
            }
            if (size == 0) {
                break;
            }
            int start = lineEnd + 2;
            out.write(body, start, Math.min(size, body.length - start));
            i = start + size + 2;
        }
        return out.toByteArray();
    }

    private static boolean endsWith(byte[] bytes, String suffix) {
        byte[] s = suffix.getBytes(StandardCharsets.ISO_8859_1);
        if (bytes.length < s.length) {
            return false;
        }
        for (int i = 0; i < s.length; i++) {
            if (bytes[bytes.length - s.length + i] != s[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] bytes, byte[] needle) {
        return indexOf(bytes, needle, 0);
    }

    private static int indexOf(byte[] bytes, byte[] needle, int from) {
        outer:
        for (int i = from; i <= bytes.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
