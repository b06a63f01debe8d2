package cn.luoshi.project;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** A problem on a project's page: the problem and what the reader may do to it now ({@code allowedActions}). */
public record ProjectProblemView(@JsonUnwrapped ProjectProblem problem, List<String> allowedActions) {

    public boolean can(String action) {
        return allowedActions.contains(action);
    }
}
