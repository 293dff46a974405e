package org.keephope.web;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a client's address counts as for the request limits. An IPv4 address is one client. An IPv6 address
 * counts by its /64: that is what one subscriber, one home or one server is given, so someone holding a /64
 * must not get 2^64 budgets. Anything that is not an address literal (a forwarded header can say anything)
 * counts as the text it is. Parsing never looks a name up.
 */
final class ClientAddress {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    // a colon and nothing but hex digits, colons and dots: InetAddress parses such text as an IPv6 literal or
    // refuses it, and never asks a name server
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private ClientAddress() {}

    /** The key a limit counts against: {@code v4:} the address, {@code v6:} the /64, else {@code text:}. */
    static String limitKey(String remoteAddress) {
        Optional<InetAddress> address = literal(remoteAddress);
        if (address.isEmpty()) {
            return "text:" + remoteAddress;
        }
        byte[] bytes = address.get().getAddress();
        if (address.get() instanceof Inet4Address) {
            return "v4:" + HexFormat.of().formatHex(bytes);
        }
        return "v6:" + HexFormat.of().formatHex(Arrays.copyOf(bytes, 8)) + "/64";
    }

    /** The whole address, in one form whatever the spelling ({@code ::1} and {@code 0:0:0:0:0:0:0:1}). */
    static Optional<String> exact(String text) {
        return literal(text).map(a -> HexFormat.of().formatHex(a.getAddress()));
    }

    /**
     * An IP address literal, IPv4-mapped IPv6 addresses ({@code ::ffff:192.0.2.1}) as the IPv4 address they
     * carry; empty for anything else.
     */
    static Optional<InetAddress> literal(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String candidate = text.strip();
        if (candidate.startsWith("[") && candidate.endsWith("]")) {
            candidate = candidate.substring(1, candidate.length() - 1);
        }
        int zone = candidate.indexOf('%');
        if (zone >= 0) {
            candidate = candidate.substring(0, zone);
        }
        var v4 = IPV4.matcher(candidate);
        try {
            if (v4.matches()) {
                byte[] bytes = new byte[4];
                for (int i = 0; i < 4; i++) {
                    int octet = Integer.parseInt(v4.group(i + 1));
                    if (octet > 255) {
                        return Optional.empty();
                    }
                    bytes[i] = (byte) octet;
                }
                return Optional.of(InetAddress.getByAddress(bytes));
            }
            if (IPV6.matcher(candidate).matches()) {
                return Optional.of(InetAddress.getByName(candidate));
            }
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
