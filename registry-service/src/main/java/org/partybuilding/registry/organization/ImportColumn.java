package org.partybuilding.registry.organization;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The columns of an organization import, each known by its API field name and by the Chinese
 * headings districts use in their registers. Required columns must be in the header row, or the
 * whole file is refused.
 */
enum ImportColumn {
    NAME("name", true, "名称", "组织名称", "社会组织名称", "单位名称"),
    CREDIT_CODE("creditCode", true, "统一社会信用代码", "信用代码", "社会信用代码"),
    TYPE("type", true, "类型", "组织类型", "社会组织类型"),
    REGISTRATION_LEVEL("registrationLevel", true, "登记级别", "登记层级", "登记管理机关级别"),
    REGISTERED_ON("registeredOn", true, "登记日期", "成立登记日期", "成立日期"),
    SUPERVISORY_UNIT("supervisoryUnit", false, "业务主管单位", "主管单位"),
    INDUSTRY("industry", true, "行业", "所属行业", "行业类别"),
    STREET("street", true, "街道", "所属街道", "所在街道"),
    ADDRESS("address", false, "地址", "住所", "办公地址"),
    LEGAL_REPRESENTATIVE_NAME("legalRepresentative.name", true, "法定代表人", "法定代表人姓名", "legalRepresentativeName"),
    LEGAL_REPRESENTATIVE_PARTY_MEMBER("legalRepresentative.partyMember", true, "法定代表人是否党员", "法定代表人党员",
            "legalRepresentativePartyMember"),
    EMPLOYEES("employees", true, "从业人员数", "从业人员", "从业人员人数"),
    FULL_TIME_STAFF("fullTimeStaff", true, "专职工作人员数", "专职工作人员", "专职人员数", "专职人员"),
    OPERATING_STATUS("operatingStatus", true, "运营状况", "运营状态", "经营状况");

    private final String field;
    private final boolean required;
    private final List<String> headings;

    ImportColumn(String field, boolean required, String... chineseHeadings) {
        this.field = field;
        this.required = required;
        this.headings = List.of(chineseHeadings);
    }

    /** The API field name, used in a rejected row's errors. */
    String field() {
        return field;
    }

    boolean required() {
        return required;
    }

    /** "名称 (name)": how a missing column is named to the user. */
    String label() {
        return headings.get(0) + " (" + field + ")";
    }

    /** The column a header cell names: its field name in any case, or one of its Chinese headings. */
    static Optional<ImportColumn> forHeading(String heading) {
        String h = heading.replace("\uFEFF", "").replace("*", "").trim();
        for (ImportColumn column : values()) {
            if (column.field.equalsIgnoreCase(h) || column.headings.stream().anyMatch(x -> x.equalsIgnoreCase(h))) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }

    static String normalized(String value) {
        return value.trim().toUpperCase(Locale.ROOT);
    }
}
