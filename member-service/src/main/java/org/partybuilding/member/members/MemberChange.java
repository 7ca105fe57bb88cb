package org.partybuilding.member.members;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.partybuilding.member.development.Stage;
import org.partybuilding.member.development.StageDates;

/** Builds the next state of a {@link Member}: the version goes up by one, the outbox is left to the writer. */
public final class MemberChange {

    private final Member m;
    private String name;
    private Gender gender;
    private LocalDate birthDate;
    private String idNumberSealed;
    private String idNumberHash;
    private String phoneSealed;
    private String education;
    private String organizationId;
    private String street;
    private String partyOrganizationId;
    private Stage stage;
    private StageDates stageDates;
    private Integer probationExtendedMonths;
    private LocalDate applicantTalkOn;
    private MobileMembership mobile;
    private BigDecimal monthlyIncome;
    private IncomeCategory incomeCategory;
    private MemberStatus status;
    private LocalDate leftOn;
    private boolean transferRequired;
    private List<Transfer> transfers;
    private LocalDate partyOrganizationSince;
    private LocalDate onPlatformSince;

    MemberChange(Member m) {
        this.m = m;
        name = m.name();
        gender = m.gender();
        birthDate = m.birthDate();
        idNumberSealed = m.idNumberSealed();
        idNumberHash = m.idNumberHash();
        phoneSealed = m.phoneSealed();
        education = m.education();
        organizationId = m.organizationId();
        street = m.street();
        partyOrganizationId = m.partyOrganizationId();
        stage = m.stage();
        stageDates = m.stageDates();
        probationExtendedMonths = m.probationExtendedMonths();
        applicantTalkOn = m.applicantTalkOn();
        mobile = m.mobile();
        monthlyIncome = m.monthlyIncome();
        incomeCategory = m.incomeCategory();
        status = m.status();
        leftOn = m.leftOn();
        transferRequired = m.transferRequired();
        transfers = new ArrayList<>(m.transfers());
        partyOrganizationSince = m.partyOrganizationSince();
        onPlatformSince = m.onPlatformSince();
    }

    public MemberChange person(String newName, Gender newGender, LocalDate newBirthDate, String sealedId, String idHash,
            String sealedPhone, String newEducation) {
        name = newName;
        gender = newGender;
        birthDate = newBirthDate;
        idNumberSealed = sealedId;
        idNumberHash = idHash;
        phoneSealed = sealedPhone;
        education = newEducation;
        return this;
    }

    public MemberChange employer(String newOrganizationId, String newStreet) {
        organizationId = newOrganizationId;
        street = newStreet;
        return this;
    }

    /** Places the member in party organization {@code id} from {@code since} (rule 7a; rule 15 counts from that day). */
    public MemberChange partyOrganization(String id, LocalDate since) {
        if (id == null || !id.equals(partyOrganizationId)) {
            partyOrganizationSince = id == null ? null : since;
        }
        partyOrganizationId = id;
        return this;
    }

    /** The member came under the platform on {@code on} (a transfer in from outside the district): dues are owed from then. */
    public MemberChange onPlatformSince(LocalDate on) {
        onPlatformSince = on;
        return this;
    }

    /** Corrects the date of a stage already reached (the stage stays). */
    public MemberChange stageDates(StageDates dates) {
        stageDates = dates;
        return this;
    }

    public MemberChange stage(Stage newStage, StageDates dates) {
        stage = newStage;
        stageDates = dates;
        return this;
    }

    public MemberChange probationExtendedMonths(Integer months) {
        probationExtendedMonths = months;
        return this;
    }

    public MemberChange applicantTalkOn(LocalDate on) {
        applicantTalkOn = on;
        return this;
    }

    public MemberChange mobile(MobileMembership newMobile) {
        mobile = newMobile;
        return this;
    }

    public MemberChange income(BigDecimal newIncome, IncomeCategory category) {
        monthlyIncome = newIncome;
        incomeCategory = category;
        return this;
    }

    public MemberChange status(MemberStatus newStatus, LocalDate on) {
        status = newStatus;
        leftOn = on;
        return this;
    }

    public MemberChange transferRequired(boolean required) {
        transferRequired = required;
        return this;
    }

    /** Adds the transfer, or replaces the one with its id. */
    public MemberChange transfer(Transfer transfer) {
        transfers.removeIf(t -> t.id().equals(transfer.id()));
        transfers.add(transfer);
        return this;
    }

    public Member at(Instant now) {
        return new Member(m.id(), m.version() + 1, name, gender, birthDate, idNumberSealed, idNumberHash, phoneSealed, education,
                organizationId, street, partyOrganizationId, stage, stageDates, probationExtendedMonths, applicantTalkOn, mobile,
                monthlyIncome, incomeCategory, status, leftOn, transferRequired, transfers, partyOrganizationSince, onPlatformSince,
                m.createdAt(), now, List.of(), m.history());
    }
}
