package id.sni37122.cli;

import id.sni37122.connectors.Messages;
import id.sni37122.reports.publication.Publication;
import id.sni37122.reports.publication.PublicationException;
import id.sni37122.reports.publication.PublicationReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * What {@code compare -c} names, sorted out: city configs (figures computed from their
 * warehouses), publications ({@code …-hasil.json} or {@code .csv}), folders of publications, and
 * province configs ({@code province: {code, name}}, {@code cities: [...]} of any of these,
 * {@code output:}, {@code thresholds: {min_coverage_share}}). Configs and publications mix.
 */
final class CompareInputs {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    final List<CityConfig> configs = new ArrayList<>();
    /** Each config's file as the user named it, by the config's (absolute) file: the report shortens an absolute one. */
    final Map<Path, String> shownAs = new HashMap<>();
    final List<Publication> publications = new ArrayList<>();
    /** Things passed over, said in words (files in a folder that are not publications). */
    final List<String> notes = new ArrayList<>();
    String code = "gabungan";
    String name;
    Path output;
    Double minCoverage;
    private String language;

    /** A publication that is refused, or a province config that cannot be read: nothing is compared. */
    static final class InputException extends Exception {
        InputException(String message) {
            super(message);
        }
    }

    /** @param language {@code --lang}, which every city config is read in (its own {@code language:} is still checked); or null */
    static CompareInputs resolve(List<Path> arguments, String language) throws InputException, ConfigException, IOException {
        CompareInputs inputs = new CompareInputs();
        inputs.language = language;
        for (Path p : arguments) {
            inputs.add(p, true);
        }
        return inputs;
    }

    private void add(Path p, boolean topLevel) throws InputException, ConfigException, IOException {
        if (Files.isDirectory(p)) {
            folder(p);
        } else if (PublicationReader.isPublicationFile(p)) {
            publication(p);
        } else {
            JsonNode root = yaml(p);
            if (root != null && root.has("cities")) {
                if (!topLevel) {
                    throw new InputException(Messages.get("cli.compare_nested", p));
                }
                province(p, root);
            } else {
                CityConfig config = ConfigLoader.load(p, language);
                configs.add(config);
                shownAs.put(config.file(), p.toString());
            }
        }
    }

    private void folder(Path dir) throws InputException, IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(Files::isRegularFile).sorted().toList();
        }
        List<String> ignored = new ArrayList<>();
        int found = 0;
        for (Path f : files) {
            if (PublicationReader.isPublicationName(f)) {
                publication(f);
                found++;
            } else {
                ignored.add(f.getFileName().toString());
            }
        }
        if (found == 0) {
            throw new InputException(Messages.get("cli.compare_empty_folder", dir));
        }
        if (!ignored.isEmpty()) {
            notes.add(Messages.get("cli.compare_ignored", dir, ignored.size(),
                    String.join(", ", ignored.subList(0, Math.min(5, ignored.size()))) + (ignored.size() > 5 ? ", …" : "")));
        }
    }

    private void publication(Path file) throws InputException, IOException {
        try {
            publications.add(PublicationReader.read(file, file.toString()));
        } catch (PublicationException e) {
            throw new InputException(e.getMessage());
        }
    }

    private void province(Path file, JsonNode root) throws InputException, ConfigException, IOException {
        Path base = file.toAbsolutePath().getParent();
        code = root.path("province").path("code").asString(code);
        name = root.path("province").path("name").asString(null);
        if (root.has("output")) {
            output = base.resolve(root.path("output").asString());
        }
        JsonNode share = root.path("thresholds").path("min_coverage_share");
        if (share.isNumber()) {
            minCoverage = share.asDouble();
        }
        for (JsonNode c : root.path("cities")) {
            add(base.resolve(c.asString()), false);
        }
    }

    /** The YAML's top-level map, or null when it is not one (then ConfigLoader says what is wrong). */
    private static JsonNode yaml(Path file) {
        if (!file.toString().toLowerCase(Locale.ROOT).matches(".*\\.ya?ml") || !Files.isRegularFile(file)) {
            return null;
        }
        try {
            return YAML.readTree(file.toFile());
        } catch (JacksonException e) {
            return null;
        }
    }
}
