package cn.luoshi.enterprise;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** An objection as the run's page lists it, with what the reader may do to it now ({@code allowedActions}). */
public record PerMuObjectionView(@JsonUnwrapped PerMuObjection objection, List<String> allowedActions) {

    public boolean can(String action) {
        return allowedActions.contains(action);
    }
}
