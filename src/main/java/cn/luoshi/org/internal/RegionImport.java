package cn.luoshi.org.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.luoshi.common.error.DomainException;
import cn.luoshi.common.events.AuditRecord;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.OrgUnit;
import cn.luoshi.org.OrgUnitKind;
import cn.luoshi.org.OrgUnits;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports the GB/T 2260 region hierarchy of a province (bundled, 2023 statistical edition). Matching is by code, so
 * importing twice changes nothing and a renamed county is renamed, never duplicated. All or nothing.
 */
@Service
public class RegionImport {

    private static final String TABLE = "reference/gbt2260-2023.tsv";

    /** One row of the reference table. */
    public record Region(String code, String name, String parentCode) {
    }

    /** What an import did. */
    public record Report(String province, int created, int renamed, int unchanged) {
    }

    private final OrgUnits units;
    private final OrgUnitRepository repository;
    private final ApplicationEventPublisher events;
    private volatile List<Region> table;

    RegionImport(OrgUnits units, OrgUnitRepository repository, ApplicationEventPublisher events) {
        this.units = units;
        this.repository = repository;
        this.events = events;
    }

    public List<Region> provinces() {
        return table().stream().filter(r -> r.parentCode() == null).toList();
    }

    @Transactional
    public Report importProvince(String provinceCode, Long parentId, LuoshiUser actor) {
        String code = provinceCode.strip();
        if (code.length() == 2) {
            code = code + "0000";
        }
        String wanted = code;
        Region province = provinces().stream().filter(p -> p.code().equals(wanted)).findFirst()
                .orElseThrow(() -> DomainException.invalid("org.error.unknownProvince", provinceCode));
        OrgUnit parent = parentId == null ? null : units.getVisible(parentId, actor.scope());
        if (parent == null && !actor.scope().global()) {
            throw DomainException.forbidden("org.error.rootOnlyGlobal");
        }
        List<Region> rows = new ArrayList<>();
        rows.add(province);
        for (Region r : table()) {
            if (r.parentCode() != null && r.code().startsWith(code.substring(0, 2))) {
                rows.add(r);
            }
        }
        int created = 0;
        int renamed = 0;
        int unchanged = 0;
        Map<String, OrgUnit> byCode = new LinkedHashMap<>();
        int order = 0;
        // Rows come parents first (province, cities, counties), so each parent exists before its children.
        for (Region region : rows) {
            Optional<OrgUnit> existing = repository.findByCode(region.code());
            OrgUnit unit;
            if (existing.isPresent()) {
                unit = existing.get();
                if (!unit.name().equals(region.name())) {
                    repository.rename(unit.id(), region.name(), unit.code(), unit.version());
                    renamed++;
                } else {
                    unchanged++;
                }
            } else {
                OrgUnit regionParent = region.parentCode() == null ? parent : byCode.get(region.parentCode());
                if (regionParent == null && region.parentCode() != null) {
                    regionParent = repository.findByCode(region.parentCode()).orElseThrow();
                }
                unit = repository.insert(regionParent, region.code(), region.name(), OrgUnitKind.REGION, order);
                created++;
            }
            order++;
            byCode.put(region.code(), unit);
        }
        Report report = new Report(province.name(), created, renamed, unchanged);
        OrgUnit root = byCode.get(code);
        events.publishEvent(new AuditRecord("org.regions.imported", "OrgUnit", String.valueOf(root.id()), root.id(),
                "导入行政区划「" + province.name() + "」：新建 " + created + "，更名 " + renamed, null, report));
        return report;
    }

    private List<Region> table() {
        if (table == null) {
            List<Region> rows = new ArrayList<>();
            try (var reader = new BufferedReader(new InputStreamReader(new ClassPathResource(TABLE).getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String[] cells = line.split("\t", -1);
                    rows.add(new Region(cells[0], cells[1], cells[2].isEmpty() ? null : cells[2]));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            table = List.copyOf(rows);
        }
        return table;
    }
}
