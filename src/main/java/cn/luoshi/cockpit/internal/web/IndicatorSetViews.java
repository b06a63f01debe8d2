package cn.luoshi.cockpit.internal.web;

import java.util.List;

import cn.luoshi.cockpit.internal.IndicatorSets;
import cn.luoshi.common.error.DomainException;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.OrgUnit;
import cn.luoshi.org.OrgUnits;
import org.springframework.stereotype.Component;

/** A region's indicator set as the API and the form show it. */
@Component
class IndicatorSetViews {

    /** @param source OWN, INHERITED (from {@code inheritedFrom}) or DEFAULT */
    record View(long regionId, String region, List<Item> indicators, String source, String inheritedFrom,
                String sourceText) {
    }

    record Item(String code, String name, String measureUnit) {
    }

    private final IndicatorSets sets;
    private final OrgUnits units;

    IndicatorSetViews(IndicatorSets sets, OrgUnits units) {
        this.sets = sets;
        this.units = units;
    }

    /**
     * The set of a region in the caller's scope, or of the region the caller's cockpit shows (the nearest region at or
     * above the scope's root) when none is named.
     */
    IndicatorSets.IndicatorSet readable(Long regionId, LuoshiUser me) {
        OrgUnit region;
        if (regionId == null) {
            region = sets.cockpitRegion(me)
                    .orElseThrow(() -> DomainException.notFound("org.unit", "-"));
        } else {
            region = units.getVisible(regionId, me.scope());
        }
        if (!region.isRegion()) {
            throw DomainException.invalid("cockpit.error.notARegion", region.name());
        }
        return sets.of(region);
    }

    View view(IndicatorSets.IndicatorSet set) {
        OrgUnit region = units.get(set.regionId());
        String text = sets.sourceText(set);
        return new View(region.id(), region.name(), set.indicators().stream()
                .map(i -> new Item(i.code(), i.nameZh(), i.measureUnit())).toList(), set.source().name(),
                set.inheritedFrom() == null ? null : set.inheritedFrom().name(), text);
    }
}
