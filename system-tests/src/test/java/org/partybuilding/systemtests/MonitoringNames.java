package org.partybuilding.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;

/**
 * The metric names deploy/prometheus's rules and deploy/grafana's dashboards query, and the names a scrape has:
 * what {@link MonitoringIT} compares. PromQL is read just enough to find the selectors' names: strings, label
 * matchers, ranges, grouping clauses and Grafana variables are removed, then every identifier that is not a function
 * (followed by "(") or a keyword is a metric name.
 */
final class MonitoringNames {

    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on",
            "ignoring", "group_left", "group_right", "inf", "nan", "atan2");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.:$])([a-zA-Z_:][a-zA-Z0-9_:]*+)(?!\\s*\\()");
    private static final Pattern GROUPING = Pattern.compile("(?i)\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");

    private MonitoringNames() {
    }

    /** The metric names an expression selects. */
    static Set<String> inExpression(String expr) {
        String rest = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", " ")
                .replaceAll("'(?:[^'\\\\]|\\\\.)*'", " ")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\$\\{[^}]*}|\\$\\w+", " ");
        rest = GROUPING.matcher(rest).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(rest);
        while (m.find()) {
            String name = m.group(1);
            if (!KEYWORDS.contains(name.toLowerCase())) {
                names.add(name);
            }
        }
        return names;
    }

    /** Every {@code expr:} of the rule files (inline, or a {@code |} block of deeper-indented lines). */
    static List<String> ruleExpressions(String yaml) {
        List<String> exprs = new ArrayList<>();
        List<String> lines = yaml.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int at = line.indexOf("expr:");
            if (at < 0 || !line.substring(0, at).isBlank()) {
                continue;
            }
            String value = line.substring(at + "expr:".length()).trim();
            if (value.startsWith("|") || value.startsWith(">")) {
                StringBuilder block = new StringBuilder();
                while (i + 1 < lines.size() && (lines.get(i + 1).isBlank() || indent(lines.get(i + 1)) > at)) {
                    block.append(lines.get(++i).trim()).append('\n');
                }
                exprs.add(block.toString());
            } else {
                exprs.add(value);
            }
        }
        return exprs;
    }

    /** Every {@code expr} of a Grafana dashboard's panels. */
    static List<String> dashboardExpressions(JsonNode dashboard) {
        List<String> exprs = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                if (target.has("expr")) {
                    exprs.add(target.path("expr").asString());
                }
            }
        }
        return exprs;
    }

    /** The names the rules and dashboards under {@code deploy} query. */
    static Set<String> referenced(Path deploy) {
        Set<String> names = new TreeSet<>();
        try {
            for (Path rules : list(deploy.resolve("prometheus/rules"), ".yml")) {
                ruleExpressions(Files.readString(rules)).forEach(expr -> names.addAll(inExpression(expr)));
            }
            for (Path dashboard : list(deploy.resolve("grafana/dashboards"), ".json")) {
                dashboardExpressions(Http.JSON.readTree(dashboard.toFile())).forEach(expr -> names.addAll(inExpression(expr)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    /** The sample names of a Prometheus text scrape. */
    static Set<String> inScrape(String scrape) {
        Set<String> names = new TreeSet<>();
        scrape.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("[{ ]", 2)[0])
                .forEach(names::add);
        return names;
    }

    private static List<Path> list(Path dir, String suffix) throws IOException {
        try (Stream<Path> paths = Files.list(dir)) {
            return paths.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static int indent(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return n;
    }
}
