package id.sni37122.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed samples are exactly what {@link SampleCities} writes, so they can always be
 * regenerated and reviewed as code. {@code make samples} runs this with {@code -Dsamples.write=true},
 * which rewrites {@code samples/} instead of comparing.
 */
class SampleCitiesTest {

    private static final Path SAMPLES = Path.of("..", "samples");

    @TempDir
    Path dir;

    @Test
    void committedSamplesAreWhatTheGeneratorWrites() throws Exception {
        if (Boolean.getBoolean("samples.write")) {
            SampleCities.write(SAMPLES);
        }
        SampleCities.write(dir);
        List<Path> generated;
        try (Stream<Path> files = Files.walk(dir)) {
            generated = files.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(generated).hasSizeGreaterThan(20);
        for (Path file : generated) {
            Path committed = SAMPLES.resolve(dir.relativize(file).toString());
            assertThat(committed).as("run make samples").exists();
            assertThat(Files.mismatch(file, committed)).as(committed + " differs from the generator's; run make samples").isEqualTo(-1L);
        }
    }
}
