package cn.luoshi.project;

import java.math.BigDecimal;

/**
 * What is filled in to register a project (also the fields of an edit).
 *
 * @param code                 left blank, a code is given (XM + year + number)
 * @param enterpriseCreditCode the enterprise building it, if any; it must be in the enterprise register
 * @param source               where the project was named (a speech), or null
 */
public record NewProject(String code, String name, ProjectCategory category, String programme,
                         String enterpriseCreditCode, Long parkId, Long leadUnitId, Long locationUnitId,
                         String leaderInCharge, String location, BigDecimal totalInvestment, Integer startYear,
                         Integer endYear, ProjectStage stage, ProjectSource source) {

    /** A project named in a speech: name, category and lead unit, the rest filled in later. */
    public static NewProject named(String name, ProjectCategory category, String programme, long leadUnitId,
                                   int year, ProjectSource source) {
        return new NewProject(null, name, category, programme, null, null, leadUnitId, null, null, null,
                BigDecimal.ZERO, year, year, ProjectStage.PREPARATION, source);
    }
}
