package cn.luoshi.common.error;

/** One field at fault: its name, a message code and the code's arguments. */
public record FieldProblem(String field, String code, Object... args) {
}
