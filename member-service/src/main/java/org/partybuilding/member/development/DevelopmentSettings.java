package org.partybuilding.member.development;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The numbers of rules 8 and 9 (DOMAIN.md), from configuration {@code member.rules.*}.
 *
 * @param minimumAge              years of age at application (18)
 * @param activistMonths          months as activist before becoming a development target (12)
 * @param probationMonths         months of probation before confirmation (12)
 * @param extensionMinMonths      shortest probation extension (6)
 * @param extensionMaxMonths      longest probation extension (12)
 * @param targetTrainingHours     development-target training hours before admission (24)
 * @param applicantTalkMonths     months after application by which the talk is due (1)
 * @param mobileTransferMonths    months of work here after which a mobile member should transfer in (6)
 * @param trainingRecordsStart    the day the district's training records start (the platform went into use): an
 *                                admission to probation dated on or after it needs the training hours recorded even
 *                                when the member is registered or imported at a later stage
 */
@ConfigurationProperties("member.rules")
public record DevelopmentSettings(int minimumAge, int activistMonths, int probationMonths, int extensionMinMonths,
        int extensionMaxMonths, BigDecimal targetTrainingHours, int applicantTalkMonths, int mobileTransferMonths,
        LocalDate trainingRecordsStart) {
}
