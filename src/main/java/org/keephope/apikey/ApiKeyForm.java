package org.keephope.apikey;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The form that makes a key: a name to recognise it by, its scopes, the day it stops working, and (staff
 * screen only, with {@code write:signatures}) whether it may import signatures as already confirmed.
 */
public record ApiKeyForm(
        @NotBlank(message = "apikey.error.name")
        @Size(max = 100, message = "apikey.error.name")
        @Pattern(regexp = "[^\\x00-\\x1F\\x7F]*", message = "apikey.error.name")
        String name,

        @NotEmpty(message = "apikey.error.scopes") List<String> scopes,

        @NotNull(message = "apikey.error.expires") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        LocalDate expiresOn,

        Boolean importConfirmed) {

    public static ApiKeyForm empty(LocalDate defaultExpiry) {
        return new ApiKeyForm("", List.of(), defaultExpiry, false);
    }

    /** The box "may import signatures as already confirmed" (staff screen only); unticked when not sent. */
    public boolean imports() {
        return Boolean.TRUE.equals(importConfirmed);
    }

    public boolean has(ApiScope scope) {
        return scopes != null && scopes.contains(scope.scopeName());
    }
}
