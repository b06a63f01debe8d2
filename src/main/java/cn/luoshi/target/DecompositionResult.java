package cn.luoshi.target;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a decomposition produced. For additive indicators, {@code sum} is what the children add up to (amounts
 * implied by growth rates where the comparator is a growth) and {@code gap} what the parent exceeds it by.
 */
public record DecompositionResult(Target parent, List<Target> children, boolean additive, BigDecimal sum,
                                  BigDecimal gap, String warning) {
}
