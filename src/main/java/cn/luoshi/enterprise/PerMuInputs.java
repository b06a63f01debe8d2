package cn.luoshi.enterprise;

import java.math.BigDecimal;

/**
 * What one enterprise's per-mu score is computed from: its land and its figures for the evaluated year. A run keeps
 * these with each result, so a published score can be explained from exactly what it was computed on.
 */
public record PerMuInputs(BigDecimal landMu, BigDecimal revenue, BigDecimal tax, BigDecimal valueAdded,
                          BigDecimal energyTce, BigDecimal rdSpending, Integer employees, BigDecimal emissionsT) {

    public static PerMuInputs of(BigDecimal landMu, EnterpriseFigures figures) {
        if (figures == null) {
            return new PerMuInputs(landMu, null, null, null, null, null, null, null);
        }
        return new PerMuInputs(landMu, figures.revenue(), figures.tax(), figures.valueAdded(), figures.energyTce(),
                figures.rdSpending(), figures.employees(), figures.emissionsT());
    }

    public boolean hasLand() {
        return landMu != null && landMu.signum() > 0;
    }

    public boolean hasAnyFigure() {
        return revenue != null || tax != null || valueAdded != null || energyTce != null || rdSpending != null
                || employees != null || emissionsT != null;
    }

    /** These inputs with every non-null value of {@code corrections} put in place of the old one. */
    public PerMuInputs correctedBy(PerMuInputs corrections) {
        if (corrections == null) {
            return this;
        }
        return new PerMuInputs(pick(corrections.landMu, landMu), pick(corrections.revenue, revenue),
                pick(corrections.tax, tax), pick(corrections.valueAdded, valueAdded),
                pick(corrections.energyTce, energyTce), pick(corrections.rdSpending, rdSpending),
                pick(corrections.employees, employees), pick(corrections.emissionsT, emissionsT));
    }

    private static <T> T pick(T corrected, T old) {
        return corrected != null ? corrected : old;
    }
}
