package io.flightdeck.campaigns;

/**
 * How a template's parts, or a cloned campaign's, are given to the new campaign.
 *
 * @param approvalsStartOver request the approvals the configuration names again at once (true), or copy the
 *                           configuration and leave requesting to people (false); approvals given are never copied
 * @param copyAssets         copy assets into the new campaign's spaces (true) or link the same files (false)
 */
public record TemplateCopy(boolean approvalsStartOver, boolean copyAssets) {

    public static final TemplateCopy DEFAULT = new TemplateCopy(false, false);
}
