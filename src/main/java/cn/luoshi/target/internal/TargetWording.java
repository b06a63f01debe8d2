package cn.luoshi.target.internal;

import java.math.BigDecimal;

import cn.luoshi.indicator.ChineseNumbers;
import cn.luoshi.indicator.Indicator;
import cn.luoshi.indicator.RankBy;

/** A target as a speech says it: "到2026年地区生产总值突破2300亿元", "2026年规模以上工业增加值增长7.5%". */
public final class TargetWording {

    private TargetWording() {
    }

    public static String of(TargetRepository.Row row, Indicator indicator, String area) {
        boolean multiYear = row.baseYear() != null && row.baseYear() < row.year() - 1;
        String when = multiYear ? "到" + row.year() + "年" : row.year() + "年";
        String name = indicator.nameZh();
        String value = row.value() == null ? "X" : plain(row.value());
        String unit = indicator.measureUnit();
        String growthWord = row.measure() == RankBy.GROWTH ? "增速" : "";
        return switch (row.comparator()) {
            case REACH -> when + name + "达到" + value + unit;
            case EXCEED -> when + name + "突破" + value + unit;
            case GROWTH -> multiYear ? (row.baseYear() + 1) + "—" + row.year() + "年" + name + "年均增长" + value + "%"
                    : when + name + "增长" + value + "%";
            case DOUBLE -> when + name + "比" + (row.baseYear() == null ? row.year() - 1 : row.baseYear())
                    + "年翻一番";
            case TOP_N -> when + name + growthWord + "进入" + area + "前"
                    + (row.value() == null ? "X" : ChineseNumbers.of(row.value().intValue())) + "名";
            case ABOVE_AVERAGE -> when + name + growthWord + "高于" + area + "平均水平";
        };
    }

    static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
