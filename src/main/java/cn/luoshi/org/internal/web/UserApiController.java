package cn.luoshi.org.internal.web;

import java.net.URI;
import java.util.Set;

import cn.luoshi.common.web.PageResponse;
import cn.luoshi.common.web.Paging;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.NewUser;
import cn.luoshi.org.Role;
import cn.luoshi.org.UserAccount;
import cn.luoshi.org.UserAccounts;
import cn.luoshi.org.UserChanges;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** User administration; administrators see and manage the accounts within their own scope only. */
@RestController
@RequestMapping("/api/v1/users")
@PreAuthorize("hasRole('ADMIN')")
class UserApiController {

    private final UserAccounts accounts;

    UserApiController(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    PageResponse<UserAccount> list(@AuthenticationPrincipal LuoshiUser me, @RequestParam(required = false) String q,
                                   @RequestParam(required = false) Role role,
                                   @RequestParam(required = false) Long unit,
                                   @RequestParam(required = false) Integer page,
                                   @RequestParam(required = false) Integer size) {
        return accounts.list(me.scope(), q, role, unit, Paging.of(page, size));
    }

    @GetMapping("/{id}")
    UserAccount get(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id) {
        return accounts.get(id, me.scope());
    }

    record CreateRequest(@NotBlank String username, @NotBlank String displayName, @NotBlank String password,
                         Long unitId, Long scopeUnitId, @NotEmpty Set<Role> roles, String creditCode, String phone) {
    }

    @PostMapping
    ResponseEntity<UserAccount> create(@AuthenticationPrincipal LuoshiUser me,
                                       @Valid @RequestBody CreateRequest r) {
        UserAccount created = accounts.create(new NewUser(r.username(), r.displayName(), r.password(), r.unitId(),
                r.scopeUnitId(), r.roles(), r.creditCode(), r.phone()), me);
        return ResponseEntity.created(URI.create("/api/v1/users/" + created.id())).body(created);
    }

    record UpdateRequest(@NotBlank String displayName, Long unitId, Long scopeUnitId, @NotEmpty Set<Role> roles,
                         String creditCode, String phone, Boolean enabled, @NotNull Integer version) {
    }

    @PutMapping("/{id}")
    UserAccount update(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id,
                       @Valid @RequestBody UpdateRequest r) {
        return accounts.update(id, new UserChanges(r.displayName(), r.unitId(), r.scopeUnitId(), r.roles(),
                r.creditCode(), r.phone(), r.enabled() == null || r.enabled(), r.version()), me);
    }

    record PasswordRequest(@NotBlank String password) {
    }

    @PostMapping("/{id}/password")
    ResponseEntity<Void> resetPassword(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id,
                                       @Valid @RequestBody PasswordRequest r) {
        accounts.resetPassword(id, r.password(), me);
        return ResponseEntity.noContent().build();
    }
}
