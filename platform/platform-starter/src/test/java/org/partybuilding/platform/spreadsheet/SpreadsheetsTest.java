package org.partybuilding.platform.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.partybuilding.platform.problem.InvalidInputException;
import org.partybuilding.platform.problem.TooLargeException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

class SpreadsheetsTest {

    private static final Table LEDGER = new Table("五个清", List.of("名称", "从业人员", "登记日期", "党员"), List.of(
            List.of("越秀区\"义工\"联合会", 20, LocalDate.of(2024, 3, 1), true),
            Arrays.asList("=HYPERLINK(\"x\")", 0, null, false)));

    @Test
    void csvExportIsUtf8WithBomQuotedAndDefusesFormulas() {
        byte[] csv = Spreadsheets.csv(LEDGER);
        assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        assertThat(text).startsWith("名称,从业人员,登记日期,党员\r\n")
                .contains("\"越秀区\"\"义工\"\"联合会\",20,2024-03-01,true")
                .contains("\"'=HYPERLINK(\"\"x\"\")\",0,,false");
    }

    @Test
    void whatIsExportedReadsBackAsTheSameRowsInBothFormats() {
        SheetRows fromCsv = Spreadsheets.read("ledger.csv", Spreadsheets.csv(LEDGER), 10);
        SheetRows fromXlsx = Spreadsheets.read("ledger.xlsx", Spreadsheets.xlsx(LEDGER), 10);
        for (SheetRows rows : List.of(fromCsv, fromXlsx)) {
            assertThat(rows.headers()).containsExactly("名称", "从业人员", "登记日期", "党员");
            assertThat(rows.rows()).hasSize(2);
            assertThat(rows.rows().get(0).number()).isEqualTo(2);
            assertThat(rows.rows().get(0).cells()).containsExactly("越秀区\"义工\"联合会", "20", "2024-03-01", "true");
            assertThat(rows.rows().get(1).cell(1)).isEqualTo("0");
            assertThat(rows.rows().get(1).cell(9)).isEmpty();
        }
    }

    @Test
    void csvWithoutBomAndWithBlankLinesIsRead() {
        String csv = "name,employees\n\nA,1\n,\n\"B, Ltd\",2\n";
        SheetRows rows = Spreadsheets.read("orgs.csv", csv.getBytes(StandardCharsets.UTF_8), 10);
        assertThat(rows.rows()).extracting(r -> r.cell(0)).containsExactly("A", "B, Ltd");
    }

    @Test
    void damagedOrForeignFilesAreRejectedNamingTheFile() {
        byte[] xlsx = Spreadsheets.xlsx(LEDGER);
        byte[] truncated = Arrays.copyOf(xlsx, xlsx.length / 2);
        assertThatThrownBy(() -> Spreadsheets.read("ledger.xlsx", truncated, 10)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors().get(0).field()).isEqualTo("file"));
        assertThatThrownBy(() -> Spreadsheets.read("ledger.xlsx", "not a workbook".getBytes(StandardCharsets.UTF_8), 10))
                .isInstanceOf(InvalidInputException.class);
        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
        assertThatThrownBy(() -> Spreadsheets.read("old.xls", ole2, 10)).hasMessageContaining(".xls");
        byte[] gbk = "名称,人数\n甲,1\n".getBytes(java.nio.charset.Charset.forName("GBK"));
        assertThatThrownBy(() -> Spreadsheets.read("orgs.csv", gbk, 10)).hasMessageContaining("UTF-8");
        assertThatThrownBy(() -> Spreadsheets.read("orgs.csv", new byte[0], 10)).hasMessageContaining("empty");
    }

    @Test
    void moreRowsThanAllowedIs413() {
        String csv = "a\n1\n2\n3\n";
        assertThatThrownBy(() -> Spreadsheets.read("x.csv", csv.getBytes(StandardCharsets.UTF_8), 2))
                .isInstanceOf(TooLargeException.class);
        assertThat(Spreadsheets.read("x.csv", csv.getBytes(StandardCharsets.UTF_8), 3).rows()).hasSize(3);
    }

    @Test
    void exportAnswersTheAskedFormatAsAnAttachment() {
        var xlsx = Spreadsheets.export(List.of(Spreadsheets.XLSX), "五个清台账", LEDGER);
        assertThat(xlsx.getHeaders().getContentType()).isEqualTo(Spreadsheets.XLSX);
        assertThat(xlsx.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).contains("attachment").contains(".xlsx");
        var csv = Spreadsheets.export(List.of(MediaType.parseMediaType("text/csv")), "ledger", LEDGER);
        assertThat(csv.getHeaders().getContentType().toString()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(csv.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).contains("ledger.csv");
    }
}
