package cn.luoshi.indicator.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The formula of a derived indicator: indicator codes, numbers, {@code + - * /} and parentheses, e.g.
 * {@code FISCAL_TOTAL / GDP * 100} or {@code GDP * 10000 / POPULATION}. Parsed into a tree once and evaluated per
 * unit and period; a missing input or a division by zero gives no value, never an error. No script engine: nothing
 * but arithmetic can run.
 */
public final class Formula {

    private static final MathContext PRECISION = MathContext.DECIMAL64;

    private final String text;
    private final Node root;
    private final Set<String> references;

    private Formula(String text, Node root, Set<String> references) {
        this.text = text;
        this.root = root;
        this.references = Collections.unmodifiableSet(references);
    }

    /** @throws IllegalArgumentException with the position of the first thing that is not arithmetic */
    public static Formula parse(String text) {
        var parser = new Parser(text);
        Node root = parser.expression();
        parser.skipSpaces();
        if (parser.pos < text.length()) {
            throw parser.error();
        }
        return new Formula(text, root, parser.references);
    }

    /** Indicator codes the formula reads, upper-case. */
    public Set<String> references() {
        return references;
    }

    /** The value for one unit and period, or null when an input is missing or a divisor is zero. */
    public BigDecimal evaluate(Map<String, BigDecimal> inputs) {
        return root.eval(inputs);
    }

    @Override
    public String toString() {
        return text;
    }

    private sealed interface Node permits Constant, Reference, Negation, Operation {
        BigDecimal eval(Map<String, BigDecimal> inputs);
    }

    private record Constant(BigDecimal value) implements Node {
        public BigDecimal eval(Map<String, BigDecimal> inputs) {
            return value;
        }
    }

    private record Reference(String code) implements Node {
        public BigDecimal eval(Map<String, BigDecimal> inputs) {
            return inputs.get(code);
        }
    }

    private record Negation(Node operand) implements Node {
        public BigDecimal eval(Map<String, BigDecimal> inputs) {
            BigDecimal v = operand.eval(inputs);
            return v == null ? null : v.negate();
        }
    }

    private record Operation(char operator, Node left, Node right) implements Node {
        public BigDecimal eval(Map<String, BigDecimal> inputs) {
            BigDecimal a = left.eval(inputs);
            BigDecimal b = right.eval(inputs);
            if (a == null || b == null) {
                return null;
            }
            return switch (operator) {
                case '+' -> a.add(b);
                case '-' -> a.subtract(b);
                case '*' -> a.multiply(b, PRECISION);
                default -> b.signum() == 0 ? null : a.divide(b, PRECISION);
            };
        }
    }

    private static final class Parser {
        private final String text;
        private final Set<String> references = new LinkedHashSet<>();
        private int pos;
        private int depth;

        Parser(String text) {
            if (text == null || text.isBlank() || text.length() > 500) {
                throw new IllegalArgumentException("empty or overlong formula");
            }
            this.text = text;
        }

        Node expression() {
            if (++depth > 50) {
                throw error();
            }
            Node node = term();
            while (true) {
                skipSpaces();
                char c = peek();
                if (c != '+' && c != '-') {
                    depth--;
                    return node;
                }
                pos++;
                node = new Operation(c, node, term());
            }
        }

        Node term() {
            Node node = factor();
            while (true) {
                skipSpaces();
                char c = peek();
                if (c != '*' && c != '/') {
                    return node;
                }
                pos++;
                node = new Operation(c, node, factor());
            }
        }

        Node factor() {
            skipSpaces();
            char c = peek();
            if (c == '-') {
                pos++;
                return new Negation(factor());
            }
            if (c == '(') {
                pos++;
                Node inner = expression();
                skipSpaces();
                if (peek() != ')') {
                    throw error();
                }
                pos++;
                return inner;
            }
            if (Character.isDigit(c) || c == '.') {
                int start = pos;
                while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
                    pos++;
                }
                try {
                    return new Constant(new BigDecimal(text.substring(start, pos)));
                } catch (NumberFormatException e) {
                    pos = start;
                    throw error();
                }
            }
            if (Character.isLetter(c) || c == '_') {
                int start = pos;
                while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos))
                        || text.charAt(pos) == '_')) {
                    pos++;
                }
                String code = text.substring(start, pos).toUpperCase(java.util.Locale.ROOT);
                references.add(code);
                return new Reference(code);
            }
            throw error();
        }

        char peek() {
            return pos < text.length() ? text.charAt(pos) : '\0';
        }

        void skipSpaces() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        IllegalArgumentException error() {
            return new IllegalArgumentException("formula error at position " + (pos + 1) + ": " + text);
        }
    }
}
