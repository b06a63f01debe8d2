package cn.luoshi.project;

import cn.luoshi.org.LuoshiUser;
import cn.luoshi.project.internal.ProjectLights;
import cn.luoshi.project.internal.ProjectStandingQuery;
import org.springframework.stereotype.Service;

/** The project module's read for overviews such as the leader cockpit (see {@link ProjectStanding}). */
@Service
public class ProjectOverview {

    private final ProjectStandingQuery query;
    private final ProjectLights lights;

    ProjectOverview(ProjectStandingQuery query, ProjectLights lights) {
        this.query = query;
        this.lights = lights;
    }

    /** The reader's projects in {@code year}, investment counted through {@code throughMonth} (1–12). */
    public ProjectStanding standing(LuoshiUser me, int year, int throughMonth) {
        // the same lights the list shows today
        lights.refreshStale();
        return query.standing(me.scope(), year, throughMonth);
    }
}
