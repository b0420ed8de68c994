package dev.seatkeeper.webhooks;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which URLs an endpoint may have (contract, "Endpoint API"): {@code https://}, or {@code http://} to a loopback host
 * (or anywhere with {@code SEATKEEPER_WEBHOOK_ALLOW_HTTP}); and never a host that resolves to a private, link-local,
 * unspecified or multicast address unless {@code SEATKEEPER_WEBHOOK_ALLOW_PRIVATE} (SSRF: the service must not become
 * a probe of its own network). The address rule is checked when the URL is set and again before every attempt, so
 * that a DNS change cannot turn an endpoint inward later. Loopback is allowed: a receiver on the same machine is the
 * merchant's own choice, and it is what local set-ups use.
 */
final class EndpointAddresses {
    private final boolean allowHttp;
    private final boolean allowPrivate;

    EndpointAddresses(WebhookSettings settings) {
        this(settings.allowHttp(), settings.allowPrivate());
    }

    EndpointAddresses(boolean allowHttp, boolean allowPrivate) {
        this.allowHttp = allowHttp;
        this.allowPrivate = allowPrivate;
    }

    /** Why {@code url} cannot be an endpoint's URL, in a sentence for a 422's {@code msg}; empty when it can. */
    Optional<String> problem(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("Input should be a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            return Optional.of("Input should be a valid URL with an http or https scheme and a host");
        }
        if (scheme.equals("http") && !allowHttp && !isLoopbackName(uri.getHost())) {
            return Optional.of("URL scheme should be 'https' (http is allowed for loopback hosts only)");
        }
        return unreachable(uri.getHost());
    }

    /**
     * Why the host must not be posted to now, or empty when it may: it does not resolve, or (without
     * {@code SEATKEEPER_WEBHOOK_ALLOW_PRIVATE}) one of its addresses is private, link-local, unspecified or multicast.
     */
    Optional<String> unreachable(String host) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(stripBrackets(host));
        } catch (UnknownHostException e) {
            return Optional.of("The URL's host does not resolve");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        for (InetAddress address : addresses) {
            if (isInternal(address)) {
                return Optional.of("The URL's host resolves to a private or link-local address ("
                        + address.getHostAddress() + ")");
            }
        }
        return Optional.empty();
    }

    /** Site-local (10/8, 172.16/12, 192.168/16), unique local (fc00::/7), link-local, unspecified, multicast. */
    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        boolean uniqueLocal = b.length == 16 && (b[0] & 0xfe) == 0xfc;
        boolean sharedAddressSpace = b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
        return address.isSiteLocalAddress()
                || address.isLinkLocalAddress()
                || address.isAnyLocalAddress()
                || address.isMulticastAddress()
                || uniqueLocal
                || sharedAddressSpace;
    }

    private static boolean isLoopbackName(String host) {
        String h = stripBrackets(host).toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        try {
            // A literal address only: a name is not resolved here, so that a name cannot pass as loopback by DNS.
            return (Character.digit(h.charAt(0), 16) >= 0 || h.contains(":"))
                    && InetAddress.getByName(h).isLoopbackAddress()
                    && h.matches("[0-9a-f:.]+");
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
