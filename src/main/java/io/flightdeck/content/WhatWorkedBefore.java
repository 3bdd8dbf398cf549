package io.flightdeck.content;

import java.util.UUID;

/**
 * What worked in the workspace's past campaigns, for a strategy drafted for one of its campaigns; guidance implements
 * it, so every draft (the page's, the API's, guidance's own) is written from the same facts without content depending
 * on guidance. With no implementation, drafts are written from the campaign alone.
 */
public interface WhatWorkedBefore {

    /** What worked before the campaign, in the current workspace; {@link PastResults#none()} when nothing did yet. */
    PastResults forCampaign(UUID campaignId);
}
