package org.partybuilding.registry.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.partybuilding.platform.district.District;
import org.partybuilding.platform.problem.InvalidInputException;
import org.partybuilding.platform.spreadsheet.CellValues;
import org.partybuilding.platform.spreadsheet.SheetRows;

class OrganizationRowsTest {

    private final District district = new District("440104", "越秀区", Map.of("JIANSHE", "建设", "HUALE", "华乐"),
            List.of("EDUCATION", "ELDERLY_CARE"), Map.of("EDUCATION", "教育", "ELDERLY_CARE", "养老服务"));
    private final OrganizationRows rows = new OrganizationRows(district);

    private static final List<String> HEADERS = List.of("名称", "统一社会信用代码", "类型", "登记级别", "登记日期", "行业", "街道",
            "法定代表人", "法定代表人是否党员", "从业人员数", "专职工作人员数", "运营状况");

    private OrganizationRows.ImportRow read(String... cells) {
        return rows.read(new SheetRows(HEADERS, List.of(new SheetRows.Row(2, List.of(cells))))).get(0);
    }

    @Test
    void chineseWordsAndCodesReadAlike() {
        var chinese = read("甲", "51440104mj0000012x", "基金会", "市级", "2024年3月1日", "养老服务", "建设街道", "张三", "是", "10", "4", "困难");
        var codes = read("甲", "51440104MJ0000012X", "FOUNDATION", "CITY", "2024-03-01", "ELDERLY_CARE", "JIANSHE", "张三", "true",
                "10", "4", "DIFFICULT");
        assertThat(chinese.errors()).isEmpty();
        assertThat(chinese.registration()).isEqualTo(codes.registration());
        assertThat(chinese.registration().creditCode()).isEqualTo("51440104MJ0000012X");
    }

    @Test
    void datesMayBeWrittenTheWaysRegistersWriteThemOrAsExcelSerials() {
        assertThat(CellValues.date("2024/3/1")).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(CellValues.date("2024.03.01")).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(CellValues.date("45352")).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(CellValues.date("去年")).isNull();
    }

    @Test
    void unreadableCellsAreErrorsOfTheirRowNamingTheField() {
        var row = read("甲", "X", "俱乐部", "区级", "昨天", "赌博", "火星", "张三", "也许", "十", "4.5", "正常");
        assertThat(row.errors()).extracting(e -> e.field()).containsExactly("type", "registeredOn", "industry", "street",
                "legalRepresentative.partyMember", "employees", "fullTimeStaff");
        assertThat(row.errors().get(0).message()).contains("俱乐部");
    }

    @Test
    void aHeaderRowWithoutARequiredColumnRefusesTheFile() {
        assertThatThrownBy(() -> rows.read(new SheetRows(List.of("名称", "街道"), List.of())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("file")
                .satisfies(e -> assertThat(((InvalidInputException) e).errors().get(0).message())
                        .contains("统一社会信用代码 (creditCode)").doesNotContain("街道 (street)"));
    }
}
