package cn.luoshi.org.internal.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import cn.luoshi.common.backup.BackupTaken;
import cn.luoshi.common.backup.Backups;
import cn.luoshi.common.error.DomainException;
import cn.luoshi.org.LuoshiUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Backups of the whole installation, for administrators of everything only: a backup holds every unit's records,
 * so an administrator of one district may not take one. Operators call it from the command line, e.g.
 * {@code curl -u admin:… -X POST http://localhost:8080/api/v1/admin/backups}.
 */
@RestController
@RequestMapping("/api/v1/admin/backups")
@PreAuthorize("hasRole('ADMIN')")
class BackupApiController {

    private final Backups backups;

    BackupApiController(Backups backups) {
        this.backups = backups;
    }

    @PostMapping
    ResponseEntity<BackupTaken> create(@AuthenticationPrincipal LuoshiUser me) {
        requireGlobal(me);
        BackupTaken taken = backups.create();
        return ResponseEntity.created(URI.create("/api/v1/admin/backups/" + taken.name())).body(taken);
    }

    @GetMapping
    List<BackupTaken> list(@AuthenticationPrincipal LuoshiUser me) throws IOException {
        requireGlobal(me);
        return backups.list();
    }

    private static void requireGlobal(LuoshiUser me) {
        if (me == null || !me.scope().global()) {
            throw DomainException.forbidden("backup.error.globalAdminOnly");
        }
    }
}
