package cn.luoshi.org;

import cn.luoshi.common.db.Rows;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import cn.luoshi.common.error.DomainException;
import cn.luoshi.common.error.FieldProblem;
import cn.luoshi.common.events.AuditRecord;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Personal API tokens: shown once at creation, stored only as a SHA-256 hash, revocable, optionally expiring.
 */
@Service
public class ApiTokens {

    public static final String PREFIX = "lsh_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ApiTokens(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    /** A token as listed to its owner: never the secret itself. */
    public record TokenInfo(long id, String name, String prefix, OffsetDateTime createdAt, OffsetDateTime expiresAt,
                            OffsetDateTime lastUsedAt, OffsetDateTime revokedAt) {
        public boolean usable(OffsetDateTime now) {
            return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
        }
    }

    /** The secret, returned once. */
    public record IssuedToken(long id, String name, String token, OffsetDateTime expiresAt) {
    }

    @Transactional
    public IssuedToken issue(LuoshiUser owner, String name, Integer validDays) {
        if (!StringUtils.hasText(name) || name.strip().length() > 100) {
            throw DomainException.invalidFields(List.of(new FieldProblem("name", "validation.NotBlank")));
        }
        if (validDays != null && (validDays < 1 || validDays > 3650)) {
            throw DomainException.invalidFields(List.of(new FieldProblem("validDays", "org.error.tokenDays")));
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime expires = validDays == null ? null : now.plusDays(validDays);
        long id = jdbc.sql("""
                        insert into api_token (user_id, name, prefix, token_hash, created_at, expires_at)
                        values (?, ?, ?, ?, ?, ?) returning id""")
                .params(owner.id(), name.strip(), token.substring(0, 10), hash(token), now, expires)
                .query(Long.class).single();
        events.publishEvent(new AuditRecord("org.token.issued", "ApiToken", String.valueOf(id), owner.unitId(),
                "用户「" + owner.getUsername() + "」创建 API 令牌「" + name.strip() + "」", null, null));
        return new IssuedToken(id, name.strip(), token, expires);
    }

    public List<TokenInfo> list(LuoshiUser owner) {
        return jdbc.sql("""
                        select id, name, prefix, created_at, expires_at, last_used_at, revoked_at from api_token
                        where user_id = ? order by created_at desc""")
                .param(owner.id())
                .query((rs, n) -> new TokenInfo(rs.getLong(1), rs.getString(2), rs.getString(3),
                        Rows.time(rs, 4), Rows.time(rs, 5),
                        Rows.time(rs, 6), Rows.time(rs, 7)))
                .list();
    }

    @Transactional
    public void revoke(LuoshiUser owner, long tokenId) {
        int changed = jdbc.sql("update api_token set revoked_at = ? where id = ? and user_id = ? and revoked_at is null")
                .params(OffsetDateTime.now(clock), tokenId, owner.id()).update();
        if (changed == 0) {
            throw DomainException.notFound("org.token", tokenId);
        }
        events.publishEvent(new AuditRecord("org.token.revoked", "ApiToken", String.valueOf(tokenId),
                owner.unitId(), "用户「" + owner.getUsername() + "」吊销 API 令牌", null, null));
    }

    /** The owner's username if the token is valid now; marks its use at most once a minute. */
    public Optional<String> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        var owner = jdbc.sql("""
                        select t.id, u.username from api_token t join app_user u on u.id = t.user_id
                        where t.token_hash = ? and t.revoked_at is null and (t.expires_at is null or t.expires_at > ?)
                          and u.enabled""")
                .params(hash(token), now)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).optional();
        owner.ifPresent(row -> jdbc.sql("""
                        update api_token set last_used_at = ? where id = ?
                          and (last_used_at is null or last_used_at < ?)""")
                .params(now, row[0], now.minusMinutes(1)).update());
        return owner.map(row -> (String) row[1]);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
