package org.keephope.signature;

import java.util.List;
import java.util.Map;

/**
 * The signing part of a campaign page: the count and progress, and the form with what the supporter typed
 * and the errors beside the fields (message texts, already in the reader's language).
 */
public record SignPanel(
        String campaignSlug,
        boolean open,
        Tally tally,
        Integer goal,
        SignForm form,
        Map<String, String> errors,
        List<Countries.Country> countries,
        String notice) {

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }

    public String error(String field) {
        return errors.get(field);
    }

    public String countryName(String code) {
        return countries.stream()
                .filter(c -> c.code().equals(code))
                .map(Countries.Country::name)
                .findFirst()
                .orElse(code);
    }
}
