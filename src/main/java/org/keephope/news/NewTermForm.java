package org.keephope.news;

/** What was typed into a create form for a category or region, kept when it comes back with errors. */
public record NewTermForm(String kind, String slug, String nameEn, String nameRu) {

    public String value(String field) {
        return switch (field) {
            case "slug" -> slug;
            case "nameEn" -> nameEn;
            case "nameRu" -> nameRu;
            default -> "";
        };
    }
}
