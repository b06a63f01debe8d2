package cn.luoshi.enterprise;

import java.util.Optional;

import cn.luoshi.enterprise.internal.PerMuStandingQuery;
import cn.luoshi.org.LuoshiUser;
import org.springframework.stereotype.Service;

/** The per-mu evaluation's read for overviews such as the leader cockpit. */
@Service
public class PerMuOverview {

    private final PerMuStandingQuery query;

    PerMuOverview(PerMuStandingQuery query) {
        this.query = query;
    }

    /**
     * The latest published run of a region in the reader's scope (the region nearest the scope's root first), with
     * its grades by park; empty when none was published or for an enterprise account.
     */
    public Optional<PerMuStanding> latestPublished(LuoshiUser me) {
        if (me.scope().isEnterprise()) {
            return Optional.empty();
        }
        return query.latestPublished(me.scope());
    }
}
