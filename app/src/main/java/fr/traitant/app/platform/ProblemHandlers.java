package fr.traitant.app.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error leaves as RFC 9457 problem details ({@code application/problem+json}) for API clients, or as a
 * French error page for people browsing — never as a stack trace.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ProblemHandlers extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandlers.class);

    @ExceptionHandler(NotFoundException.class)
    Object notFound(NotFoundException e, HttpServletRequest request) {
        return respond(request, HttpStatus.NOT_FOUND, "Introuvable", e.getMessage());
    }

    @ExceptionHandler({IllegalArgumentException.class, ConstraintViolationException.class})
    Object badRequest(RuntimeException e, HttpServletRequest request) {
        String detail = e instanceof ConstraintViolationException cve
                ? cve.getConstraintViolations().stream()
                        .map(v -> lastNode(v.getPropertyPath().toString()) + " : " + v.getMessage())
                        .sorted()
                        .collect(Collectors.joining("; "))
                : e.getMessage();
        return respond(request, HttpStatus.BAD_REQUEST, "Requête invalide", detail);
    }

    /**
     * A date that escaped a handler unparsed comes from the request (services take {@code LocalDate}): a date field
     * or a date picked from a list, tampered with.
     */
    @ExceptionHandler(java.time.format.DateTimeParseException.class)
    Object badDate(java.time.format.DateTimeParseException e, HttpServletRequest request) {
        return respond(
                request,
                HttpStatus.BAD_REQUEST,
                "Requête invalide",
                "Date invalide : « " + e.getParsedString() + " » (attendu : une date du calendrier, aaaa-mm-jj).");
    }

    @ExceptionHandler(ConflictException.class)
    Object conflict(ConflictException e, HttpServletRequest request) {
        return respond(request, HttpStatus.CONFLICT, "Conflit", e.getMessage());
    }

    /** Two requests raced for the same row (a double submission, two agents): the database kept one. */
    @ExceptionHandler({
        org.springframework.dao.DuplicateKeyException.class,
        org.springframework.dao.PessimisticLockingFailureException.class,
        org.springframework.dao.OptimisticLockingFailureException.class
    })
    Object concurrentChange(RuntimeException e, HttpServletRequest request) {
        log.info(
                "Concurrent change refused on {} {}: {}",
                request.getMethod(),
                request.getRequestURI(),
                e.getClass().getSimpleName());
        return respond(
                request,
                HttpStatus.CONFLICT,
                "Conflit",
                "Cette opération vient déjà d'être faite, ou une autre personne modifie les mêmes données : rechargez la page pour voir où elles en sont.");
    }

    /** A value the database refuses (a NUL byte in a JSON text, a value out of a column's limits): the request's fault. */
    @ExceptionHandler(org.springframework.dao.DataIntegrityViolationException.class)
    Object refusedByDatabase(org.springframework.dao.DataIntegrityViolationException e, HttpServletRequest request) {
        log.warn(
                "Value refused by the database on {} {}: {}",
                request.getMethod(),
                request.getRequestURI(),
                e.getMostSpecificCause().getMessage());
        return respond(
                request,
                HttpStatus.BAD_REQUEST,
                "Requête invalide",
                "Une valeur envoyée est refusée (caractère interdit ou valeur hors des limites) : corrigez-la et recommencez.");
    }

    /** An upload route reached without a multipart body (no file chosen, a script). */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    Object notMultipart(RuntimeException e, HttpServletRequest request) {
        return respond(
                request,
                HttpStatus.BAD_REQUEST,
                "Requête invalide",
                "Joignez un fichier (formulaire d'envoi de fichier).");
    }

    private final org.springframework.util.unit.DataSize uploadLimit;

    /** The upload limit is Spring Boot's own multipart setting ({@code spring.servlet.multipart.max-file-size}). */
    ProblemHandlers(org.springframework.boot.servlet.autoconfigure.MultipartProperties multipart) {
        this.uploadLimit = multipart.getMaxFileSize();
    }

    @ExceptionHandler(Exception.class)
    Object unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(
                request,
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Erreur interne",
                "Une erreur inattendue s'est produite. Elle a été enregistrée ; réessayez plus tard.");
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleExceptionInternal(
            Exception ex, @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        @Nullable
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            frenchTitleAndDetail(ex, problem, statusCode);
            if (problem.getInstance() == null && request instanceof ServletWebRequest swr) {
                problem.setInstance(URI.create(swr.getRequest().getRequestURI()));
            }
        }
        return response;
    }

    /** Spring's standard errors carry English texts; our users read French. */
    private void frenchTitleAndDetail(Exception ex, ProblemDetail problem, HttpStatusCode status) {
        problem.setTitle(
                switch (status.value()) {
                    case 400 -> "Requête invalide";
                    case 404 -> "Introuvable";
                    case 405 -> "Méthode non autorisée";
                    case 406 -> "Format de réponse non disponible";
                    case 409 -> "Conflit";
                    case 413 -> "Contenu trop volumineux";
                    case 415 -> "Format de contenu non pris en charge";
                    default -> problem.getTitle();
                });
        if (ex instanceof org.springframework.web.bind.MissingServletRequestParameterException missing) {
            problem.setDetail("Le paramètre « " + missing.getParameterName() + " » est obligatoire.");
        } else if (ex
                instanceof org.springframework.web.method.annotation.MethodArgumentTypeMismatchException mismatch) {
            problem.setDetail("Le paramètre « " + mismatch.getName() + " » a une valeur invalide.");
        } else if (ex instanceof org.springframework.web.multipart.MaxUploadSizeExceededException) {
            problem.setDetail("Le fichier dépasse la taille maximale acceptée (" + uploadLimit.toMegabytes()
                    + " Mo). Découpez-le en plusieurs fichiers.");
        } else if (ex instanceof org.springframework.web.multipart.support.MissingServletRequestPartException part) {
            problem.setDetail("Joignez un fichier (« " + part.getRequestPartName() + " »).");
        } else if (ex instanceof org.springframework.web.HttpRequestMethodNotSupportedException method) {
            problem.setDetail("La méthode " + method.getMethod() + " n'est pas acceptée à cette adresse.");
        }
    }

    /** Whether an error is answered as problem details: an API address, or a client that does not ask for HTML. */
    static boolean isApi(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return ApiPaths.includes(request.getRequestURI()) || accept == null || !accept.contains("text/html");
    }

    private static Object respond(
            HttpServletRequest request, HttpStatus status, String title, @Nullable String detail) {
        if (!isApi(request)) {
            ModelAndView page = new ModelAndView("error");
            page.setStatus(status);
            page.addObject("status", status.value());
            page.addObject("title", title);
            page.addObject("detail", detail);
            return page;
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(status)
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    /** Renders the French 404 page for people (ordered before the API handler). */
    @org.springframework.web.bind.annotation.ControllerAdvice
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class PageNotFound {
        @ExceptionHandler(NoResourceFoundException.class)
        Object notFound(NoResourceFoundException e, HttpServletRequest request) {
            if (isApi(request)) {
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                        HttpStatus.NOT_FOUND, "Aucune ressource à l'adresse " + request.getRequestURI());
                problem.setTitle("Introuvable");
                problem.setInstance(URI.create(request.getRequestURI()));
                return ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                        .body(problem);
            }
            return respond(
                    request,
                    HttpStatus.NOT_FOUND,
                    "Page introuvable",
                    "La page que vous cherchez n'existe pas ou a été déplacée.");
        }
    }
}
