package io.flightdeck.identity.web;

import java.util.UUID;

import io.flightdeck.identity.domain.MemberView;
import io.flightdeck.identity.domain.Members;
import io.flightdeck.shared.PageResponse;
import io.flightdeck.shared.Paging;
import io.flightdeck.shared.security.Role;
import io.flightdeck.shared.web.ETags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/members")
@Tag(name = "Members")
class MembersApiController {

    private final Members members;

    MembersApiController(Members members) {
        this.members = members;
    }

    @Operation(summary = "Members of the current workspace, by name, paged")
    @GetMapping
    PageResponse<MemberView> list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return PageResponse.of(members.page(Paging.of(page, size, Sort.by("user.displayName", "id"))), m -> m);
    }

    @Operation(summary = "One member; its ETag is what If-Match takes on a role change")
    @GetMapping("/{id}")
    ResponseEntity<MemberView> get(@PathVariable UUID id) {
        MemberView member = members.get(id);
        return ResponseEntity.ok().eTag(ETags.of(member.version())).body(member);
    }

    record RoleChange(@NotNull Role role) {
    }

    @Operation(summary = "Change a member's role (admins; only owners grant or take away ownership)")
    @PatchMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<MemberView> changeRole(@PathVariable UUID id, @Valid @RequestBody RoleChange change,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        MemberView member = members.changeRole(id, change.role(), ETags.expectedVersion(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(member.version())).body(member);
    }

    @Operation(summary = "Remove a member (admins; the last owner cannot be removed)")
    @ApiResponse(responseCode = "204", description = "Removed from the workspace")
    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Void> remove(@PathVariable UUID id) {
        members.remove(id);
        return ResponseEntity.noContent().build();
    }
}
