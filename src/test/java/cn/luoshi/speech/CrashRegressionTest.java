package cn.luoshi.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Ordinary sentences that once crashed the extractor, with what an office reads in them. Every input that ever made
 * the extractor throw, found by hand, by the property tests or by the fuzz command, stays here.
 */
class CrashRegressionTest {

    private static SpeechExtraction extract(String text) {
        SpeechExtraction result = Speeches.EXTRACTOR.extract(text);
        assertThat(result.partial()).isFalse();
        return result;
    }

    /** "三年" is a span of three years, not the year 三年: reading it as a year looked four characters back, before the text. */
    @Test
    void aChineseNumeralAndNianAtTheStartOfAClause() {
        SpeechExtraction result = extract("实现三年翻一番。");
        // no indicator is named, so there is no target to register, and "三年" is no figure
        assertThat(result.figures()).isEmpty();
        assertThat(result.targets()).isEmpty();
    }

    @Test
    void aDoublingOverThreeYearsKeepsItsSpan() {
        SpeechExtraction result = extract("力争工业总量三年翻一番。");
        assertThat(result.figures()).isEmpty();
        assertThat(result.targets()).hasSize(1);
        SpeechTarget doubling = result.targets().getFirst();
        assertThat(doubling.indicator()).isEqualTo("工业总量");
        assertThat(doubling.comparator()).isEqualTo("翻一番");
        assertThat(doubling.value()).isNull();
        assertThat(doubling.unit()).isNull();
        assertThat(doubling.horizonYears()).isEqualTo(3);
        assertThat(doubling.deadline()).isNull();
    }

    @Test
    void aYearInChineseDigitsIsStillAYear() {
        SpeechExtraction result = extract("二〇二五年，全县地区生产总值391亿元。");
        assertThat(result.figures()).hasSize(1);
        SpeechFigure gdp = result.figures().getFirst();
        assertThat(gdp.indicator()).isEqualTo("地区生产总值");
        assertThat(gdp.value()).isEqualByComparingTo("391");
        assertThat(gdp.unit()).isEqualTo("亿元");
        assertThat(gdp.period()).isEqualTo("二〇二五年");
        assertThat(gdp.year()).isEqualTo(2025);
    }

    /** A number with two dots is a date or a code; BigDecimal refused it. */
    @Test
    void aDateWrittenWithDotsIsNoFigure() {
        SpeechExtraction result = extract("会议于2024.1.27召开");
        assertThat(result.figures()).isEmpty();
        assertThat(result.targets()).isEmpty();
    }

    @Test
    void aNumberWithThreeDotsIsNoFigure() {
        assertThat(extract("19.936.943.2").figures()).isEmpty();
        // with a unit after it, neither the whole nor a part of it ("943.2亿元", "2亿元") is an amount
        SpeechExtraction withUnit = extract("全年完成19.936.943.2亿元。");
        assertThat(withUnit.figures()).isEmpty();
        assertThat(withUnit.targets()).isEmpty();
    }

    /** The date dates the figure after it, as of that day: a fact of 2024, not a target due then. */
    @Test
    void aDottedDateIsThePeriodOfTheFigureAfterIt() {
        String text = "截至2024.1.27，全县完成固定资产投资12.5亿元。";
        SpeechExtraction result = extract(text);
        assertThat(result.targets()).isEmpty();
        assertThat(result.figures()).hasSize(1);
        SpeechFigure investment = result.figures().getFirst();
        assertThat(investment.indicator()).isEqualTo("固定资产投资");
        assertThat(investment.value()).isEqualByComparingTo(new BigDecimal("12.5"));
        assertThat(investment.unit()).isEqualTo("亿元");
        assertThat(investment.period()).isEqualTo("2024.1.27");
        assertThat(investment.year()).isEqualTo(2024);
        assertThat(investment.start()).isEqualTo(12); // after "截至2024.1.27，"
        assertThat(investment.end()).isEqualTo(28);
        assertThat(text.substring(investment.start(), investment.end())).isEqualTo("全县完成固定资产投资12.5亿元");
    }

    /** Inputs the property tests and the fuzz command found failing, shrunk; each once threw or gave a bad result. */
    static final List<String> FOUND = List.of(
            "三年", // StringIndexOutOfBoundsException: the year check read before the text
            "12.12.12.12.12.12.1快", // NumberFormatException: more than one decimal point
            "6856,7.120221.8.2.1,15．6,86926．1.19,8.53,", // the same, with commas and full-width dots
            // the fuzz command's first 100,000: Traditional characters that are also in GB2312 (醣, 於, 榘, 捱, 摺)
            // turned Simplified, which the check took for text not read from the input
            "쮁筝醣\ud966\udef9끰N應", "榘\ud86a\ude40\ud868\udef3鐜应㘾", "应輏嗟㵕蠺於硇匸", "捱隌E要\udac8\udefe\udaa9\udd3a",
            "醣F蛛쮱要f逹泫", "摺⽦甂\udb56\udd30F`应",
            // the fuzz command's first million: 𥢢 became 䅪 and 䍽 became 𦍠, the line kept its length and every
            // character between them moved one place
            "吿要E\ud856\udca2\\䍽矯", "訞\\要摃\udbeb\udc44\ud85f\udd73");

    @Test
    void inputsFoundFailingNoLongerFail() {
        for (String input : FOUND) {
            assertThat(WellFormed.failure(Speeches.EXTRACTOR, input)).as(input).isNull();
        }
        assertThat(extract("三年").figures()).isEmpty();
        assertThat(extract("12.12.12.12.12.12.1快").figures()).isEmpty();
    }

    /**
     * The Traditional-to-Simplified conversion of a line is taken whole only when every character stays in its
     * place; here one character outside the BMP becomes one inside it and another the other way round.
     */
    @Test
    void charactersOutsideTheBmpKeepTheTextInItsPlace() {
        String text = "要推進\ud856\udca2䍽矯正工作。"; // 𥢢 is U+258A2
        SpeechExtraction result = extract(text);
        assertThat(result.tasks()).singleElement().satisfies(task -> {
            assertThat(task.text()).isEqualTo("要推进\ud856\udca2䍽矫正工作。");
            assertThat(task.start()).isZero();
            assertThat(task.end()).isEqualTo(11);
        });
    }

    /** "截至" states as of when, unlike "至2026年" and "到2026年", which set a deadline. */
    @Test
    void asOfTheEndOfAYearIsAFactNotADeadline() {
        SpeechExtraction result = extract("截至2025年底，全县完成固定资产投资12.5亿元。");
        assertThat(result.targets()).isEmpty();
        assertThat(result.figures()).singleElement().satisfies(f -> {
            assertThat(f.period()).isEqualTo("2025年底");
            assertThat(f.year()).isEqualTo(2025);
            assertThat(f.value()).isEqualByComparingTo("12.5");
        });
        SpeechExtraction target = extract("到2026年，全县固定资产投资达到20亿元。");
        assertThat(target.figures()).isEmpty();
        assertThat(target.targets()).singleElement().satisfies(t -> {
            assertThat(t.indicator()).isEqualTo("固定资产投资");
            assertThat(t.deadline()).isEqualTo(2026);
            assertThat(t.value()).isEqualByComparingTo("20");
        });
    }
}
