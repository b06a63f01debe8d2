package cn.luoshi.indicator.internal.web;

import java.util.List;
import java.util.Locale;

import cn.luoshi.common.error.DomainException;
import cn.luoshi.common.error.FieldProblem;
import cn.luoshi.indicator.ObservationKind;
import cn.luoshi.indicator.Period;
import cn.luoshi.indicator.RankBy;
import cn.luoshi.org.OrgUnit;
import cn.luoshi.org.OrgUnits;
import org.springframework.stereotype.Component;

/**
 * Reads the query parameters of the statistics API and pages: a unit by its id or its code (990100), a period in
 * any form {@link Period#read} knows, kinds and ranking bases in any case ({@code by=growth}).
 */
@Component
class Params {

    private final OrgUnits units;

    Params(OrgUnits units) {
        this.units = units;
    }

    /** The unit id a parameter names (code first: codes such as 990100 are what users type), or null when blank. */
    Long unit(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        var byCode = units.findByCode(value);
        if (byCode.isPresent()) {
            return byCode.get().id();
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            List<OrgUnit> named = units.findByName(value);
            if (named.size() == 1) {
                return named.get(0).id();
            }
            throw DomainException.invalidFields(List.of(new FieldProblem(field, "indicator.error.badUnit", value)));
        }
    }

    Long requiredUnit(String text, String field) {
        Long id = unit(text, field);
        if (id == null) {
            throw DomainException.invalidFields(List.of(new FieldProblem(field, "validation.NotNull")));
        }
        return id;
    }

    static Period period(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return Period.read(text).map(Period.Reading::period).orElseThrow(() -> DomainException.invalidFields(
                List.of(new FieldProblem(field, "indicator.import.problem.badPeriod", text))));
    }

    static Period requiredPeriod(String text, String field) {
        Period period = period(text, field);
        if (period == null) {
            throw DomainException.invalidFields(List.of(new FieldProblem(field, "validation.NotNull")));
        }
        return period;
    }

    static ObservationKind kind(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return ObservationKind.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalidFields(List.of(new FieldProblem("kind", "validation.typeMismatch", "",
                    text)));
        }
    }

    static RankBy by(String text) {
        if (text == null || text.isBlank()) {
            return RankBy.VALUE;
        }
        try {
            return RankBy.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalidFields(List.of(new FieldProblem("by", "validation.typeMismatch", "",
                    text)));
        }
    }
}
