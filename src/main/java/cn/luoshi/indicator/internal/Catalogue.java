package cn.luoshi.indicator.internal;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import cn.luoshi.indicator.Indicator;

/**
 * An immutable snapshot of the indicator catalogue with its lookups: by id, by code and by any name a table or a
 * speech may use (Chinese name, alias, code; width, spaces, quotes and case do not matter).
 */
public final class Catalogue {

    private final List<Indicator> indicators;
    private final Map<Integer, Indicator> byId = new HashMap<>();
    private final Map<String, Indicator> byCode = new HashMap<>();
    private final Map<String, Indicator> byName = new HashMap<>();
    private final Map<Integer, Formula> formulas = new HashMap<>();

    public Catalogue(List<Indicator> indicators) {
        this.indicators = List.copyOf(indicators);
        for (Indicator i : indicators) {
            byId.put(i.id(), i);
            byCode.put(i.code().toUpperCase(Locale.ROOT), i);
        }
        // Codes first, then Chinese names, then aliases: a more specific meaning wins a clash.
        for (Indicator i : indicators) {
            byName.putIfAbsent(normalise(i.code()), i);
        }
        for (Indicator i : indicators) {
            byName.putIfAbsent(normalise(i.nameZh()), i);
        }
        for (Indicator i : indicators) {
            i.aliases().forEach(alias -> byName.putIfAbsent(normalise(alias), i));
            if (i.derived()) {
                try {
                    formulas.put(i.id(), Formula.parse(i.formula()));
                } catch (IllegalArgumentException e) {
                    // validated on save; an unreadable formula simply yields no values
                }
            }
        }
    }

    public List<Indicator> all() {
        return indicators;
    }

    public Optional<Indicator> byId(int id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Optional<Indicator> byCode(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code.strip().toUpperCase(Locale.ROOT)));
    }

    /** By code, Chinese name or alias; a trailing unit in brackets ("地区生产总值（亿元）") is ignored. */
    public Optional<Indicator> byName(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String key = normalise(text);
        Indicator found = byName.get(key);
        if (found == null) {
            String bare = withoutBracketedSuffix(key);
            if (!bare.equals(key)) {
                found = byName.get(bare);
            }
        }
        return Optional.ofNullable(found);
    }

    /** The formula of a derived indicator (null for a stored one). */
    public Formula formula(Indicator indicator) {
        return formulas.get(indicator.id());
    }

    /** Lookup key: NFKC (full-width to half-width), no spaces or quotes, upper case. */
    public static String normalise(String text) {
        String n = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(n.length());
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (Character.isWhitespace(c) || c == '"' || c == '\'' || c == '“' || c == '”' || c == '「' || c == '」'
                    || c == '‘' || c == '’') {
                continue;
            }
            out.append(Character.toUpperCase(c));
        }
        return out.toString();
    }

    /** "地区生产总值(亿元)" → "地区生产总值"; the bracketed part is returned by {@link #bracketedSuffix}. */
    public static String withoutBracketedSuffix(String text) {
        int open = text.lastIndexOf('(');
        return open > 0 && text.endsWith(")") ? text.substring(0, open) : text;
    }

    public static String bracketedSuffix(String text) {
        String n = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        int open = n.lastIndexOf('(');
        return open > 0 && n.endsWith(")") ? n.substring(open + 1, n.length() - 1).strip() : null;
    }

    /** Indicators by code, for formulas that read their inputs by code. */
    public Map<String, Indicator> codes() {
        return new LinkedHashMap<>(byCode);
    }
}
