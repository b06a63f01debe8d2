package cn.luoshi.enterprise.internal;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;

import cn.luoshi.common.web.PageResponse;
import cn.luoshi.common.web.Paging;
import cn.luoshi.enterprise.PerMuEvaluations;
import cn.luoshi.enterprise.PerMuGrading;
import cn.luoshi.enterprise.PerMuInputs;
import cn.luoshi.enterprise.PerMuObjection;
import cn.luoshi.enterprise.PerMuObjectionView;
import cn.luoshi.enterprise.PerMuResult;
import cn.luoshi.enterprise.PerMuRule;
import cn.luoshi.enterprise.PerMuRuleDraft;
import cn.luoshi.enterprise.PerMuRun;
import cn.luoshi.org.LuoshiUser;
import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The per-mu evaluation over HTTP: rules, runs, results with their explanation, publication and objections. */
@RestController
@RequestMapping("/api/v1/per-mu")
class PerMuApiController {

    private final PerMuEvaluations evaluations;

    PerMuApiController(PerMuEvaluations evaluations) {
        this.evaluations = evaluations;
    }

    @GetMapping("/rules")
    List<PerMuRule> rules(@AuthenticationPrincipal LuoshiUser me) {
        return evaluations.rules(me);
    }

    @GetMapping("/rules/{id}")
    PerMuRule rule(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id) {
        return evaluations.rule(id, me);
    }

    record RuleRequest(@JsonAlias("region") Long regionId, Integer year, String name, PerMuGrading grading,
                       BigDecimal cutA, BigDecimal cutB, BigDecimal cutC, List<PerMuRule.Weighting> indicators) {
    }

    @PostMapping("/rules")
    ResponseEntity<PerMuRule> writeRule(@AuthenticationPrincipal LuoshiUser me, @RequestBody RuleRequest r) {
        PerMuRule rule = evaluations.writeRule(new PerMuRuleDraft(r.regionId(), r.year(), r.name(), r.grading(),
                r.cutA(), r.cutB(), r.cutC(), r.indicators()), me);
        return ResponseEntity.created(URI.create("/api/v1/per-mu/rules/" + rule.id())).body(rule);
    }

    @GetMapping("/runs")
    PageResponse<PerMuRun> runs(@AuthenticationPrincipal LuoshiUser me, @RequestParam(required = false) Integer year,
                                @RequestParam(required = false) Integer page,
                                @RequestParam(required = false) Integer size) {
        return evaluations.runs(year, Paging.of(page, size), me);
    }

    record RunRequest(@NotNull @JsonAlias("region") Long regionId, Integer year,
                      @NotNull @JsonAlias("rule") Long ruleId) {
    }

    @PostMapping("/runs")
    ResponseEntity<PerMuRun> start(@AuthenticationPrincipal LuoshiUser me, @Valid @RequestBody RunRequest r) {
        PerMuRun run = evaluations.start(r.regionId(), r.year(), r.ruleId(), me);
        return ResponseEntity.created(URI.create("/api/v1/per-mu/runs/" + run.id())).body(run);
    }

    /** A run with what the reader may do on its objections ({@code objectionActions}: FILE). */
    record PerMuRunDetail(@JsonUnwrapped PerMuRun run, List<String> objectionActions) {
    }

    @GetMapping("/runs/{id}")
    PerMuRunDetail run(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id) {
        return new PerMuRunDetail(evaluations.run(id, me), evaluations.objectionActions(id, me));
    }

    @GetMapping("/runs/{id}/grades")
    Map<String, Long> grades(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id) {
        return evaluations.gradeDistribution(id, me);
    }

    @GetMapping("/runs/{id}/results")
    PageResponse<PerMuResult> results(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id,
                                      @RequestParam(required = false) Long park,
                                      @RequestParam(required = false) String grade,
                                      @RequestParam(required = false) String q,
                                      @RequestParam(required = false) Integer page,
                                      @RequestParam(required = false) Integer size) {
        return evaluations.results(id, park, grade, q, Paging.of(page, size), me);
    }

    @GetMapping("/runs/{id}/results/{enterpriseId}")
    PerMuResult result(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id,
                       @PathVariable long enterpriseId) {
        return evaluations.result(id, enterpriseId, me);
    }

    @PostMapping("/runs/{id}/recompute")
    PerMuRun recompute(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id) {
        return evaluations.recompute(id, me);
    }

    record VersionRequest(@NotNull Integer version) {
    }

    @PostMapping("/runs/{id}/publish")
    PerMuRun publish(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id,
                     @Valid @RequestBody VersionRequest r) {
        return evaluations.publish(id, r.version(), me);
    }

    @DeleteMapping("/runs/{id}")
    ResponseEntity<Void> discard(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id) {
        evaluations.discard(id, me);
        return ResponseEntity.noContent().build();
    }

    /** The objections, each with what the reader may do to it now ({@code allowedActions}: RESCORE, REJECT). */
    @GetMapping("/runs/{id}/objections")
    List<PerMuObjectionView> objections(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id) {
        return evaluations.objectionViews(id, me);
    }

    /** Corrected inputs: any field left out keeps the value the run used. */
    record Corrections(BigDecimal landMu, BigDecimal revenue, BigDecimal tax, BigDecimal valueAdded,
                       BigDecimal energyTce, BigDecimal rdSpending, Integer employees, BigDecimal emissionsT) {
        PerMuInputs inputs() {
            return new PerMuInputs(landMu, revenue, tax, valueAdded, energyTce, rdSpending, employees, emissionsT);
        }
    }

    record ObjectionRequest(String reason, Corrections corrections) {
    }

    @PostMapping("/runs/{id}/objections")
    ResponseEntity<PerMuObjection> object(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id,
                                          @RequestBody ObjectionRequest r) {
        PerMuObjection objection = evaluations.fileObjection(id, r.reason(),
                r.corrections() == null ? null : r.corrections().inputs(), me);
        return ResponseEntity.created(URI.create("/api/v1/per-mu/runs/" + id + "/objections")).body(objection);
    }

    record DecisionRequest(Corrections corrections, String note, @NotNull Integer version) {
    }

    @PostMapping("/objections/{id}/rescore")
    PerMuObjection rescore(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id,
                           @Valid @RequestBody DecisionRequest r) {
        return evaluations.rescore(id, r.corrections() == null ? null : r.corrections().inputs(), r.note(),
                r.version(), me);
    }

    @PostMapping("/objections/{id}/reject")
    PerMuObjection reject(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id,
                          @Valid @RequestBody DecisionRequest r) {
        return evaluations.reject(id, r.note(), r.version(), me);
    }
}
