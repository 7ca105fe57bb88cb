package org.partybuilding.registry.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.partybuilding.platform.web.PageQuery;

class OrganizationDirectoryTest {

    private static Organization organization(String id, long version, String name, String street, String industry, OrganizationType type) {
        return new Organization(id, version, name, "code-" + id, "code-" + id, type, RegistrationLevel.DISTRICT,
                LocalDate.of(2024, 1, 1), null, industry, street, null, new Organization.LegalRepresentative("张", false), 5, 1,
                OperatingStatus.NORMAL, OrganizationStatus.ACTIVE, null, null, Instant.EPOCH, Instant.EPOCH, List.of());
    }

    private final OrganizationDirectory directory = new OrganizationDirectory();

    private List<String> names(OrganizationFilter filter, int page, int size) {
        return directory.page(filter, PageQuery.of(page, size)).items().stream().map(Organization::name).toList();
    }

    @Test
    void pagesAreByNameWithTotalsForEveryKindOfFilter() {
        directory.put(organization("1", 1, "丙协会", "JIANSHE", "EDUCATION", OrganizationType.SOCIAL_GROUP));
        directory.put(organization("2", 1, "甲基金会", "JIANSHE", "CHARITY", OrganizationType.FOUNDATION));
        directory.put(organization("3", 1, "乙中心", "HUALE", "EDUCATION", OrganizationType.PRIVATE_NON_ENTERPRISE));
        directory.put(organization("4", 1, "丁学校", "HUALE", "EDUCATION", OrganizationType.PRIVATE_NON_ENTERPRISE));

        OrganizationFilter all = new OrganizationFilter(null, null, null, null, null);
        assertThat(directory.page(all, PageQuery.of(0, 2)).total()).isEqualTo(4);
        assertThat(names(all, 0, 10)).isSorted();
        assertThat(names(all, 1, 3)).hasSize(1);
        assertThat(directory.page(new OrganizationFilter("HUALE", null, null, null, null), PageQuery.of(0, 1)).total()).isEqualTo(2);
        assertThat(directory.page(new OrganizationFilter(null, null, "EDUCATION", null, null), PageQuery.of(0, 20)).total()).isEqualTo(3);
        assertThat(names(new OrganizationFilter("JIANSHE", null, "EDUCATION", null, null), 0, 20)).containsExactly("丙协会");
        assertThat(names(new OrganizationFilter(null, OrganizationType.PRIVATE_NON_ENTERPRISE, null, null, "学校"), 0, 20))
                .containsExactly("丁学校");
        assertThat(directory.page(new OrganizationFilter("NOWHERE", null, null, null, null), PageQuery.of(0, 20)).total()).isZero();
        assertThat(names(new OrganizationFilter(null, null, null, null, "基金"), 0, 20)).containsExactly("甲基金会");
        assertThat(names(new OrganizationFilter(null, null, null, null, "基金会"), 0, 20)).containsExactly("甲基金会");
        assertThat(names(new OrganizationFilter(null, null, null, null, "会"), 0, 20)).containsExactly("丙协会", "甲基金会");
        assertThat(names(new OrganizationFilter("HUALE", null, null, null, "基金"), 0, 20)).isEmpty();
        assertThat(names(new OrganizationFilter(null, null, null, null, "金协"), 0, 20)).isEmpty();
    }

    @Test
    void pagesInTheOrderAskedForAndACreditCodeFindsItsOrganization() {
        directory.put(organization("a1", 1, "丙协会", "JIANSHE", "EDUCATION", OrganizationType.SOCIAL_GROUP));
        directory.put(organization("b2", 1, "甲基金会", "JIANSHE", "CHARITY", OrganizationType.FOUNDATION));
        directory.put(organization("c3", 1, "乙中心", "HUALE", "EDUCATION", OrganizationType.PRIVATE_NON_ENTERPRISE));
        OrganizationFilter all = new OrganizationFilter(null, null, null, null, null);

        var byStreetThenNameDesc = OrganizationSort.parse(List.of("street,asc", "name,desc"));
        assertThat(directory.page(all, byStreetThenNameDesc, PageQuery.of(0, 10)).items()).extracting(Organization::name)
                .containsExactly("乙中心", "甲基金会", "丙协会");
        var page = directory.page(all, OrganizationSort.parse(List.of("creditCode,desc")), PageQuery.of(1, 2));
        assertThat(page.total()).isEqualTo(3);
        assertThat(page.items()).extracting(Organization::name).containsExactly("丙协会");
        assertThat(directory.page(new OrganizationFilter("JIANSHE", null, null, null, null), OrganizationSort.parse(List.of("type,desc")),
                PageQuery.of(0, 10)).items()).extracting(Organization::name).containsExactly("甲基金会", "丙协会");

        directory.put(new Organization("d4", 1, "丁学校", "51440104MJL0000001", "51440104MJL0000001", OrganizationType.SOCIAL_GROUP,
                RegistrationLevel.DISTRICT, java.time.LocalDate.of(2024, 1, 1), null, "EDUCATION", "HUALE", null,
                new Organization.LegalRepresentative("张", false), 5, 1, OperatingStatus.NORMAL, OrganizationStatus.ACTIVE, null,
                null, Instant.EPOCH, Instant.EPOCH, List.of()));
        assertThat(names(new OrganizationFilter(null, null, null, null, "51440104MJL0000001"), 0, 10)).containsExactly("丁学校");
        assertThat(names(new OrganizationFilter(null, null, null, null, "mjl00"), 0, 10)).containsExactly("丁学校");
        assertThat(names(new OrganizationFilter("JIANSHE", null, null, null, "MJL"), 0, 10)).isEmpty();
    }

    @Test
    void aNewerVersionReplacesTheOldEverywhereAndAnOlderOneChangesNothing() {
        directory.put(organization("1", 1, "旧名", "JIANSHE", "EDUCATION", OrganizationType.SOCIAL_GROUP));
        directory.put(organization("1", 2, "新名", "HUALE", "CHARITY", OrganizationType.SOCIAL_GROUP));
        directory.put(organization("1", 1, "旧名", "JIANSHE", "EDUCATION", OrganizationType.SOCIAL_GROUP));
        assertThat(names(new OrganizationFilter(null, null, null, null, null), 0, 20)).containsExactly("新名");
        assertThat(names(new OrganizationFilter("JIANSHE", null, null, null, null), 0, 20)).isEmpty();
        assertThat(names(new OrganizationFilter(null, null, "EDUCATION", null, null), 0, 20)).isEmpty();
        assertThat(names(new OrganizationFilter("HUALE", null, "CHARITY", null, null), 0, 20)).containsExactly("新名");
        assertThat(names(new OrganizationFilter(null, null, null, null, "旧名"), 0, 20)).isEmpty();
        assertThat(names(new OrganizationFilter(null, null, null, null, "新名"), 0, 20)).containsExactly("新名");
        assertThat(directory.holds("1", 2)).isTrue();
        assertThat(directory.holds("1", 3)).isFalse();
    }

    @Test
    void aNameSearchSeesEveryChangeAfterItWasFirstAnswered() {
        directory.put(organization("1", 1, "甲基金会", "JIANSHE", "CHARITY", OrganizationType.FOUNDATION));
        OrganizationFilter foundations = new OrganizationFilter(null, null, null, null, "基金");
        assertThat(names(foundations, 0, 20)).containsExactly("甲基金会");

        directory.put(organization("2", 1, "乙基金会", "HUALE", "CHARITY", OrganizationType.FOUNDATION));
        directory.put(organization("3", 1, "丙基金会", "HUALE", "CHARITY", OrganizationType.FOUNDATION));
        assertThat(names(foundations, 0, 20)).containsExactly("丙基金会", "乙基金会", "甲基金会");
        assertThat(directory.page(foundations, PageQuery.of(1, 2)).total()).isEqualTo(3);
        assertThat(names(foundations, 1, 2)).containsExactly("甲基金会");

        directory.put(organization("1", 2, "甲协会", "JIANSHE", "CHARITY", OrganizationType.SOCIAL_GROUP));
        assertThat(names(foundations, 0, 20)).containsExactly("丙基金会", "乙基金会");
        assertThat(names(new OrganizationFilter("HUALE", null, null, null, "基金会"), 0, 20)).containsExactly("丙基金会", "乙基金会");
    }
}
