package org.partybuilding.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every snapshot states its contract, and decoding refuses data that breaks it, naming every reason. */
class EventContractTest {

    static Stream<Arguments> completeSnapshots() {
        return Stream.of(
                Arguments.of(new OrganizationSnapshot("org-1", 1, "越秀区社工服务中心", "51440104MA0000015M", "SOCIAL_GROUP",
                        "DISTRICT", LocalDate.of(2020, 5, 1), null, "SOCIAL_SERVICE", "JIANSHE", null,
                        new OrganizationSnapshot.LegalRepresentative("张三", true), 20, 12, "NORMAL", "ACTIVE", null, null)),
                Arguments.of(new PartyOrganizationSnapshot("po-1", 2, "中共某支部", "BRANCH", "JOINT", List.of("org-1", "org-2"),
                        "JIANSHE", "EDUCATION", null, LocalDate.of(2024, 7, 1), "ACTIVE", null, "m-1",
                        List.of(new PartyOrganizationSnapshot.CommitteeSeat("m-1", "SECRETARY")))),
                Arguments.of(new MemberSnapshot("m-1", 3, "李四", "FEMALE", "org-1", "po-1", "JIANSHE", "FORMAL", "ACTIVE",
                        false, false, LocalDate.of(2020, 1, 1), LocalDate.of(2021, 1, 1))),
                Arguments.of(new DuesPaymentSnapshot("m-1:2026-03", 1, "m-1", "po-1", "JIANSHE", "2026-03", "84.00",
                        LocalDate.of(2026, 3, 5))),
                Arguments.of(new FundingEntrySnapshot("e-1", 1, "ADJUSTMENT", "po-1", "JIANSHE", 2026, "-12.50", null, null,
                        "adjustment", "多记", Instant.parse("2026-03-05T00:00:00Z"))),
                Arguments.of(new TrainingAttendanceSnapshot("a-1", 1, "s-1", "m-1", "DEVELOPMENT_TARGET_TRAINING",
                        new BigDecimal("24.0"), LocalDate.of(2025, 6, 1))),
                Arguments.of(new ActivityRecordedSnapshot("act-1", 1, "po-1", "JIANSHE", "GENERAL_MEETING",
                        LocalDate.of(2026, 3, 1), null, false, List.of("m-1"), 0, 1, true, new BigDecimal("2"))),
                Arguments.of(new InstructorSnapshot("i-1", 1, "王五", List.of("org-3"), List.of("JIANSHE"), LocalDate.of(2026, 1, 1))),
                Arguments.of(new CoverageOutlookSnapshot("JIANSHE", 4, "JIANSHE", 2, 1)));
    }

    @ParameterizedTest
    @MethodSource("completeSnapshots")
    void completeDataRoundTripsWithoutViolations(AggregateSnapshot snapshot) {
        assertThat(snapshot.violations()).isEmpty();
        assertThat(EventCodec.decode(EventCodec.encode(snapshot), snapshot.getClass())).isEqualTo(snapshot);
    }

    static Stream<Arguments> onlyIdAndVersion() {
        return Stream.of(
                Arguments.of(OrganizationSnapshot.class, List.of("name", "creditCode", "type", "registeredOn", "street", "status")),
                Arguments.of(PartyOrganizationSnapshot.class, List.of("name", "type", "formation", "street", "establishedOn", "status")),
                Arguments.of(MemberSnapshot.class, List.of("name", "organizationId", "stage", "status")),
                Arguments.of(DuesPaymentSnapshot.class, List.of("memberId", "month", "amount", "paidOn")),
                Arguments.of(FundingEntrySnapshot.class, List.of("kind", "partyOrganizationId", "fiscalYear", "amount", "cause", "bookedAt")),
                Arguments.of(TrainingAttendanceSnapshot.class, List.of("sessionId", "memberId", "kind", "hours", "attendedOn")),
                Arguments.of(ActivityRecordedSnapshot.class, List.of("partyOrganizationId", "kind", "heldOn")),
                Arguments.of(InstructorSnapshot.class, List.of("name")),
                Arguments.of(CoverageOutlookSnapshot.class, List.of("street")));
    }

    /** The incomplete record of the fault-injection run: parseable, an id and a version, nothing else. */
    @ParameterizedTest
    @MethodSource("onlyIdAndVersion")
    void parseableButIncompleteDataIsAnEventFormatExceptionNamingEachMissingField(Class<?> type, List<String> missing) {
        byte[] json = "{\"id\":\"x-1\",\"version\":1}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> EventCodec.decode(json, type))
                .isInstanceOf(EventFormatException.class)
                .hasMessageStartingWith(type.getSimpleName() + " breaks the event contract")
                .satisfies(e -> assertThat(String.join(" | ", ((EventFormatException) e).reasons()))
                        .contains(missing.toArray(String[]::new)));
    }

    @Test
    void aCoverageOutlookNeverCountsBelowZero() {
        assertThat(new CoverageOutlookSnapshot("JIANSHE", 1, "JIANSHE", -1, 0).violations())
                .containsExactly("shouldFormSingle must not be negative");
    }

    @Test
    void blankIdsAndVersionsBelowOneAreRefused() {
        MemberSnapshot member = new MemberSnapshot(" ", 0, "李四", "FEMALE", "org-1", null, null, "FORMAL", "ACTIVE",
                false, false, null, null);
        assertThat(member.violations()).containsExactly("id is required", "version must be 1 or more (was 0)");
    }

    @Test
    void enumValuesOutsideTheContractAreRefused() {
        PartyOrganizationSnapshot unknown = new PartyOrganizationSnapshot("po-1", 1, "中共某支部", "CELL", "SOLO", List.of("org-1"),
                "JIANSHE", null, null, LocalDate.of(2024, 7, 1), "ACTIVE", null);
        assertThat(unknown.violations()).hasSize(2)
                .anySatisfy(v -> assertThat(v).startsWith("type 'CELL' is not one of"))
                .anySatisfy(v -> assertThat(v).startsWith("formation 'SOLO' is not one of"));
        PartyOrganizationSnapshot dissolvedUndated = new PartyOrganizationSnapshot("po-1", 2, "中共某支部", "BRANCH", "SINGLE",
                List.of("org-1"), "JIANSHE", null, null, LocalDate.of(2024, 7, 1), "DISSOLVED", null);
        assertThat(dissolvedUndated.violations()).containsExactly("dissolvedOn is required when DISSOLVED");
    }

    @Test
    void moneyIsYuanWithTwoDecimals() {
        for (String amount : List.of("84", "84.0", "84.000", "1e3", "八十四", "0.00", "-1.00")) {
            DuesPaymentSnapshot payment = new DuesPaymentSnapshot("m-1:2026-03", 1, "m-1", "po-1", null, "2026-03", amount,
                    LocalDate.of(2026, 3, 5));
            assertThat(payment.violations()).as(amount).hasSize(1).allSatisfy(v -> assertThat(v).startsWith("amount"));
        }
        FundingEntrySnapshot negativeAdjustment = new FundingEntrySnapshot("e-1", 1, "ADJUSTMENT", "po-1", null, 2026,
                "-1000.00", null, null, "adjustment", "冲销", Instant.now());
        assertThat(negativeAdjustment.violations()).isEmpty();
    }

    @Test
    void jsonNullIsNotAnEvent() {
        assertThatThrownBy(() -> EventCodec.decode("null".getBytes(StandardCharsets.UTF_8), MemberSnapshot.class))
                .isInstanceOf(EventFormatException.class);
    }
}
