package fr.traitant.app.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.web.servlet.support.RequestDataValueProcessor;

/**
 * Gives every state-changing form of the site its single-use idempotency key: Thymeleaf asks the
 * {@code requestDataValueProcessor} (Spring Security's, which adds the CSRF token) for the hidden fields of each
 * {@code th:action} form; this wraps it so that each POST form also gets a fresh {@value IdempotentSubmissions#FIELD}
 * — a random UUID per rendering of the form. Sending that form twice is then processed once
 * ({@link IdempotentSubmissions}); displaying the form again (after an error, or a new visit) gives a new key.
 */
final class IdempotencyKeys implements BeanPostProcessor {

    private static final String READ_ONLY = IdempotencyKeys.class.getName() + ".readOnly";
    private static final Pattern READ_ONLY_METHODS = Pattern.compile("(?i)^(GET|HEAD|TRACE|OPTIONS)$");

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof RequestDataValueProcessor processor && "requestDataValueProcessor".equals(beanName)) {
            return new WithKey(processor);
        }
        return bean;
    }

    private record WithKey(RequestDataValueProcessor delegate) implements RequestDataValueProcessor {

        @Override
        public String processAction(HttpServletRequest request, String action, String method) {
            if (READ_ONLY_METHODS.matcher(method).matches()) {
                request.setAttribute(READ_ONLY, Boolean.TRUE);
            } else {
                request.removeAttribute(READ_ONLY);
            }
            return delegate.processAction(request, action, method);
        }

        @Override
        public String processFormFieldValue(
                HttpServletRequest request, @Nullable String name, String value, String type) {
            return delegate.processFormFieldValue(request, name, value, type);
        }

        @Override
        public Map<String, String> getExtraHiddenFields(HttpServletRequest request) {
            Map<String, String> given = delegate.getExtraHiddenFields(request);
            Map<String, String> fields = given != null ? given : Map.of();
            if (Boolean.TRUE.equals(request.getAttribute(READ_ONLY))) return fields;
            Map<String, String> withKey = new LinkedHashMap<>(fields);
            withKey.put(IdempotentSubmissions.FIELD, UUID.randomUUID().toString());
            return withKey;
        }

        @Override
        public String processUrl(HttpServletRequest request, String url) {
            return delegate.processUrl(request, url);
        }
    }
}
