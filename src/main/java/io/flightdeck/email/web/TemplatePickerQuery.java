package io.flightdeck.email.web;

/** What the editor's pickers show: each one's search words and page, kept in the editor's address. */
record TemplatePickerQuery(String creativeQuery, Integer creativePage, String imageQuery, Integer imagePage) {

    static final TemplatePickerQuery NONE = new TemplatePickerQuery("", 0, "", 0);

    public TemplatePickerQuery {
        creativeQuery = creativeQuery == null ? "" : creativeQuery;
        imageQuery = imageQuery == null ? "" : imageQuery;
        creativePage = creativePage == null || creativePage < 0 ? 0 : creativePage;
        imagePage = imagePage == null || imagePage < 0 ? 0 : imagePage;
    }
}
