package id.sni37122.cli;

import id.sni37122.connectors.Messages;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every city command shares. */
final class CityOptions {

    @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE", descriptionKey = "config")
    Path config;

    @Option(names = {"-q", "--quiet"}, descriptionKey = "quiet")
    boolean quiet;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "0", descriptionKey = "wait")
    int waitSeconds;

    /** Loads the config; on failure says the located message and throws, with the exit code in the exception. */
    CityConfig load(Console console, String language) throws ConfigException {
        try {
            return ConfigLoader.load(config, language);
        } catch (ConfigException e) {
            console.problem(Messages.get("cli.config_error") + " " + e.located());
            throw e;
        }
    }
}
