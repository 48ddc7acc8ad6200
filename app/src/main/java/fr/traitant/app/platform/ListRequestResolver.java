package fr.traitant.app.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Gives a controller method its {@link ListRequest}: {@code page} (a number from 1; anything else is page 1, so that
 * a hand-edited address never ends on an error page), {@code tri}, {@code ordre}, and the page's address.
 */
@Configuration(proxyBeanMethods = false)
class ListRequestResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == ListRequest.class;
    }

    @Override
    public Object resolveArgument(
            MethodParameter parameter,
            @Nullable ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest,
            @Nullable WebDataBinderFactory binderFactory) {
        HttpServletRequest request =
                java.util.Objects.requireNonNull(webRequest.getNativeRequest(HttpServletRequest.class));
        return new ListRequest(
                number(request.getParameter("page")),
                request.getParameter("tri"),
                "desc".equals(request.getParameter("ordre")),
                request.getRequestURI(),
                request.getQueryString());
    }

    private static int number(String value) {
        if (value == null || !value.matches("\\d{1,6}")) {
            return 1;
        }
        return Integer.parseInt(value);
    }
}
