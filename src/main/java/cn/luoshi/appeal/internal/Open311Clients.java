package cn.luoshi.appeal.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import cn.luoshi.appeal.Open311Client;
import cn.luoshi.common.db.Rows;
import cn.luoshi.common.error.DomainException;
import cn.luoshi.common.error.FieldProblem;
import cn.luoshi.common.events.AuditRecord;
import cn.luoshi.org.LuoshiUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * API keys of Open311 client systems: issued per system, shown once, stored as SHA-256 hashes, revocable. A key
 * lets its system file appeals and read back the appeals it filed, nothing else.
 */
@Service
public class Open311Clients {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Open311Clients(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** The client and its key, which is never shown again. */
    public record Issued(Open311Client client, String apiKey) {
    }

    @Transactional
    public Issued issue(String name, LuoshiUser actor) {
        if (!StringUtils.hasText(name) || name.strip().length() > 100) {
            throw DomainException.invalidFields(List.of(new FieldProblem("name", "appeal.error.clientName")));
        }
        String key = "o311_" + Secrets.newToken(24);
        OffsetDateTime now = OffsetDateTime.now(clock);
        long id = jdbc.sql("""
                        insert into appeal_open311_client (name, key_prefix, key_hash, created_by, created_at)
                        values (?, ?, ?, ?, ?) returning id""")
                .params(name.strip(), key.substring(0, 10), Secrets.hash(key), actor.getUsername(), now)
                .query(Long.class).single();
        Open311Client client = get(id);
        events.publishEvent(new AuditRecord("appeal.open311.issued", "Open311Client", String.valueOf(id), null,
                "为接入系统「" + client.name() + "」签发 Open311 密钥", null, client));
        return new Issued(client, key);
    }

    @Transactional
    public Open311Client revoke(long id, LuoshiUser actor) {
        Open311Client before = get(id);
        jdbc.sql("update appeal_open311_client set revoked_at = ? where id = ? and revoked_at is null")
                .params(OffsetDateTime.now(clock), id).update();
        Open311Client after = get(id);
        events.publishEvent(new AuditRecord("appeal.open311.revoked", "Open311Client", String.valueOf(id), null,
                "吊销接入系统「" + before.name() + "」的 Open311 密钥", before, after));
        return after;
    }

    public List<Open311Client> list() {
        return jdbc.sql("select * from appeal_open311_client order by id").query((rs, n) -> map(rs)).list();
    }

    public Open311Client get(long id) {
        return jdbc.sql("select * from appeal_open311_client where id = ?").param(id).query((rs, n) -> map(rs))
                .optional().orElseThrow(() -> DomainException.notFound("appeal.client", id));
    }

    /** The active client holding this key. */
    public Optional<Open311Client> authenticate(String apiKey) {
        if (!StringUtils.hasText(apiKey) || apiKey.length() > 200) {
            return Optional.empty();
        }
        return jdbc.sql("select * from appeal_open311_client where key_hash = ? and revoked_at is null")
                .param(Secrets.hash(apiKey.strip())).query((rs, n) -> map(rs)).optional();
    }

    private static Open311Client map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Open311Client(rs.getLong("id"), rs.getString("name"), rs.getString("key_prefix"),
                rs.getString("created_by"), Rows.time(rs, "created_at"), Rows.time(rs, "revoked_at"));
    }
}
