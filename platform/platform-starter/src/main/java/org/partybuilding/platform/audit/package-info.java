/**
 * The audit trail (操作记录, DOMAIN.md §6, DESIGN.md "Security"): every write to an aggregate keeps who did it,
 * when, what changed (personal data masked) and why, as an {@link org.partybuilding.platform.audit.AuditRecord}
 * inside the aggregate's own document (field {@value org.partybuilding.platform.audit.AuditRecord#HISTORY_FIELD}),
 * appended in the same single-document write as the change: there is no change without its record.
 */
package org.partybuilding.platform.audit;
