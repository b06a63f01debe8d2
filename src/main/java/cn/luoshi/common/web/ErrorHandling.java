package cn.luoshi.common.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.luoshi.common.error.DomainException;
import cn.luoshi.common.error.FieldProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every refusal into words a user understands: RFC 9457 problem details (Chinese and English) for the API,
 * an error page for the browser. Stack traces never reach the user.
 */
@ControllerAdvice
class ErrorHandling {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);
    static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    private final Messages messages;

    ErrorHandling(Messages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(DomainException.class)
    Object domain(DomainException e, HttpServletRequest request, HttpServletResponse response) {
        return respond(request, response, e.status(), e.code(), e.args(), e.fieldProblems());
    }

    @ExceptionHandler(BindException.class)
    Object binding(BindException e, HttpServletRequest request, HttpServletResponse response) {
        List<FieldProblem> problems = new ArrayList<>();
        e.getBindingResult().getFieldErrors().forEach(fe -> problems.add(toProblem(fe.getField(), fe.getCode(),
                fe.getDefaultMessage(), fe.getRejectedValue())));
        e.getBindingResult().getGlobalErrors().forEach(ge -> problems.add(new FieldProblem(ge.getObjectName(),
                "validation." + ge.getCode())));
        return respond(request, response, HttpStatus.BAD_REQUEST, "error.invalidInput", new Object[0], problems);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    Object constraint(ConstraintViolationException e, HttpServletRequest request, HttpServletResponse response) {
        List<FieldProblem> problems = e.getConstraintViolations().stream().map(v -> {
            String path = v.getPropertyPath().toString();
            String field = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
            String kind = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
            return toProblem(field, kind, v.getMessage(), v.getInvalidValue());
        }).toList();
        return respond(request, response, HttpStatus.BAD_REQUEST, "error.invalidInput", new Object[0], problems);
    }

    private FieldProblem toProblem(String field, String constraint, String defaultMessage, Object rejected) {
        // Constraint names map to message codes such as validation.NotBlank; the bean-validation text is a fallback.
        return new FieldProblem(field, "validation." + constraint, defaultMessage, rejected);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    Object unreadable(HttpMessageNotReadableException e, HttpServletRequest request, HttpServletResponse response) {
        return respond(request, response, HttpStatus.BAD_REQUEST, "error.unreadable", new Object[0], List.of());
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class})
    Object typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request,
                        HttpServletResponse response) {
        return respond(request, response, HttpStatus.BAD_REQUEST, "error.invalidInput", new Object[0],
                List.of(new FieldProblem(e.getName(), "validation.typeMismatch", "", e.getValue())));
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MissingServletRequestPartException.class})
    Object missing(Exception e, HttpServletRequest request, HttpServletResponse response) {
        String name = e instanceof MissingServletRequestParameterException m ? m.getParameterName()
                : ((MissingServletRequestPartException) e).getRequestPartName();
        return respond(request, response, HttpStatus.BAD_REQUEST, "error.invalidInput", new Object[0],
                List.of(new FieldProblem(name, "validation.NotNull", "", null)));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request, HttpServletResponse response) {
        return respond(request, response, HttpStatus.CONTENT_TOO_LARGE, "error.tooLarge", new Object[0], List.of());
    }

    @ExceptionHandler(MultipartException.class)
    Object multipart(MultipartException e, HttpServletRequest request, HttpServletResponse response) {
        return respond(request, response, HttpStatus.BAD_REQUEST, "error.badUpload", new Object[0], List.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    Object method(HttpRequestMethodNotSupportedException e, HttpServletRequest request, HttpServletResponse response) {
        return respond(request, response, HttpStatus.METHOD_NOT_ALLOWED, "error.methodNotAllowed",
                new Object[] {e.getMethod()}, List.of());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    Object mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request, HttpServletResponse response) {
        return respond(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "error.mediaType",
                new Object[] {String.valueOf(e.getContentType())}, List.of());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    Object noResource(NoResourceFoundException e, HttpServletRequest request, HttpServletResponse response) {
        return respond(request, response, HttpStatus.NOT_FOUND, "error.noSuchPage", new Object[0], List.of());
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    Object stale(OptimisticLockingFailureException e, HttpServletRequest request, HttpServletResponse response) {
        return respond(request, response, HttpStatus.CONFLICT, "error.staleVersion", new Object[] {""}, List.of());
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    Object denied(RuntimeException e, HttpServletRequest request, HttpServletResponse response) {
        return respond(request, response, HttpStatus.FORBIDDEN, "error.forbidden", new Object[0], List.of());
    }

    /** The firewall refuses a parameter it cannot read safely when a handler first reads the parameters. */
    @ExceptionHandler(org.springframework.security.web.firewall.RequestRejectedException.class)
    Object rejected(RuntimeException e, HttpServletRequest request, HttpServletResponse response) {
        return respond(request, response, HttpStatus.BAD_REQUEST, "error.rejectedRequest", new Object[0], List.of());
    }

    /**
     * No database connection came free in the pool's wait (the database is down or every connection is busy): the
     * request did nothing, and a later one may succeed, so the answer says so instead of an internal error.
     */
    @ExceptionHandler(org.springframework.jdbc.CannotGetJdbcConnectionException.class)
    Object busy(org.springframework.jdbc.CannotGetJdbcConnectionException e, HttpServletRequest request, HttpServletResponse response) {
        return busyAnswer(e.getMostSpecificCause(), request, response);
    }

    /** The same when the pool's wait ran out while a transaction was opened. */
    @ExceptionHandler(org.springframework.transaction.CannotCreateTransactionException.class)
    Object noTransaction(org.springframework.transaction.CannotCreateTransactionException e, HttpServletRequest request,
                         HttpServletResponse response) {
        if (!DatabaseBusyGuard.noConnection(e)) {
            return unexpected(e, request, response);
        }
        return busyAnswer(e.getMostSpecificCause(), request, response);
    }

    private Object busyAnswer(Throwable cause, HttpServletRequest request, HttpServletResponse response) {
        log.warn("No database connection for {} {}: {}", request.getMethod(), request.getRequestURI(),
                cause.getMessage());
        response.setHeader("Retry-After", DatabaseBusyGuard.RETRY_AFTER_SECONDS);
        return respond(request, response, HttpStatus.SERVICE_UNAVAILABLE, "error.busy", new Object[0], List.of());
    }

    @ExceptionHandler(Exception.class)
    Object unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) {
        if (nulRefusedByDatabase(e)) {
            // A NUL that came another way than a request parameter or JSON string (NulGuard refuses those first).
            return respond(request, response, HttpStatus.BAD_REQUEST, "error.nulCharacter", new Object[0],
                    List.of());
        }
        if (brokenBody(e)) {
            // The body ended early or stalled (a client that announced more than it sent): its fields are unreadable.
            return respond(request, response, HttpStatus.BAD_REQUEST, "error.badUpload", new Object[0], List.of());
        }
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(request, response, HttpStatus.INTERNAL_SERVER_ERROR, "error.internal", new Object[0],
                List.of());
    }

    /** A request body the container could not read to its end while parsing a form or an upload. */
    static boolean brokenBody(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.apache.tomcat.util.http.InvalidParameterException
                    || t instanceof org.apache.tomcat.util.http.fileupload.FileUploadException
                    || t instanceof java.net.SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** PostgreSQL refuses U+0000 in text: SQLSTATE 22021, "invalid byte sequence for encoding UTF8: 0x00". */
    static boolean nulRefusedByDatabase(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "22021".equals(sql.getSQLState())
                    && String.valueOf(sql.getMessage()).contains("0x00")) {
                return true;
            }
        }
        return false;
    }

    private Object respond(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
                           Object[] args, List<FieldProblem> problems) {
        if (isApi(request)) {
            return ResponseEntity.status(status).contentType(PROBLEM).body(problem(request, status, code, args,
                    problems));
        }
        response.setStatus(status.value());
        var view = new ModelAndView("error/problem");
        view.setStatus(status);
        view.addObject("status", status.value());
        view.addObject("message", messages.get(code, args));
        view.addObject("fieldMessages", problems.stream()
                .map(p -> messages.get(p.code(), p.args())).toList());
        return view;
    }

    ProblemDetail problem(HttpServletRequest request, HttpStatus status, String code, Object[] args,
                          List<FieldProblem> problems) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, messages.chinese(code, args));
        problem.setTitle(messages.chinese("status." + status.value()));
        problem.setType(URI.create("https://luoshi.cn/problems/" + code));
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("code", code);
        problem.setProperty("detailEn", messages.english(code, args));
        if (!problems.isEmpty()) {
            List<Map<String, Object>> errors = new ArrayList<>();
            for (FieldProblem p : problems) {
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("field", p.field());
                error.put("code", p.code());
                error.put("message", messages.chinese(p.code(), p.args()));
                error.put("messageEn", messages.english(p.code(), p.args()));
                errors.add(error);
            }
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") || path.startsWith("/open311/");
    }
}
