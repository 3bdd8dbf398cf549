package io.flightdeck.campaigns.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.campaigns.CampaignSnapshot;
import io.flightdeck.campaigns.CheckedItem;
import io.flightdeck.campaigns.ReadinessCheck;
import io.flightdeck.campaigns.ReadinessItems;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * {@link ReadinessItems}, remembered for the rest of a GET (or HEAD) request in one of its attributes. A request that
 * may write asks the checks each time: what it wrote may change the items between two asks. In the web layer because
 * it reads the request; the domain's readiness asks for the items through the interface.
 */
@Component
class ReadinessItemsMemo implements ReadinessItems {

    static final String ATTRIBUTE = ReadinessItemsMemo.class.getName();

    /** Looked up when asked, not at construction: the checks of other modules read campaigns. */
    private final ObjectProvider<ReadinessCheck> checks;

    ReadinessItemsMemo(ObjectProvider<ReadinessCheck> checks) {
        this.checks = checks;
    }

    @Override
    public List<CheckedItem> of(CampaignSnapshot campaign) {
        Map<UUID, List<CheckedItem>> memo = memo();
        if (memo == null) {
            return ask(campaign);
        }
        List<CheckedItem> items = memo.get(campaign.id());
        if (items == null) {
            // not computeIfAbsent: a check may itself ask for another campaign's items
            items = ask(campaign);
            memo.put(campaign.id(), items);
        }
        return items;
    }

    private List<CheckedItem> ask(CampaignSnapshot campaign) {
        List<CheckedItem> items = new ArrayList<>();
        checks.orderedStream().forEach(check -> check.check(campaign)
                .forEach(item -> items.add(new CheckedItem(item, check))));
        return List.copyOf(items);
    }

    /** The current GET request's memo, made on first use; null outside a request or in one that may write. */
    @SuppressWarnings("unchecked")
    private static Map<UUID, List<CheckedItem>> memo() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return null;
        }
        HttpServletRequest request = attributes.getRequest();
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            return null;
        }
        Object memo = attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (memo == null) {
            memo = new HashMap<UUID, List<CheckedItem>>();
            attributes.setAttribute(ATTRIBUTE, memo, RequestAttributes.SCOPE_REQUEST);
        }
        return (Map<UUID, List<CheckedItem>>) memo;
    }
}
