package org.partybuilding.registry.organization;

import org.partybuilding.platform.spreadsheet.ImportColumn;

/**
 * The columns of an organization import, each known by its API field name and by the Chinese
 * headings districts use in their registers. Required columns must be in the header row, or the
 * whole file is refused.
 */
enum OrganizationColumn implements ImportColumn {
    NAME(Spec.required("name", "名称", "组织名称", "社会组织名称", "单位名称")),
    CREDIT_CODE(Spec.required("creditCode", "统一社会信用代码", "信用代码", "社会信用代码")),
    TYPE(Spec.required("type", "类型", "组织类型", "社会组织类型")),
    REGISTRATION_LEVEL(Spec.required("registrationLevel", "登记级别", "登记层级", "登记管理机关级别")),
    REGISTERED_ON(Spec.required("registeredOn", "登记日期", "成立登记日期", "成立日期")),
    SUPERVISORY_UNIT(Spec.optional("supervisoryUnit", "业务主管单位", "主管单位")),
    INDUSTRY(Spec.required("industry", "行业", "所属行业", "行业类别")),
    STREET(Spec.required("street", "街道", "所属街道", "所在街道")),
    ADDRESS(Spec.optional("address", "地址", "住所", "办公地址")),
    LEGAL_REPRESENTATIVE_NAME(Spec.required("legalRepresentative.name", "法定代表人", "法定代表人姓名", "legalRepresentativeName")),
    LEGAL_REPRESENTATIVE_PARTY_MEMBER(Spec.required("legalRepresentative.partyMember", "法定代表人是否党员", "法定代表人党员",
            "legalRepresentativePartyMember")),
    EMPLOYEES(Spec.required("employees", "从业人员数", "从业人员", "从业人员人数")),
    FULL_TIME_STAFF(Spec.required("fullTimeStaff", "专职工作人员数", "专职工作人员", "专职人员数", "专职人员")),
    OPERATING_STATUS(Spec.required("operatingStatus", "运营状况", "运营状态", "经营状况"));

    private final Spec spec;

    OrganizationColumn(Spec spec) {
        this.spec = spec;
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
