package org.partybuilding.platform.spreadsheet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.partybuilding.platform.problem.InvalidInputException;
import org.partybuilding.platform.problem.TooLargeException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * CSV and XLSX, both ways, with maintained libraries (Commons CSV, FastExcel): exports as API.md
 * wants them (CSV in UTF-8 with a BOM so Excel shows Chinese text) and uploads read into rows.
 */
public final class Spreadsheets {

    public static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");
    public static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    /** The media types a report endpoint produces besides JSON. */
    public static final String[] EXPORT_TYPES = {"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"};

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private Spreadsheets() {
    }

    /**
     * The table as an attachment in the format asked for: XLSX if the Accept header names it, CSV
     * otherwise. {@code baseName} becomes the file name (UTF-8 names are encoded per RFC 6266).
     */
    public static ResponseEntity<byte[]> export(List<MediaType> accepted, String baseName, Table table) {
        return export(accepted, baseName, List.of(table));
    }

    /**
     * A report of several parts (e.g. the figures and the gap list) as one attachment: in XLSX one sheet per table,
     * named after it; in CSV one section per table, each under a line with the table's name, separated by an empty
     * line.
     */
    public static ResponseEntity<byte[]> export(List<MediaType> accepted, String baseName, List<Table> tables) {
        boolean xlsx = accepted.stream().anyMatch(XLSX::isCompatibleWith);
        byte[] body = xlsx ? xlsx(tables) : csv(tables);
        ContentDisposition disposition = ContentDisposition.attachment()
                .filename(baseName + (xlsx ? ".xlsx" : ".csv"), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok()
                .contentType(xlsx ? XLSX : new MediaType(TEXT_CSV, StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .body(body);
    }

    /** UTF-8 with a byte-order mark, RFC 4180 quoting; text that a spreadsheet would run as a formula is defused. */
    public static byte[] csv(Table table) {
        return csv(List.of(table));
    }

    /** As {@link #csv(Table)}; several tables are sections, each under a line with its name, an empty line between. */
    public static byte[] csv(List<Table> tables) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(UTF8_BOM);
        try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.RFC4180)) {
            boolean sections = tables.size() > 1;
            for (int t = 0; t < tables.size(); t++) {
                Table table = tables.get(t);
                if (sections) {
                    if (t > 0) {
                        printer.println();
                    }
                    printer.printRecord(defused(table.name()));
                }
                printer.printRecord(table.headers());
                for (List<Object> row : table.rows()) {
                    List<String> cells = new ArrayList<>(row.size());
                    for (Object cell : row) {
                        cells.add(cell == null ? "" : cell instanceof String text ? defused(text) : String.valueOf(cell));
                    }
                    printer.printRecord(cells);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] xlsx(Table table) {
        return xlsx(List.of(table));
    }

    /** One sheet per table, named after it (as far as sheet names allow); money cells numeric in {@value Amount#XLSX_FORMAT}. */
    public static byte[] xlsx(List<Table> tables) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "Party-Building Platform", "1.0");
            java.util.Set<String> sheetNames = new java.util.HashSet<>();
            for (Table table : tables) {
                write(workbook.newWorksheet(sheetName(table.name(), sheetNames)), table);
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void write(Worksheet sheet, Table table) {
        for (int c = 0; c < table.headers().size(); c++) {
            sheet.value(0, c, table.headers().get(c));
            sheet.style(0, c).bold().set();
        }
        int r = 1;
        for (List<Object> row : table.rows()) {
            for (int c = 0; c < row.size(); c++) {
                Object cell = row.get(c);
                if (cell instanceof Amount amount) {
                    sheet.value(r, c, amount.yuan());
                    sheet.style(r, c).format(Amount.XLSX_FORMAT).set();
                } else if (cell instanceof Number number) {
                    sheet.value(r, c, number);
                } else if (cell instanceof Boolean bool) {
                    sheet.value(r, c, bool);
                } else if (cell instanceof LocalDate date) {
                    sheet.value(r, c, date);
                    sheet.style(r, c).format("yyyy-mm-dd").set();
                } else if (cell != null) {
                    sheet.value(r, c, cell.toString());
                }
            }
            r++;
        }
        sheet.freezePane(0, 1);
    }

    /** A sheet name Excel accepts: none of []:*?/\, at most 31 characters, unique in the workbook. */
    static String sheetName(String name, java.util.Set<String> taken) {
        String base = (name == null || name.isBlank() ? "sheet" : name).replaceAll("[\\[\\]:*?/\\\\]", " ").trim();
        if (base.length() > 31) {
            base = base.substring(0, 31);
        }
        String candidate = base;
        for (int n = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); n++) {
            String suffix = " (" + n + ")";
            candidate = (base.length() + suffix.length() > 31 ? base.substring(0, 31 - suffix.length()) : base) + suffix;
        }
        return candidate;
    }

    /**
     * Reads an upload: XLSX (its first sheet) or CSV in UTF-8, with or without a BOM. A file that is
     * neither, or is damaged, is a 400 on {@code file}; more than {@code maxRows} data rows is a 413.
     */
    public static SheetRows read(String filename, byte[] content, int maxRows) {
        if (content.length == 0) {
            throw new InvalidInputException("file", "is empty");
        }
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        if (ReadableWorkbook.isOOXMLZipHeader(content)) {
            return readXlsx(content, maxRows);
        }
        if (ReadableWorkbook.isOLE2Header(content) || name.endsWith(".xls")) {
            throw new InvalidInputException("file", "is an Excel 97-2003 (.xls) workbook; save it as .xlsx or CSV UTF-8");
        }
        if (name.endsWith(".xlsx")) {
            throw new InvalidInputException("file", "is not a readable XLSX workbook");
        }
        return readCsv(content, maxRows);
    }

    private static SheetRows readCsv(byte[] content, int maxRows) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("file", "is neither XLSX nor CSV in UTF-8 (in Excel: save as \"CSV UTF-8\")");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.indexOf('\0') >= 0) {
            throw new InvalidInputException("file", "is neither XLSX nor CSV text");
        }
        try (CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get().parse(new StringReader(text))) {
            List<String> headers = null;
            List<SheetRows.Row> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                List<String> cells = new ArrayList<>(record.size());
                record.forEach(value -> cells.add(value.trim()));
                if (cells.stream().allMatch(String::isEmpty)) {
                    continue;
                }
                // Line numbers as an editor shows them (a quoted cell may span lines).
                int number = (int) record.getRecordNumber();
                if (headers == null) {
                    headers = cells;
                } else {
                    rows.add(new SheetRows.Row(number, cells));
                    requireAtMost(maxRows, rows.size());
                }
            }
            return new SheetRows(headers == null ? List.of() : headers, rows);
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new InvalidInputException("file", "is not well-formed CSV: " + e.getMessage());
        }
    }

    /**
     * The first sheet of a workbook. Cell formats (to tell dates from numbers) come from the styles part; a workbook
     * without one (as some tools and libraries write it) is read without them: dates then arrive as Excel serial
     * numbers, which {@link CellValues#date(String)} reads. Shared and inline strings are both read.
     */
    private static SheetRows readXlsx(byte[] content, int maxRows) {
        try {
            return readXlsx(content, maxRows, true);
        } catch (TooLargeException e) {
            throw e;
        } catch (IOException | RuntimeException withFormats) {
            try {
                return readXlsx(content, maxRows, false);
            } catch (TooLargeException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                throw new InvalidInputException("file", "is not a readable XLSX workbook");
            }
        }
    }

    private static SheetRows readXlsx(byte[] content, int maxRows, boolean cellFormats) throws IOException {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(content), new ReadingOptions(cellFormats, false));
                Stream<Row> sheet = workbook.getFirstSheet().openStream()) {
            List<String> headers = null;
            List<SheetRows.Row> rows = new ArrayList<>();
            Iterator<Row> iterator = sheet.iterator();
            while (iterator.hasNext()) {
                Row row = iterator.next();
                List<String> cells = new ArrayList<>(row.getCellCount());
                for (int c = 0; c < row.getCellCount(); c++) {
                    cells.add(text(row.getCell(c)));
                }
                if (cells.stream().allMatch(String::isEmpty)) {
                    continue;
                }
                if (headers == null) {
                    headers = cells;
                } else {
                    rows.add(new SheetRows.Row(row.getRowNum(), cells));
                    requireAtMost(maxRows, rows.size());
                }
            }
            return new SheetRows(headers == null ? List.of() : headers, rows);
        }
    }

    /** A cell as the text a user typed: whole numbers without ".0", date-formatted numbers as ISO dates. */
    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        return switch (cell.getType()) {
            case NUMBER -> isDateFormat(cell.getDataFormatString())
                    ? cell.asDate().toLocalDate().toString()
                    : plain(cell.asNumber());
            case BOOLEAN -> String.valueOf(cell.asBoolean());
            case EMPTY -> "";
            default -> cell.getText() == null ? "" : cell.getText().trim();
        };
    }

    private static boolean isDateFormat(String format) {
        if (format == null) {
            return false;
        }
        String f = format.toLowerCase(Locale.ROOT).replaceAll("\\[[^]]*]|\"[^\"]*\"", "");
        return f.contains("y") || f.contains("d") || (f.contains("m") && !f.contains("0"));
    }

    private static String plain(BigDecimal number) {
        return number == null ? "" : number.stripTrailingZeros().toPlainString();
    }

    private static void requireAtMost(int maxRows, int rows) {
        if (rows > maxRows) {
            throw new TooLargeException("The file has more than " + maxRows + " rows; split it into smaller files");
        }
    }

    /** Spreadsheets run cells starting with = + - @ as formulas; a leading apostrophe keeps them text. */
    private static String defused(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
