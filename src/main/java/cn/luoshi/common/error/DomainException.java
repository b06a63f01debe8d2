package cn.luoshi.common.error;

import java.util.List;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;

/**
 * A refusal the user should understand: it carries a message code (resolved in Chinese and English from the
 * message bundles), its arguments and, for bad input, the fields at fault. Nothing has been changed when it is thrown.
 */
public class DomainException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final transient Object[] args;
    private final List<FieldProblem> fieldProblems;

    public DomainException(HttpStatus status, String code, Object... args) {
        this(status, code, List.of(), args);
    }

    public DomainException(HttpStatus status, String code, List<FieldProblem> fieldProblems, Object... args) {
        super(code);
        this.status = status;
        this.code = code;
        this.args = args;
        this.fieldProblems = List.copyOf(fieldProblems);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args;
    }

    public List<FieldProblem> fieldProblems() {
        return fieldProblems;
    }

    /** {@code what} is the message code naming the kind of record, e.g. {@code org.unit}. */
    public static DomainException notFound(String what, Object id) {
        return new DomainException(HttpStatus.NOT_FOUND, "error.notFound", new DefaultMessageSourceResolvable(what),
                String.valueOf(id));
    }

    /** A state change the current state does not allow, e.g. approving a task nobody asked to close. */
    public static DomainException conflict(String code, Object... args) {
        return new DomainException(HttpStatus.CONFLICT, code, args);
    }

    /** Someone else changed the record since the caller read it. */
    public static DomainException staleVersion(String what) {
        return new DomainException(HttpStatus.CONFLICT, "error.staleVersion", what);
    }

    public static DomainException forbidden(String code, Object... args) {
        return new DomainException(HttpStatus.FORBIDDEN, code, args);
    }

    public static DomainException invalid(String code, Object... args) {
        return new DomainException(HttpStatus.BAD_REQUEST, code, args);
    }

    public static DomainException invalidFields(List<FieldProblem> problems) {
        return new DomainException(HttpStatus.BAD_REQUEST, "error.invalidInput", problems);
    }

    /** Well-formed but unacceptable content, such as an import file with bad rows. */
    public static DomainException unprocessable(String code, Object... args) {
        return new DomainException(HttpStatus.UNPROCESSABLE_CONTENT, code, args);
    }
}
