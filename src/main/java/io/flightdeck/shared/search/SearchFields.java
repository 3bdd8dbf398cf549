package io.flightdeck.shared.search;

/** The names of the common fields {@link SearchableBinder} adds to every searchable index. */
public final class SearchFields {

    // prefixed, so that they never collide with an index's own fields (the asset index has its own "type" and "tags")
    public static final String TYPE = "searchType";
    public static final String ID = "searchId";
    public static final String TITLE = "searchTitle";
    public static final String TEXT = "searchText";
    public static final String STATUS = "searchStatus";
    public static final String OWNER = "searchOwner";
    public static final String TAGS = "searchTags";
    public static final String CHANNELS = "searchChannels";
    public static final String DATE = "searchDate";
    public static final String CAMPAIGN = "searchCampaign";
    public static final String LINK = "searchLink";
    public static final String HIDDEN = "searchHidden";
    public static final String PRIVATE_TO = "searchPrivateTo";

    private SearchFields() {
    }
}
