package cn.luoshi.indicator.internal.imports;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.luoshi.org.OrgUnit;

/**
 * The org units an import may write to (the importer's data scope), found by code or by name. A unit outside the
 * scope is simply not found, so the report never tells whether it exists.
 */
final class UnitLookup {

    enum Outcome { FOUND, UNKNOWN, AMBIGUOUS }

    record Match(Outcome outcome, Long unitId) {
    }

    private static final Match UNKNOWN = new Match(Outcome.UNKNOWN, null);
    private static final Match AMBIGUOUS = new Match(Outcome.AMBIGUOUS, null);

    private final Map<String, Long> byCode = new HashMap<>();
    private final Map<String, Long> byName = new HashMap<>();
    private final Map<String, Match> cache = new HashMap<>();

    UnitLookup(List<OrgUnit> writable) {
        for (OrgUnit unit : writable) {
            if (unit.code() != null) {
                byCode.put(unit.code().strip(), unit.id());
            }
            String name = normalise(unit.name());
            // A name shared by two units in scope cannot tell them apart: the code must be used.
            byName.merge(name, unit.id(), (a, b) -> -1L);
        }
    }

    Match find(String text) {
        if (text == null || text.isBlank()) {
            return UNKNOWN;
        }
        return cache.computeIfAbsent(text, this::lookup);
    }

    private Match lookup(String text) {
        String key = normalise(text);
        Long id = byCode.get(key);
        if (id == null) {
            id = byName.get(key);
        }
        if (id == null) {
            return UNKNOWN;
        }
        return id < 0 ? AMBIGUOUS : new Match(Outcome.FOUND, id);
    }

    private static String normalise(String text) {
        String n = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(n.length());
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (!Character.isWhitespace(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
