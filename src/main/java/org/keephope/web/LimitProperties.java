package org.keephope.web;

import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The request limiters' own settings, under {@code keephope.limits.*} ({@code KEEPHOPE_LIMITS_*}); the
 * per-client numbers themselves stay with the module they protect ({@code keephope.signing.*},
 * {@code keephope.account.*}).
 *
 * @param maxKeys most clients (or email addresses) one limiter remembers; beyond it the least useful entries
 *     are forgotten, so an attacker sending from many addresses cannot fill the memory
 * @param sharedClientAddresses addresses that many people share ({@code KEEPHOPE_SHARED_CLIENT_ADDRESSES}):
 *     a Tor onion service sees every visitor as 127.0.0.1. From these the per-client limits give way to the
 *     two limits below, for all who come from the address together
 * @param sharedSignRequestsPerHour sign requests per hour from one shared address, all its visitors together
 * @param sharedSignInFailuresPerWindow failed staff sign-ins from one shared address per window (the
 *     account's lock duration), all its visitors together
 */
@Validated
@ConfigurationProperties(prefix = "keephope.limits")
public record LimitProperties(
        @DefaultValue("100000") @Min(100) int maxKeys,
        @DefaultValue List<String> sharedClientAddresses,
        @DefaultValue("1000") @Min(1) int sharedSignRequestsPerHour,
        @DefaultValue("100") @Min(1) int sharedSignInFailuresPerWindow) {

    public LimitProperties {
        sharedClientAddresses = sharedClientAddresses.stream()
                .map(String::strip)
                .filter(a -> !a.isEmpty())
                .toList();
        for (String address : sharedClientAddresses) {
            if (ClientAddress.literal(address).isEmpty()) {
                throw new IllegalArgumentException("keephope.limits.shared-client-addresses: '" + address
                        + "' is not an IP address (list addresses, such as 127.0.0.1,::1)");
            }
        }
    }
}
