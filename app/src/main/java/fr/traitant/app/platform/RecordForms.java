package fr.traitant.app.platform;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.MethodParameter;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.annotation.ModelAttributeMethodProcessor;
import org.springframework.web.method.annotation.ModelFactory;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * Forms bound to records keep working when one of their fields cannot be converted. Spring builds a record through
 * its constructor: when a field's text is not of its type ("5,5" for a number of days, a tampered choice), it records
 * the error in a binding result that has no form behind it (and may give the handler no form at all), and skips
 * validation; the handler's own checks ({@code rejectValue}) then failed with a 500. Here the form is built anyway,
 * each unreadable field left empty, validated like any other, with the conversion errors beside the validation ones:
 * the page answers the form again, the error next to the field, the typed text kept (the binding result holds it as
 * the rejected value; the French messages of conversion errors are in {@code messages.properties}).
 */
final class RecordForms implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof RequestMappingHandlerAdapter adapter && adapter.getArgumentResolvers() != null) {
            List<HandlerMethodArgumentResolver> resolvers = new ArrayList<>();
            for (HandlerMethodArgumentResolver resolver : adapter.getArgumentResolvers()) {
                resolvers.add(
                        resolver instanceof ModelAttributeMethodProcessor processor
                                ? new Resolver(processor)
                                : resolver);
            }
            adapter.setArgumentResolvers(resolvers);
        }
        return bean;
    }

    private record Resolver(ModelAttributeMethodProcessor delegate) implements HandlerMethodArgumentResolver {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return delegate.supportsParameter(parameter);
        }

        @Override
        public @Nullable Object resolveArgument(
                MethodParameter parameter,
                @Nullable ModelAndViewContainer container,
                NativeWebRequest request,
                @Nullable WebDataBinderFactory binders)
                throws Exception {
            Object value = delegate.resolveArgument(parameter, container, request, binders);
            Class<?> type = parameter.getParameterType();
            if (!type.isRecord() || container == null || binders == null) {
                return value;
            }
            String name = ModelFactory.getNameForParameter(parameter);
            if (!(container.getModel().get(BindingResult.MODEL_KEY_PREFIX + name) instanceof BindingResult failed)
                    || !failed.hasErrors()
                    || failed.getTarget() != null) {
                return value;
            }
            // Spring either gave no form, or built one (the unreadable fields null) after its binding result, which
            // then has no target: rejecting a value on it fails, and the form was not validated
            Object form = value != null ? value : construct(type, request, binders.createBinder(request, null, name));
            WebDataBinder validator = binders.createBinder(request, form, name);
            if (parameter.hasParameterAnnotation(jakarta.validation.Valid.class)
                    || parameter.hasParameterAnnotation(org.springframework.validation.annotation.Validated.class)) {
                validator.validate();
            }
            // the conversion errors first (a field's first error gives the text shown back in it), then the
            // validation errors of the other fields ("required" says nothing new where the text was unreadable)
            BindingResult result = binders.createBinder(request, form, name).getBindingResult();
            failed.getAllErrors().forEach(result::addError);
            for (org.springframework.validation.ObjectError error :
                    validator.getBindingResult().getAllErrors()) {
                if (!(error instanceof org.springframework.validation.FieldError field)
                        || !failed.hasFieldErrors(field.getField())) {
                    result.addError(error);
                }
            }
            container.getModel().remove(BindingResult.MODEL_KEY_PREFIX + name);
            container.addAttribute(name, form);
            container.addAttribute(BindingResult.MODEL_KEY_PREFIX + name, result);
            return form;
        }

        /** The record from the request's parameters, a field whose text cannot be converted left empty. */
        private static Object construct(Class<?> type, NativeWebRequest request, WebDataBinder converter) {
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
            }
            Constructor<?> constructor = BeanUtils.findPrimaryConstructor(type);
            if (constructor == null) {
                try {
                    constructor = type.getDeclaredConstructor(types);
                } catch (NoSuchMethodException e) {
                    throw new IllegalStateException("A record without its canonical constructor: " + type, e);
                }
            }
            @Nullable Object[] args = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                String[] raw = request.getParameterValues(components[i].getName());
                Object converted = null;
                if (raw != null) {
                    try {
                        converted = converter.convertIfNecessary(
                                raw.length == 1 ? raw[0] : raw, types[i], new MethodParameter(constructor, i));
                    } catch (TypeMismatchException | IllegalArgumentException unreadable) {
                        converted = null; // the error is already in the binding result
                    }
                }
                args[i] = converted == null && types[i].isPrimitive() ? primitiveDefault(types[i]) : converted;
            }
            return BeanUtils.instantiateClass(constructor, args);
        }

        private static Object primitiveDefault(Class<?> type) {
            if (type == boolean.class) return false;
            if (type == char.class) return '\0';
            if (type == long.class) return 0L;
            if (type == double.class) return 0d;
            if (type == float.class) return 0f;
            return 0; // int, short, byte
        }
    }
}
