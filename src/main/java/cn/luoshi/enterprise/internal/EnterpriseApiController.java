package cn.luoshi.enterprise.internal;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;

import cn.luoshi.common.web.PageResponse;
import cn.luoshi.common.web.Paging;
import cn.luoshi.enterprise.Enterprise;
import cn.luoshi.enterprise.EnterpriseDraft;
import cn.luoshi.enterprise.EnterpriseFigures;
import cn.luoshi.enterprise.EnterpriseFilter;
import cn.luoshi.enterprise.Enterprises;
import cn.luoshi.enterprise.RevenueTiers;
import cn.luoshi.org.LuoshiUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The enterprise register over HTTP; every answer is limited to the caller's scope. */
@RestController
@RequestMapping("/api/v1/enterprises")
class EnterpriseApiController {

    private static final String MAINTAINERS = "hasAnyRole('SUPERVISOR', 'STATISTICIAN', 'UNIT_HANDLER', 'UNIT_HEAD')";

    private final Enterprises enterprises;

    EnterpriseApiController(Enterprises enterprises) {
        this.enterprises = enterprises;
    }

    @GetMapping
    PageResponse<Enterprise> list(@AuthenticationPrincipal LuoshiUser me, @RequestParam(required = false) String q,
                                  @RequestParam(required = false) Long unit,
                                  @RequestParam(required = false) String industry,
                                  @RequestParam(required = false) Boolean aboveScale,
                                  @RequestParam(required = false) Boolean specialised,
                                  @RequestParam(required = false) Boolean listed,
                                  @RequestParam(required = false) Integer page,
                                  @RequestParam(required = false) Integer size) {
        return enterprises.list(new EnterpriseFilter(q, unit, industry, aboveScale, specialised, listed),
                Paging.of(page, size), me);
    }

    @GetMapping("/{id}")
    Enterprise get(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id) {
        return enterprises.get(id, me);
    }

    /**
     * @param creditCode 统一社会信用代码; a wrong check character is refused with a field error
     */
    record EnterpriseRequest(String creditCode, String name, String industryCode, Long regionId, Long parkId,
                             Long competentUnitId, Boolean aboveScale, Boolean specialised, Boolean listed,
                             BigDecimal landMu, Integer version) {
        EnterpriseDraft draft() {
            return new EnterpriseDraft(creditCode, name, industryCode, regionId, parkId, competentUnitId,
                    Boolean.TRUE.equals(aboveScale), Boolean.TRUE.equals(specialised), Boolean.TRUE.equals(listed),
                    landMu);
        }
    }

    @PostMapping
    @PreAuthorize(MAINTAINERS)
    ResponseEntity<Enterprise> register(@AuthenticationPrincipal LuoshiUser me, @RequestBody EnterpriseRequest r) {
        Enterprise created = enterprises.register(r.draft(), me);
        return ResponseEntity.created(URI.create("/api/v1/enterprises/" + created.id())).body(created);
    }

    @PutMapping("/{id}")
    @PreAuthorize(MAINTAINERS)
    Enterprise update(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id,
                      @RequestBody EnterpriseRequest r) {
        return enterprises.update(id, r.draft(), r.version() == null ? -1 : r.version(), me);
    }

    @GetMapping("/{id}/figures")
    List<EnterpriseFigures> figures(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id) {
        return enterprises.figures(id, me);
    }

    record FiguresRequest(BigDecimal revenue, BigDecimal tax, BigDecimal valueAdded, BigDecimal energyTce,
                          BigDecimal rdSpending, Integer employees, BigDecimal emissionsT) {
    }

    @PutMapping("/{id}/figures/{year}")
    @PreAuthorize(MAINTAINERS)
    EnterpriseFigures saveFigures(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id,
                                  @PathVariable int year, @Valid @NotNull @RequestBody FiguresRequest r) {
        return enterprises.saveFigures(id, new EnterpriseFigures(year, r.revenue(), r.tax(), r.valueAdded(),
                r.energyTce(), r.rdSpending(), r.employees(), r.emissionsT()), me);
    }

    @GetMapping("/revenue-tiers")
    RevenueTiers revenueTiers(@AuthenticationPrincipal LuoshiUser me, @RequestParam(required = false) Long unit,
                              @RequestParam(required = false) Integer year) {
        return enterprises.revenueTiers(unit, year, me);
    }
}
