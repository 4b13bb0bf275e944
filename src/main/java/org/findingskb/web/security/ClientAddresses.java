package org.findingskb.web.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The address a request comes from, as the rate limits and the log know it. {@code X-Forwarded-For} is believed
 * only from the proxies in {@code kb.http.trusted-proxies}: the client is the nearest address in the header that
 * is not itself a trusted proxy. From any other peer the header is ignored, so a client cannot choose its address.
 */
final class ClientAddresses {

    static final String FORWARDED_FOR = "X-Forwarded-For";
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    private static final String ATTRIBUTE = ClientAddresses.class.getName();

    /** A trusted proxy: an address and how many of its leading bits a peer must share. */
    private record Range(byte[] network, int bits) {

        static Range parse(String text) {
            int slash = text.indexOf('/');
            byte[] address = literal(slash < 0 ? text : text.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("Not an IP address or CIDR range: " + text);
            }
            int bits = slash < 0 ? address.length * 8 : Integer.parseInt(text.substring(slash + 1));
            if (bits < 0 || bits > address.length * 8) {
                throw new IllegalArgumentException("Bad prefix length in " + text);
            }
            return new Range(address, bits);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final Predicate<String> trusted;

    ClientAddresses(List<String> trustedProxies) {
        this.trusted = anyOf(trustedProxies);
    }

    /** Whether an address lies in one of {@code ranges} (addresses or CIDR ranges); never a name lookup. */
    static Predicate<String> anyOf(List<String> ranges) {
        List<Range> parsed = ranges.stream().map(String::strip).filter(r -> !r.isEmpty()).map(Range::parse).toList();
        return address -> {
            byte[] bytes = parsed.isEmpty() || address == null ? null : literal(address);
            return bytes != null && parsed.stream().anyMatch(range -> range.contains(bytes));
        };
    }

    String of(HttpServletRequest request) {
        Object known = request.getAttribute(ATTRIBUTE);
        if (known instanceof String address) {
            return address;
        }
        String address = resolve(request);
        request.setAttribute(ATTRIBUTE, address);
        return address;
    }

    private String resolve(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        if (!isTrusted(peer)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        Enumeration<String> headers = request.getHeaders(FORWARDED_FOR);
        while (headers != null && headers.hasMoreElements()) {
            for (String hop : headers.nextElement().split(",")) {
                hops.add(hop.strip());
            }
        }
        // Right to left: each trusted proxy vouches for the hop before it, until one that is not a trusted proxy.
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (literal(hop) == null) {
                return client;
            }
            client = hop;
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return client;
    }

    private boolean isTrusted(String address) {
        return trusted.test(address);
    }

    /** The address's bytes, or null if it is not an IP literal; never a name lookup. */
    static byte[] literal(String text) {
        if (!IPV4.matcher(text).matches() && !(text.indexOf(':') >= 0 && IPV6.matcher(text).matches())) {
            return null;
        }
        try {
            // A dotted quad or a text with a colon is parsed as a literal by InetAddress, without asking DNS.
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException notALiteral) {
            return null;
        }
    }
}
