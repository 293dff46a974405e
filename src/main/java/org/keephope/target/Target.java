package org.keephope.target;

/**
 * A decision maker as the public sees them, in the reader's language where a translation exists: no contact
 * address, ever. {@code country} is ISO 3166-1 alpha-2, or {@code EU}.
 */
public record Target(
        long id,
        String externalId,
        String country,
        String name,
        String title,
        String office,
        String contactUrl,
        String photo,
        boolean active) {

    /** The country's name in a language; the EU is not in ISO 3166-1, so it is named here. */
    public static String countryName(String code, java.util.Locale locale) {
        if ("EU".equals(code)) {
            return "ru".equals(locale.getLanguage()) ? "Европейский союз" : "European Union";
        }
        return new java.util.Locale("", code).getDisplayCountry(locale);
    }

    public String countryName(java.util.Locale locale) {
        return countryName(country, locale);
    }

    /** A photo is shown only when it is one the media module stored on this site. */
    public boolean hasLocalPhoto() {
        return photo != null && photo.startsWith("/media/") && org.keephope.web.LocalPath.isLocal(photo);
    }
}
