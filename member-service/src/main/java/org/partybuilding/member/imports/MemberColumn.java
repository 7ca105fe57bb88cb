package org.partybuilding.member.imports;

import java.util.List;

import org.partybuilding.platform.spreadsheet.ImportColumn;

/**
 * The columns of a member import, by API field name or the headings of a party member roster
 * (党员花名册). The employer is named by its registry id or its unified social credit code.
 */
enum MemberColumn implements ImportColumn {
    NAME("name", true, "姓名"),
    GENDER("gender", true, "性别"),
    ID_NUMBER("idNumber", true, "公民身份号码", "身份证号", "身份证号码"),
    PHONE("phone", false, "手机号码", "手机号", "联系电话"),
    EDUCATION("education", false, "学历"),
    ORGANIZATION_ID("organizationId", false, "单位ID", "所在单位ID"),
    ORGANIZATION_CREDIT_CODE("organizationCreditCode", false, "单位统一社会信用代码", "所在单位统一社会信用代码", "单位信用代码"),
    PARTY_ORGANIZATION_ID("partyOrganizationId", false, "党组织ID", "所在党组织ID"),
    STAGE("stage", true, "发展阶段", "人员类别", "党员类别"),
    APPLIED_ON("appliedOn", true, "申请入党日期"),
    ACTIVIST_ON("activistOn", false, "确定入党积极分子日期", "确定积极分子日期"),
    TARGET_ON("targetOn", false, "确定发展对象日期"),
    ADMITTED_ON("admittedOn", false, "入党日期", "接收预备党员日期"),
    CONFIRMED_ON("confirmedOn", false, "转正日期"),
    MONTHLY_INCOME("monthlyIncome", true, "税后月收入", "月收入"),
    INCOME_CATEGORY("incomeCategory", true, "收入类别");

    private final String field;
    private final boolean required;
    private final List<String> headings;

    MemberColumn(String field, boolean required, String... headings) {
        this.field = field;
        this.required = required;
        this.headings = List.of(headings);
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
