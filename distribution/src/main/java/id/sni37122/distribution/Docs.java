package id.sni37122.distribution;

import id.sni37122.cli.Main;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;
import picocli.AutoComplete;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Writes the release's man pages and bash completion from the picocli model, so they always say
 * what the commands accept: picocli-codegen writes AsciiDoc man pages, Asciidoctor turns them into
 * troff. English pages go to {@code man/man1}, Indonesian ones (the help bundle's default language)
 * to {@code man/id/man1}, where {@code man} finds them for an Indonesian locale.
 */
public final class Docs {

    private Docs() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        Path adoc = out.resolve("adoc");
        try (Asciidoctor asciidoctor = Asciidoctor.Factory.create()) {
            manPages(asciidoctor, Locale.ENGLISH, adoc.resolve("en"), out.resolve("man/man1"));
            manPages(asciidoctor, Locale.forLanguageTag("id"), adoc.resolve("id"), out.resolve("man/id/man1"));
        }
        Locale.setDefault(Locale.ENGLISH);
        Path completion = out.resolve("bash-completion/sni37122");
        Files.createDirectories(completion.getParent());
        Files.writeString(completion, AutoComplete.bash("sni37122", Main.commandLine()));
    }

    private static void manPages(Asciidoctor asciidoctor, Locale locale, Path adoc, Path man) throws IOException {
        // The help texts come from the resource bundle of the default locale at construction.
        Locale.setDefault(locale);
        Files.createDirectories(adoc);
        int status = ManPageGenerator.generateManPage(adoc.toFile(), null, new boolean[0], false,
                Main.commandLine().getCommandSpec());
        if (status != 0) {
            throw new IOException("man page generation failed with status " + status);
        }
        File[] pages = adoc.toFile().listFiles((dir, name) -> name.endsWith(".adoc"));
        for (File page : pages) {
            asciidoctor.convertFile(page, Options.builder().backend("manpage").toDir(man.toFile()).mkDirs(true)
                    .safe(SafeMode.UNSAFE).build());
        }
    }
}
