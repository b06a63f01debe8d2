package cn.luoshi.cockpit;

import cn.luoshi.cockpit.internal.CockpitAssembly;
import cn.luoshi.org.LuoshiUser;
import org.springframework.stereotype.Service;

/** The leader cockpit's API for other modules and reports: the whole picture of the reader's scope for a month. */
@Service
public class Cockpit {

    private final CockpitAssembly assembly;

    Cockpit(CockpitAssembly assembly) {
        this.assembly = assembly;
    }

    /**
     * @param asOf {@code YYYY-MM}, not later than the latest complete month; null for that month
     */
    public CockpitView picture(LuoshiUser me, String asOf) {
        return assembly.picture(me, asOf);
    }
}
