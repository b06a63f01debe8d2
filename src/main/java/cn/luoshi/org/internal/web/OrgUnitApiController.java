package cn.luoshi.org.internal.web;

import java.net.URI;
import java.util.List;

import cn.luoshi.common.web.PageResponse;
import cn.luoshi.common.web.Paging;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.OrgUnit;
import cn.luoshi.org.OrgUnitKind;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.org.internal.RegionImport;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The org hierarchy as JSON; every answer is limited to the caller's data scope. */
@RestController
@RequestMapping("/api/v1/org-units")
class OrgUnitApiController {

    private final OrgUnits units;
    private final RegionImport regions;

    OrgUnitApiController(OrgUnits units, RegionImport regions) {
        this.units = units;
        this.regions = regions;
    }

    record Node(long id, String code, String name, OrgUnitKind kind, boolean active, List<Node> children) {
        static Node of(OrgUnits.OrgUnitNode node) {
            return new Node(node.unit().id(), node.unit().code(), node.unit().name(), node.unit().kind(),
                    node.unit().active(), node.children().stream().map(Node::of).toList());
        }
    }

    /** The visible part of the hierarchy as a forest (normally one root: the user's scope unit). */
    @GetMapping
    List<Node> tree(@AuthenticationPrincipal LuoshiUser me,
                    @RequestParam(defaultValue = "false") boolean includeInactive) {
        return units.tree(me.scope(), includeInactive).stream().map(Node::of).toList();
    }

    /** A flat, paged list with filters, for pickers and scripts. */
    @GetMapping("/search")
    PageResponse<OrgUnit> search(@AuthenticationPrincipal LuoshiUser me, @RequestParam(required = false) String q,
                                 @RequestParam(required = false) OrgUnitKind kind,
                                 @RequestParam(required = false) Integer page,
                                 @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(page, size);
        List<OrgUnit> matching = units.visible(me.scope(), true).stream()
                .filter(u -> kind == null || u.kind() == kind)
                .filter(u -> !StringUtils.hasText(q) || u.name().contains(q.strip())
                        || (u.code() != null && u.code().startsWith(q.strip())))
                .toList();
        int from = (int) Math.min(paging.offset(), matching.size());
        int to = Math.min(from + paging.size(), matching.size());
        return paging.page(matching.subList(from, to), matching.size());
    }

    @GetMapping("/{id}")
    OrgUnit get(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id) {
        return units.getVisible(id, me.scope());
    }

    @GetMapping("/{id}/children")
    PageResponse<OrgUnit> children(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id) {
        units.getVisible(id, me.scope());
        List<OrgUnit> children = units.children(id);
        return new PageResponse<>(children, 0, children.size(), children.size());
    }

    record CreateRequest(Long parentId, @Size(max = 32) String code, @NotBlank @Size(max = 200) String name,
                         @NotNull OrgUnitKind kind, Integer sortOrder) {
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<OrgUnit> create(@AuthenticationPrincipal LuoshiUser me, @Valid @RequestBody CreateRequest request) {
        OrgUnit created = units.create(request.parentId(), request.code(), request.name(), request.kind(),
                request.sortOrder() == null ? 0 : request.sortOrder(), me);
        return ResponseEntity.created(URI.create("/api/v1/org-units/" + created.id())).body(created);
    }

    record RenameRequest(@NotBlank @Size(max = 200) String name, @Size(max = 32) String code,
                         @NotNull Integer version) {
    }

    @PatchMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    OrgUnit rename(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id,
                   @Valid @RequestBody RenameRequest request) {
        return units.rename(id, request.name(), request.code(), request.version(), me);
    }

    record MoveRequest(Long parentId, @NotNull Integer version) {
    }

    @PostMapping("/{id}/move")
    @PreAuthorize("hasRole('ADMIN')")
    OrgUnit move(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id, @Valid @RequestBody MoveRequest request) {
        return units.move(id, request.parentId(), request.version(), me);
    }

    record VersionRequest(@NotNull Integer version) {
    }

    @PostMapping("/{id}/deactivate")
    @PreAuthorize("hasRole('ADMIN')")
    OrgUnit deactivate(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id,
                       @Valid @RequestBody VersionRequest request) {
        return units.deactivate(id, request.version(), me);
    }

    @PostMapping("/{id}/activate")
    @PreAuthorize("hasRole('ADMIN')")
    OrgUnit activate(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id,
                     @Valid @RequestBody VersionRequest request) {
        return units.activate(id, request.version(), me);
    }

    record ImportRequest(@NotBlank String province, Long parentId) {
    }

    /** Imports one province's cities and counties from the bundled GB/T 2260 table. */
    @PostMapping("/import-gbt2260")
    @PreAuthorize("hasRole('ADMIN')")
    RegionImport.Report importRegions(@AuthenticationPrincipal LuoshiUser me,
                                      @Valid @RequestBody ImportRequest request) {
        return regions.importProvince(request.province(), request.parentId(), me);
    }

    @GetMapping("/gbt2260/provinces")
    List<RegionImport.Region> provinces() {
        return regions.provinces();
    }
}
