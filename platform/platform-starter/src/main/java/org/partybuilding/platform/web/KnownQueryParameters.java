package org.partybuilding.platform.web;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.partybuilding.platform.problem.FieldError;
import org.partybuilding.platform.problem.InvalidInputException;
import org.springframework.core.MethodParameter;
import org.springframework.util.MultiValueMap;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;

/**
 * An unknown query parameter is a 400 that names it, on every endpoint of every service: a misspelt
 * filter ({@code ?stret=JIANSHE}) must never be read as "no filter", i.e. everything. The parameters an
 * endpoint knows are those of its {@code @RequestParam} arguments; a handler that takes the whole
 * parameter map accepts anything. Runs before the handler (a {@code @ModelAttribute} of every
 * controller of the platform), so a refused request changes nothing.
 */
@ControllerAdvice(basePackages = "org.partybuilding")
public class KnownQueryParameters {

    /** A name that means "everything is known" (the handler reads the parameter map itself). */
    private static final Set<String> ANY = Collections.unmodifiableSet(new TreeSet<>(List.of("*")));

    private final Map<HandlerMethod, Set<String>> known = new ConcurrentHashMap<>();

    @ModelAttribute
    void refuseUnknown(ServerWebExchange exchange) {
        MultiValueMap<String, String> query = exchange.getRequest().getQueryParams();
        if (query.isEmpty()) {
            return;
        }
        Object handler = exchange.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE);
        if (!(handler instanceof HandlerMethod method)) {
            return;
        }
        Set<String> names = known.computeIfAbsent(method, KnownQueryParameters::namesOf);
        if (names == ANY) {
            return;
        }
        List<FieldError> unknown = query.keySet().stream().filter(name -> !names.contains(name)).sorted()
                .map(name -> new FieldError(name, names.isEmpty()
                        ? "unknown query parameter: this endpoint takes none"
                        : "unknown query parameter; known: " + String.join(", ", names)))
                .toList();
        if (!unknown.isEmpty()) {
            throw new InvalidInputException(unknown);
        }
    }

    static Set<String> namesOf(HandlerMethod method) {
        Set<String> names = new TreeSet<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param == null) {
                continue;
            }
            if (Map.class.isAssignableFrom(parameter.getParameterType()) && !StringUtils.hasText(param.name())) {
                return ANY;
            }
            String name = StringUtils.hasText(param.name()) ? param.name() : parameter.getParameterName();
            if (name != null) {
                names.add(name);
            }
        }
        return Collections.unmodifiableSet(names);
    }

    /** For tests and documentation: the query parameters a handler knows. */
    public static List<String> of(HandlerMethod method) {
        Set<String> names = namesOf(method);
        return names == ANY ? List.of("*") : Arrays.asList(names.toArray(String[]::new));
    }
}
