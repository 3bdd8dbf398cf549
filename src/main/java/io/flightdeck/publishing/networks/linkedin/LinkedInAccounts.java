package io.flightdeck.publishing.networks.linkedin;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.flightdeck.campaigns.Channel;
import io.flightdeck.publishing.channels.ChannelException;
import io.flightdeck.publishing.channels.ChannelException.Kind;
import io.flightdeck.publishing.channels.NetworkAccount;

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

    /** {@code GET /v2/userinfo}: the member's id ({@code sub}) and name. */
    record UserInfo(String sub, String name) {
    }

    /** {@code GET /rest/organizationAcls?q=roleAssignee}: one page of the member's roles. */
    record Roles(List<Role> elements) {

        Roles {
            elements = elements == null ? List.of() : elements;
        }
    }

    record Role(String role, String organization) {
    }

    /** {@code GET /rest/organizations?ids=List(...)}: the pages by id; one LinkedIn would not describe is absent. */
    record Pages(Map<String, Page> results) {

        Pages {
            results = results == null ? Map.of() : results;
        }
    }

    record Page(String localizedName, String vanityName) {
    }

    private final LinkedInApi api;

    LinkedInAccounts(LinkedInApi api) {
        this.api = api;
    }

    List<NetworkAccount> of(String token) {
        UserInfo me = api.getUnversioned("/v2/userinfo", token, UserInfo.class);
        String sub = me == null || me.sub() == null ? "" : me.sub();
        if (sub.isBlank()) {
            throw new ChannelException(Kind.REFUSED, "member-unknown", "LinkedIn did not say whose token this is: "
                    + "the LinkedIn app needs the product Sign In with LinkedIn using OpenID Connect (scopes openid "
                    + "and profile).");
        }
        List<NetworkAccount> accounts = new ArrayList<>();
        accounts.add(new NetworkAccount(PERSON + sub, me.name() != null ? me.name() : sub, null, "member",
                Channel.LINKEDIN));
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
        Pages pages = api.get("/rest/organizations?ids=List(" + String.join(",", ids) + ")", token, Pages.class);
        Map<String, Page> results = pages == null ? Map.of() : pages.results();
        List<NetworkAccount> accounts = new ArrayList<>();
        for (String id : ids) {
            // a page LinkedIn would not describe (statuses/errors of the batch) is still one the member may post as
            Page page = results.getOrDefault(id, new Page(null, null));
            String vanity = page.vanityName() == null ? "" : page.vanityName();
            accounts.add(new NetworkAccount(ORGANIZATION + id, page.localizedName() != null ? page.localizedName()
                    : "LinkedIn page " + id, vanity.isBlank() ? null : vanity, "organization", Channel.LINKEDIN));
        }
        return accounts;
    }

    private Set<String> postableOrganizationIds(String token) {
        Set<String> ids = new LinkedHashSet<>();
        for (int start = 0; start < PAGE * MAX_PAGES; start += PAGE) {
            Roles roles = api.get("/rest/organizationAcls?q=roleAssignee&state=APPROVED&start=" + start + "&count="
                    + PAGE, token, Roles.class);
            List<Role> elements = roles == null ? List.of() : roles.elements();
            for (Role acl : elements) {
                String organization = acl.organization() == null ? "" : acl.organization();
                if (acl.role() != null && POSTING_ROLES.contains(acl.role()) && organization.startsWith(ORGANIZATION)) {
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
