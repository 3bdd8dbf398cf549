package io.flightdeck.publishing.networks.linkedin;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.flightdeck.campaigns.Channel;
import io.flightdeck.publishing.ChannelException;
import io.flightdeck.publishing.ChannelException.Kind;
import io.flightdeck.publishing.NetworkAccount;
import tools.jackson.databind.JsonNode;

/**
 * Who a fresh token can post as: the member (OpenID Connect's userinfo) and the pages they may post for (their
 * approved organization roles, then the pages' names in one batch get).
 */
class LinkedInAccounts {

    static final String PERSON = "urn:li:person:";
    static final String ORGANIZATION = "urn:li:organization:";
    /**
     * The page roles that may post as the page (w_organization_social): a page's social media manager is often a
     * content administrator rather than a full administrator, and should see the page too.
     */
    static final Set<String> POSTING_ROLES = Set.of("ADMINISTRATOR", "CONTENT_ADMINISTRATOR");
    private static final int PAGE = 100;
    private static final int MAX_PAGES = 10;

    private final LinkedInApi api;

    LinkedInAccounts(LinkedInApi api) {
        this.api = api;
    }

    List<NetworkAccount> of(String token) {
        JsonNode me = api.read(api.unversioned("/v2/userinfo", token).GET().build()).body();
        String sub = me.path("sub").asString("");
        if (sub.isBlank()) {
            throw new ChannelException(Kind.REFUSED, "member-unknown", "LinkedIn did not say whose token this is: "
                    + "the LinkedIn app needs the product Sign In with LinkedIn using OpenID Connect (scopes openid "
                    + "and profile).");
        }
        List<NetworkAccount> accounts = new ArrayList<>();
        accounts.add(new NetworkAccount(PERSON + sub, me.path("name").asString(sub), null, "member", Channel.LINKEDIN));
        accounts.addAll(organizations(token));
        return accounts;
    }

    private List<NetworkAccount> organizations(String token) {
        Set<String> ids;
        try {
            ids = postableOrganizationIds(token);
        } catch (ChannelException e) {
            if (LinkedInApi.PERMISSION_MISSING.equals(e.code())) {
                // a member who granted only the member scopes, or an app without Community Management
                return List.of();
            }
            throw e;
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        JsonNode results = api.read(api.rest("/rest/organizations?ids=List(" + String.join(",", ids) + ")", token)
                .GET().build()).body().path("results");
        List<NetworkAccount> pages = new ArrayList<>();
        for (String id : ids) {
            // a page LinkedIn would not describe (statuses/errors of the batch) is still one the member may post as
            JsonNode page = results.path(id);
            String vanity = page.path("vanityName").asString("");
            pages.add(new NetworkAccount(ORGANIZATION + id, page.path("localizedName").asString("LinkedIn page " + id),
                    vanity.isBlank() ? null : vanity, "organization", Channel.LINKEDIN));
        }
        return pages;
    }

    private Set<String> postableOrganizationIds(String token) {
        Set<String> ids = new LinkedHashSet<>();
        for (int start = 0; start < PAGE * MAX_PAGES; start += PAGE) {
            JsonNode elements = api.read(api.rest("/rest/organizationAcls?q=roleAssignee&state=APPROVED&start=" + start
                    + "&count=" + PAGE, token).GET().build()).body().path("elements");
            for (JsonNode acl : elements) {
                String organization = acl.path("organization").asString("");
                if (POSTING_ROLES.contains(acl.path("role").asString("")) && organization.startsWith(ORGANIZATION)) {
                    ids.add(organization.substring(ORGANIZATION.length()));
                }
            }
            if (elements.size() < PAGE) {
                break;
            }
        }
        return ids;
    }
}
