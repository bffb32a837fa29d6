package app.billfold.support;

import app.billfold.web.common.ErrorPages;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every GET route the application serves, read by reflection from its compiled resource classes,
 * so that a page added tomorrow is missed by the browser journeys until one visits it.
 */
public final class PageRoutes {

    /** A route template as written in {@code @Path}, e.g. {@code /console/invoices/{id}/issue}. */
    public record Route(String template, Pattern pattern, List<String> produces, String method) {

        /** The more literal characters, the more specific: /customers/new wins over /customers/{id}. */
        int literalLength() {
            return template.replaceAll("\\{[^}]*}", "").length();
        }
    }

    private final List<Route> routes;

    private PageRoutes(List<Route> routes) {
        this.routes = routes;
    }

    /** Reads every {@code @GET} method of the application's classes (not the tests'). */
    public static PageRoutes ofTheApplication() {
        try {
            java.nio.file.Path location = Paths.get(ErrorPages.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            List<Route> found = new ArrayList<>();
            // Failsafe puts the packaged jar on the class path, the IDE the classes folder.
            if (Files.isDirectory(location)) {
                read(location, found);
            } else {
                try (FileSystem jar = FileSystems.newFileSystem(location)) {
                    read(jar.getPath("/"), found);
                }
            }
            found.sort(Comparator.comparing(Route::template));
            return new PageRoutes(List.copyOf(found));
        } catch (IOException | URISyntaxException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot read the application's routes", e);
        }
    }

    private static void read(java.nio.file.Path root, List<Route> found) throws IOException, ClassNotFoundException {
        try (Stream<java.nio.file.Path> files = Files.walk(root.resolve("app/billfold"))) {
            for (java.nio.file.Path file :
                    files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, PageRoutes.class.getClassLoader());
                Path classPath = type.getAnnotation(Path.class);
                if (classPath == null) {
                    continue;
                }
                for (Method method : type.getDeclaredMethods()) {
                    if (method.isAnnotationPresent(GET.class)) {
                        found.add(route(type, classPath, method));
                    }
                }
            }
        }
    }

    private static Route route(Class<?> type, Path classPath, Method method) {
        Path methodPath = method.getAnnotation(Path.class);
        String template =
                ("/" + classPath.value() + "/" + (methodPath == null ? "" : methodPath.value())).replaceAll("/+", "/");
        if (template.length() > 1 && template.endsWith("/")) {
            template = template.substring(0, template.length() - 1);
        }
        Produces produces = method.getAnnotation(Produces.class);
        if (produces == null) {
            produces = type.getAnnotation(Produces.class);
        }
        return new Route(
                template,
                pattern(template),
                produces == null ? List.of() : Arrays.asList(produces.value()),
                type.getSimpleName() + "." + method.getName());
    }

    /** {@code {name}} is one path segment, {@code {name:regex}} that regex, the rest is literal. */
    static Pattern pattern(String template) {
        StringBuilder regex = new StringBuilder();
        Matcher parameter = Pattern.compile("\\{\\s*\\w+\\s*(?::\\s*((?:[^{}]|\\{[^{}]*})+))?}")
                .matcher(template);
        int at = 0;
        while (parameter.find()) {
            regex.append(Pattern.quote(template.substring(at, parameter.start())));
            regex.append(
                    parameter.group(1) == null
                            ? "[^/]+"
                            : "(?:" + parameter.group(1).trim() + ")");
            at = parameter.end();
        }
        regex.append(Pattern.quote(template.substring(at)));
        return Pattern.compile(regex.toString());
    }

    public List<Route> all() {
        return routes;
    }

    /** The route that serves this path, the most specific where several match. */
    public Optional<Route> serving(String path) {
        return routes.stream()
                .filter(r -> r.pattern().matcher(path).matches())
                .max(Comparator.comparingInt(Route::literalLength));
    }

    public TreeSet<String> templates() {
        TreeSet<String> templates = new TreeSet<>();
        routes.forEach(r -> templates.add(r.template()));
        return templates;
    }
}
