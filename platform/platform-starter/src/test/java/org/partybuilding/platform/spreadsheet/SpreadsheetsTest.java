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

    // --- workbooks as other tools write them (issue 20) ---------------------------------------------------------

    /**
     * A minimal workbook as some tools and libraries write it: no {@code styles.xml}, strings shared or inline, a
     * date typed as an Excel serial number.
     */
    static byte[] workbookWithoutStyles(boolean sharedStrings) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            String main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
            String rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
            entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                    + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                    + (sharedStrings ? "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>" : "")
                    + "</Types>");
            entry(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"" + rel + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            entry(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"" + main + "\" xmlns:r=\"" + rel + "\">"
                    + "<sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            entry(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"" + rel + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                    + (sharedStrings ? "<Relationship Id=\"rId2\" Type=\"" + rel + "/sharedStrings\" Target=\"sharedStrings.xml\"/>" : "")
                    + "</Relationships>");
            if (sharedStrings) {
                entry(zip, "xl/sharedStrings.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"" + main + "\" count=\"3\" uniqueCount=\"3\">"
                        + "<si><t>名称</t></si><si><t>登记日期</t></si><si><t>越秀区义工联合会</t></si></sst>");
            }
            entry(zip, "xl/worksheets/sheet1.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + main + "\"><sheetData>"
                    + "<row r=\"1\">" + text("A1", 0, "名称", sharedStrings) + text("B1", 1, "登记日期", sharedStrings)
                    + "<c r=\"C1\" t=\"inlineStr\"><is><t>从业人员</t></is></c></row>"
                    + "<row r=\"2\">" + text("A2", 2, "越秀区义工联合会", sharedStrings) + "<c r=\"B2\"><v>45352</v></c>"
                    + "<c r=\"C2\"><v>20</v></c></row></sheetData></worksheet>");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String text(String ref, int shared, String value, boolean sharedStrings) {
        return sharedStrings ? "<c r=\"" + ref + "\" t=\"s\"><v>" + shared + "</v></c>"
                : "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + value + "</t></is></c>";
    }

    private static void entry(java.util.zip.ZipOutputStream zip, String name, String content) throws java.io.IOException {
        zip.putNextEntry(new java.util.zip.ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    @Test
    void aWorkbookWithoutStylesIsReadWithSharedOrInlineStrings() {
        for (boolean shared : List.of(true, false)) {
            SheetRows rows = Spreadsheets.read("upload.xlsx", workbookWithoutStyles(shared), 10);
            assertThat(rows.headers()).as("shared strings: " + shared).containsExactly("名称", "登记日期", "从业人员");
            assertThat(rows.rows()).hasSize(1);
            assertThat(rows.rows().get(0).cells()).containsExactly("越秀区义工联合会", "45352", "20");
            // without styles a date arrives as its serial number, which the date reader takes
            assertThat(CellValues.date(rows.rows().get(0).cell(1))).isEqualTo(LocalDate.of(2024, 3, 1));
        }
    }

    private static final Table FUNDS = new Table("funding 2026", List.of("street", "amount"), List.of(
            List.of("JIANSHE", Amount.of("1234567.50")), List.of("合计 total", Amount.of(new java.math.BigDecimal("1234567.5")))));

    @Test
    void moneyIsANumberFormattedWithTwoDecimalsInXlsxAndPlainInCsv() throws Exception {
        try (var workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(
                new java.io.ByteArrayInputStream(Spreadsheets.xlsx(FUNDS)), new org.dhatim.fastexcel.reader.ReadingOptions(true, false));
                var sheet = workbook.getFirstSheet().openStream()) {
            List<org.dhatim.fastexcel.reader.Row> rows = sheet.toList();
            org.dhatim.fastexcel.reader.Cell amount = rows.get(1).getCell(1);
            assertThat(amount.getType()).isEqualTo(org.dhatim.fastexcel.reader.CellType.NUMBER);
            assertThat(amount.asNumber()).isEqualByComparingTo("1234567.50");
            assertThat(amount.getDataFormatString()).isEqualTo("#,##0.00");
        }
        String csv = new String(Spreadsheets.csv(FUNDS), StandardCharsets.UTF_8);
        assertThat(csv).contains("JIANSHE,1234567.50\r\n").contains("合计 total,1234567.50\r\n");
        assertThatThrownBy(() -> Amount.of("0.001")).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void aReportOfSeveralPartsIsOneSheetPerPartOrOneSectionPerPart() throws Exception {
        Table gaps = new Table("gaps", List.of("street", "reason"), List.of(List.of("JIANSHE", "NEEDS_JOINT")));
        try (var workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(
                new java.io.ByteArrayInputStream(Spreadsheets.xlsx(List.of(FUNDS, gaps))))) {
            assertThat(workbook.getSheets().map(org.dhatim.fastexcel.reader.Sheet::getName)).containsExactly("funding 2026", "gaps");
        }
        String csv = new String(Spreadsheets.csv(List.of(FUNDS, gaps)), StandardCharsets.UTF_8).substring(1);
        assertThat(csv).isEqualTo("funding 2026\r\nstreet,amount\r\nJIANSHE,1234567.50\r\n合计 total,1234567.50\r\n\r\n"
                + "gaps\r\nstreet,reason\r\nJIANSHE,NEEDS_JOINT\r\n");
    }

    @Test
    void sheetNamesAreWhatExcelAccepts() {
        java.util.Set<String> taken = new java.util.HashSet<>();
        assertThat(Spreadsheets.sheetName("compliance 2026/Q4: [all]", taken)).isEqualTo("compliance 2026 Q4   all");
        assertThat(Spreadsheets.sheetName("a".repeat(40), taken)).hasSize(31);
        assertThat(Spreadsheets.sheetName("a".repeat(40), taken)).isEqualTo("a".repeat(27) + " (2)");
    }
}
