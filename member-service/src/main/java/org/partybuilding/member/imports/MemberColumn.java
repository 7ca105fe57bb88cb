package org.partybuilding.member.imports;

import org.partybuilding.platform.spreadsheet.ImportColumn;

/**
 * The columns of a member import, by API field name or the headings of a party member roster
 * (党员花名册). The employer is named by its registry id or its unified social credit code.
 */
enum MemberColumn implements ImportColumn {
    NAME(Spec.required("name", "姓名")),
    GENDER(Spec.required("gender", "性别")),
    ID_NUMBER(Spec.required("idNumber", "公民身份号码", "身份证号", "身份证号码")),
    PHONE(Spec.optional("phone", "手机号码", "手机号", "联系电话")),
    EDUCATION(Spec.optional("education", "学历")),
    ORGANIZATION_ID(Spec.optional("organizationId", "单位ID", "所在单位ID")),
    ORGANIZATION_CREDIT_CODE(Spec.optional("organizationCreditCode", "单位统一社会信用代码", "所在单位统一社会信用代码", "单位信用代码")),
    PARTY_ORGANIZATION_ID(Spec.optional("partyOrganizationId", "党组织ID", "所在党组织ID")),
    PARTY_ORGANIZATION_SINCE(Spec.optional("partyOrganizationSince", "加入党组织日期", "转入党组织日期")),
    STAGE(Spec.required("stage", "发展阶段", "人员类别", "党员类别")),
    APPLIED_ON(Spec.required("appliedOn", "申请入党日期")),
    ACTIVIST_ON(Spec.optional("activistOn", "确定入党积极分子日期", "确定积极分子日期")),
    TARGET_ON(Spec.optional("targetOn", "确定发展对象日期")),
    ADMITTED_ON(Spec.optional("admittedOn", "入党日期", "接收预备党员日期")),
    CONFIRMED_ON(Spec.optional("confirmedOn", "转正日期")),
    MONTHLY_INCOME(Spec.required("monthlyIncome", "税后月收入", "月收入")),
    INCOME_CATEGORY(Spec.required("incomeCategory", "收入类别"));

    private final Spec spec;

    MemberColumn(Spec spec) {
        this.spec = spec;
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
