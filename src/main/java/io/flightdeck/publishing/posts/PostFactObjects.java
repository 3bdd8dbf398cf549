package io.flightdeck.publishing.posts;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flightdeck.analytics.FactObjects;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Names the posts behind analytics' facts ({@link PostFacts}): the channel and the text's start, linked to its preview. */
@Component
class PostFactObjects implements FactObjects {

    private static final int SHOWN = 60;

    private final ChannelPostRepository posts;

    PostFactObjects(ChannelPostRepository posts) {
        this.posts = posts;
    }

    @Override
    public String objectType() {
        return PostFacts.OBJECT_TYPE;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Named> names(Collection<String> objectIds) {
        List<UUID> ids = FactObjects.uuids(objectIds);
        Map<String, Named> names = new HashMap<>();
        for (ChannelPost p : posts.findAllById(ids)) {
            String text = p.getCopy().text() == null ? "" : p.getCopy().text().strip();
            String start = text.length() > SHOWN ? text.substring(0, SHOWN - 1) + "…" : text;
            names.put(p.getId().toString(), new Named(p.getChannel().label() + " post: " + start,
                    "/social/channel-posts/" + p.getId() + "/preview"));
        }
        return names;
    }
}
