package id.sni37122.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFPicture;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SheetWriterTest {

    @TempDir
    Path dir;

    @Test
    void chartsHaveTheirSizeInCellsAndStartAPrintedPage() throws Exception {
        Path png = dir.resolve("chart.png");
        ImageIO.write(new BufferedImage(950, 500, BufferedImage.TYPE_INT_RGB), "png", png.toFile());
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            SheetWriter s = new SheetWriter(book, "Bagan");
            s.title("Judul");
            s.header("Kota", "Nilai");
            s.row("Samarinda", 826.52);
            s.image(png, 6); // beside the title: row 0, where POI's resize gave no height
            for (int i = 0; i < 30; i++) {
                s.row("baris " + i, (long) i);
            }
            s.image(png, 6);
            s.subtitle("Tabel pendek"); // row 64, below the second chart's place (40 + 24)
            s.header("Bulan", "Nilai");
            for (int i = 1; i <= 20; i++) {
                s.row(i, (long) i);
            }
            s.image(png, 6);
            s.autosize(2);

            XSSFSheet sheet = book.getSheet("Bagan");
            List<XSSFClientAnchor> anchors = sheet.getDrawingPatriarch().getShapes().stream()
                    .map(shape -> ((XSSFPicture) shape).getClientAnchor()).toList();
            assertThat(anchors).hasSize(3);
            // 950 x 500 pixels at 60 %: 300 pixels high, 15 rows of the default 20 pixels (15 points):
            // it ends at the foot of row 14.
            assertThat(anchors.get(0).getRow1()).isZero();
            assertThat(anchors.get(0).getRow2()).isEqualTo(14);
            assertThat(anchors.get(0).getDy2()).isEqualTo(20 * org.apache.poi.util.Units.EMU_PER_PIXEL);
            assertThat(anchors.get(0).getCol2()).isGreaterThan(anchors.get(0).getCol1());
            // The first chart (rows 0-24 reserved) pushes the rows written after it down: 3 + 21 + 30 = 54,
            // and the second chart starts 14 rows above that, with a page break right above it.
            int second = anchors.get(1).getRow1();
            assertThat(second).isEqualTo(54 - 14);
            // The third chart's table is short: its page starts at the table's title, not at the chart.
            assertThat(anchors.get(2).getRow1()).isEqualTo(64 + 2 + 20 - 14);
            assertThat(sheet.getRowBreaks()).containsExactly(second - 1, 64 - 1);
        }
    }
}
