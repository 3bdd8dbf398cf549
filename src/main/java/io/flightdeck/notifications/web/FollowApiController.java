package io.flightdeck.notifications.web;

import java.util.UUID;

import io.flightdeck.notifications.domain.Follows;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Following a campaign: any member, a viewer included, follows for themselves; a viewer-ceiling key only reads. */
@RestController
@RequestMapping("/api/v1/campaigns/{id}/follow")
@Tag(name = "Notifications")
class FollowApiController {

    private final Follows follows;

    FollowApiController(Follows follows) {
        this.follows = follows;
    }

    @Operation(summary = "Whether the member follows the campaign, and how many members do")
    @GetMapping
    Follows.FollowState state(@PathVariable UUID id) {
        return follows.state(id);
    }

    @Operation(summary = "Follow the campaign: hear of its launch, pauses, posts, renders, strategy and plan, as its "
            + "owner does (following twice is following)")
    @PutMapping
    Follows.FollowState follow(@PathVariable UUID id) {
        return follows.follow(id);
    }

    @Operation(summary = "Stop following the campaign")
    @DeleteMapping
    Follows.FollowState unfollow(@PathVariable UUID id) {
        return follows.unfollow(id);
    }
}
