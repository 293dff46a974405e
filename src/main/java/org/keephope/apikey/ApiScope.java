package org.keephope.apikey;

import java.util.Arrays;
import java.util.Optional;

/** What a key may do. Names as sent and documented ({@code read:signatures}). */
public enum ApiScope {
    READ_CAMPAIGNS("read:campaigns"),
    READ_COUNTS("read:counts"),
    READ_SIGNATURES("read:signatures"),
    WRITE_SIGNATURES("write:signatures");

    private final String scopeName;

    ApiScope(String scopeName) {
        this.scopeName = scopeName;
    }

    /** The documented name, e.g. {@code read:signatures}. */
    public String scopeName() {
        return scopeName;
    }

    /** Whether using this scope shows or changes supporters' personal data (each use is audited). */
    public boolean personalData() {
        return this == READ_SIGNATURES || this == WRITE_SIGNATURES;
    }

    public static Optional<ApiScope> byName(String name) {
        return Arrays.stream(values()).filter(s -> s.scopeName.equals(name)).findFirst();
    }
}
