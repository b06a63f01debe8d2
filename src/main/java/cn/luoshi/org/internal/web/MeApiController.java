package cn.luoshi.org.internal.web;

import java.util.List;

import cn.luoshi.common.web.PageResponse;
import cn.luoshi.org.ApiTokens;
import cn.luoshi.org.DataScope;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.UserAccounts;
import cn.luoshi.org.internal.SignedInSession;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own account: who am I, my password, my API tokens. */
@RestController
@RequestMapping("/api/v1/me")
class MeApiController {

    private final UserAccounts accounts;
    private final ApiTokens tokens;
    private final SignedInSession session;

    MeApiController(UserAccounts accounts, ApiTokens tokens, SignedInSession session) {
        this.session = session;
        this.accounts = accounts;
        this.tokens = tokens;
    }

    /** {@code sessionIdleMinutes}: how long a signed-in browser may sit idle; null for Basic and token callers. */
    record Me(long id, String username, String displayName, Long unitId, String unitName, List<String> roles,
              Scope scope, Integer sessionIdleMinutes) {
    }

    record Scope(Long rootUnitId, boolean global, String creditCode) {
        static Scope of(DataScope scope) {
            return new Scope(scope.rootUnitId(), scope.global(), scope.creditCode());
        }
    }

    @GetMapping
    Me me(@AuthenticationPrincipal LuoshiUser me, HttpServletRequest request) {
        HttpSession signedIn = request.getHeader("Authorization") == null ? request.getSession(false) : null;
        return new Me(me.id(), me.getUsername(), me.displayName(), me.unitId(), me.unitName(), me.roleNames(),
                Scope.of(me.scope()), signedIn == null ? null : signedIn.getMaxInactiveInterval() / 60);
    }

    record PasswordChange(@NotBlank String currentPassword, @NotBlank String newPassword) {
    }

    @PostMapping("/password")
    ResponseEntity<Void> changePassword(@AuthenticationPrincipal LuoshiUser me,
                                        @Valid @RequestBody PasswordChange change, HttpServletRequest request,
                                        HttpServletResponse response) {
        int stamp = accounts.changeOwnPassword(me, change.currentPassword(), change.newPassword());
        session.renew(me.withCredentialsVersion(stamp), request, response);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/tokens")
    PageResponse<ApiTokens.TokenInfo> tokens(@AuthenticationPrincipal LuoshiUser me) {
        List<ApiTokens.TokenInfo> all = tokens.list(me);
        return new PageResponse<>(all, 0, all.size(), all.size());
    }

    record TokenRequest(@NotBlank String name, Integer validDays) {
    }

    @PostMapping("/tokens")
    ResponseEntity<ApiTokens.IssuedToken> issue(@AuthenticationPrincipal LuoshiUser me,
                                                @Valid @RequestBody TokenRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(tokens.issue(me, request.name(), request.validDays()));
    }

    @DeleteMapping("/tokens/{id}")
    ResponseEntity<Void> revoke(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id) {
        tokens.revoke(me, id);
        return ResponseEntity.noContent().build();
    }
}
