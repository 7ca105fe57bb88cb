package org.partybuilding.registry.organization;

import java.util.List;

import org.partybuilding.platform.spreadsheet.ImportColumn;

/**
 * The columns of an organization import, each known by its API field name and by the Chinese
 * headings districts use in their registers. Required columns must be in the header row, or the
 * whole file is refused.
 */
enum OrganizationColumn implements ImportColumn {
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

    OrganizationColumn(String field, boolean required, String... chineseHeadings) {
        this.field = field;
        this.required = required;
        this.headings = List.of(chineseHeadings);
    }

    @Override
    public String field() {
        return field;
    }

    @Override
    public boolean required() {
        return required;
    }

    @Override
    public List<String> headings() {
        return headings;
    }
}
