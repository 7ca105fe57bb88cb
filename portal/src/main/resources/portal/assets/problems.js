// Every refusal a user sees, in the user's language, from ONE table: the services answer with stable codes (HTTP status,
// the 422's rule name and facts, the validation errors' field names) and English details; the portal never shows
// those details. A rule or message not in the table still reads in Chinese: "不符合第 N 条规定（…）", the status's
// sentence, or "填写有误" next to the field.
import { t, has } from './i18n.js';

/** Field names (of any service's errors) → their label in the message table. */
const FIELDS = {
  name: 'common.name', creditCode: 'org.creditCode', type: 'common.type', registrationLevel: 'org.registrationLevel',
  registeredOn: 'org.registeredOn', supervisoryUnit: 'org.supervisoryUnit', industry: 'common.industry', street: 'common.street',
  address: 'org.address', 'legalRepresentative.name': 'org.legalRepresentative', 'legalRepresentative.partyMember': 'org.legalRepresentativePartyMember',
  employees: 'org.employees', fullTimeStaff: 'org.fullTimeStaff', operatingStatus: 'org.operatingStatus', date: 'common.date', reason: 'common.reason',
  gender: 'member.gender', birthDate: 'member.birthDate', idNumber: 'member.idNumber', phone: 'member.phone', education: 'member.education',
  organizationId: 'member.organizationId', organizationCreditCode: 'member.organizationId', partyOrganizationId: 'member.partyOrganizationId',
  monthlyIncome: 'member.monthlyIncome', incomeCategory: 'member.incomeCategory', stage: 'member.stage',
  appliedOn: 'member.appliedOn', activistOn: 'member.activistOn', targetOn: 'member.targetOn', admittedOn: 'member.admittedOn',
  confirmedOn: 'member.confirmedOn', month: 'member.duesMonth', amount: 'member.amount', on: 'member.transitionOn',
  toPartyOrganizationId: 'member.toPartyOrganizationId', destination: 'member.destination', from: 'member.from',
  formation: 'branch.formation', organizationIds: 'branch.organizations', superior: 'branch.superior', establishedOn: 'branch.establishedOn',
  electedOn: 'branch.electedOn', secretary: 'branch.secretary', committee: 'branch.committee', title: 'training.title',
  kind: 'training.kind', organizer: 'training.organizer', startsOn: 'training.startsOn', endsOn: 'training.endsOn', hours: 'training.hours',
  heldOn: 'training.heldOn', topic: 'training.topic', attendeeIds: 'training.attendees', memberIds: 'training.members',
  lecturerMemberId: 'training.lecturer', fiscalYear: 'funding.fiscalYear', snapshotDate: 'funding.snapshotDate', file: 'import.file',
};

/** A field error's English message (the services' wording) → the user's sentence; $1… are the message's groups. */
const FIELD_MESSAGES = [
  [/must not be (blank|null|empty)|^is required|required$/i, '必填', 'required'],
  [/must not be in the future/, '不能晚于今天', 'must not be in the future'],
  [/before the party organization was established \((\d{4}-\d{2}-\d{2})\)/, '不能早于党组织成立日期 $1', 'before the establishment on $1'],
  [/must not be before the registration on (\d{4}-\d{2}-\d{2})/, '不能早于登记日期 $1', 'before the registration on $1'],
  [/previous stage's date\D*(\d{4}-\d{2}-\d{2})?/, '不能早于上一阶段的日期 $1', "before the previous stage's date $1"],
  [/must not be before (startsOn|.*)/, '日期早于允许的日期', 'too early'],
  [/outside your data scope/, '超出您的管辖范围', 'outside your scope'],
  [/not a street of the district|one of the district's streets/, '不是本区的街道', 'not a street of the district'],
  [/appears already in row (\d+)/, '与第 $1 行重复', 'repeats row $1'],
  [/registered already|already registered/, '已经登记过', 'registered already'],
  [/does not agree with the ID number/, '与身份证号不一致', 'does not agree with the ID number'],
  [/must not exceed employees/, '不能多于从业人员', 'exceeds employees'],
  [/must not exceed the session's/, '不能超过培训班的学时', "exceeds the session's hours"],
  [/is not an active organization/, '不是在册的社会组织', 'not an active organization'],
  [/is not an active party organization/, '不是正常状态的党组织', 'not an active party organization'],
  [/is not a known party organization/, '不是已登记的党组织', 'not a known party organization'],
  [/names an organization more than once/, '同一社会组织重复选择', 'an organization twice'],
  [/is not an active member/, '不是正常状态的党员', 'not an active member'],
  [/is only for a party lesson/, '只有党课需要主讲人', 'only for a party lesson'],
  [/^lists /, '包含不属于本党组织的党员', 'lists non-members'],
  [/is required for stage/, '到该阶段必须填写', 'required for this stage'],
  [/must be absent: stage/, '该阶段不应填写', 'must be empty for this stage'],
  [/check (character|digit)|checksum/i, '校验码不符', 'wrong check character'],
  [/18/, '应为 18 位', 'must be 18 characters'],
  [/must be one of|is not one of|' is not|unknown value/i, '取值无效', 'not a valid choice'],
  [/must be between|must be \d+ to \d+|must be 0 or more|must be a fiscal year/, '超出允许范围', 'out of range'],
  [/must not be zero/, '不能为零', 'must not be zero'],
  [/must be at most/, '太长', 'too long'],
  [/a date such as/, '应为日期，如 2024-03-01', 'a date such as 2024-03-01'],
  [/an amount in yuan/, '应为金额（元）', 'an amount in yuan'],
  [/(男|入党申请人|在职)/, '取值无效', 'not a valid choice'],
];

/** A 409's English detail → the user's sentence (conflicts have no code of their own). */
const CONFLICTS = [
  [/credit code .* already registered/, '该统一社会信用代码已有在册的社会组织登记，不能重复登记。', 'An active organization with this credit code is already registered.'],
  [/ID number is already registered/, '该身份证号的党员已经登记过。', 'A member with this ID number is already registered.'],
  [/already deregistered/, '该社会组织已经注销。', 'This organization is already deregistered.'],
  [/is deregistered and can no longer be changed/, '该社会组织已注销，不能再修改。', 'The organization is deregistered and cannot change.'],
  [/dissolved on .* can no longer be changed/, '该党组织已撤销，不能再修改。', 'The party organization is dissolved and cannot change.'],
  [/is already covered by/, '该社会组织已被其他党组织覆盖，须先从原党组织移出。', 'The organization is already covered by another party organization.'],
  [/already covers/, '该党组织已覆盖此社会组织。', 'It covers this organization already.'],
  [/Only a JOINT party organization/, '只有联合建的党组织可以调整覆盖的社会组织。', 'Only a joint party organization changes its organizations.'],
  [/Dues for .* already recorded/, '该月党费已经缴纳，每人每月只缴一次。', 'Dues for this month are already recorded.'],
  [/already has a transfer in progress/, '该党员已有正在办理的组织关系转接。', 'A transfer is already in progress.'],
  [/Transfer .* is already/, '该组织关系转接已经办结。', 'The transfer is already finished.'],
  [/was allocated on the snapshot date/, '该年度经费已经拨付过，一个年度只拨付一次（更正请用调整）。', 'The year was already allocated.'],
  [/is being booked/, '该年度经费拨付正在记账，请稍后再试。', 'The allocation is being booked; try again shortly.'],
  [/funding policy is at version/, '经费标准已被修改，请刷新后再试。', 'The policy changed; reload and retry.'],
  [/changed meanwhile|read it again/, '记录已被他人修改，请刷新后再试。', 'Changed meanwhile; reload and retry.'],
  [/Member .* is (TRANSFERRED_OUT|LEFT)/, '该党员已转出或离开，不能再办理。', 'The member has left or transferred out.'],
];

const en = () => document.documentElement.lang === 'en';

function fromTable(table, text) {
  for (const [pattern, zh, english] of table) {
    const m = pattern.exec(text || '');
    if (m) return (en() ? english : zh).replace(/\$(\d)/g, (_, i) => m[Number(i)] || '').trim();
  }
  return null;
}

/** The label of a field of a service's error. */
export function fieldLabel(field) {
  const key = FIELDS[field] || FIELDS[String(field).replace(/^.*\./, '')];
  return key && has(key) ? t(key) : t('import.field');
}

/** One field error's message for the user. */
export function fieldMessage(message) {
  return fromTable(FIELD_MESSAGES, message) || t('problem.fieldFallback');
}

/** The field errors of a refusal: field name → the user's message (for the form to show next to each field). */
export function fieldErrors(error) {
  const out = {};
  for (const e of (error && error.problem && error.problem.errors) || []) {
    if (!e || !e.field) continue;
    const text = fieldMessage(e.message);
    out[e.field] = out[e.field] ? out[e.field] + '；' + text : text;
  }
  return out;
}

/** A rule name (a 422's `rule`) → its sentence: the table's, else "rule N (its subject)", else the 422 sentence. */
export function ruleSentence(rule) {
  if (!rule) return '';
  if (has('rule.' + rule)) return t('rule.' + rule);
  const n = /^RULE_(\d+)/.exec(rule);
  if (n && has('rule.n.' + n[1])) return t('problem.ruleN', n[1], t('rule.n.' + n[1]));
  return t('problem.422');
}

function facts(problem) {
  const out = [];
  for (const [k, v] of Object.entries((problem && problem.facts) || {})) {
    if (!has('fact.' + k)) continue;
    out.push(t('fact.' + k) + '：' + (Array.isArray(v) ? v.length : v));
  }
  return out;
}

/**
 * What to tell the user about a failed call: `message` (one sentence), `rule` (a 422's rule sentence), `facts`
 * (the figures that decided it) and `fields` ([{field, label, message}]).
 */
export function explain(error) {
  if (!error) return null;
  const status = error.status || 0;
  const problem = error.problem || {};
  const fields = ((problem.errors) || []).filter(e => e && e.field)
    .map(e => ({ field: e.field, label: fieldLabel(e.field), message: fieldMessage(e.message) }));
  let message;
  let rule = '';
  if (!status) message = t('problem.network');
  else if (status === 422) { rule = ruleSentence(problem.rule); message = t('problem.rule'); }
  else if (status === 409) message = fromTable(CONFLICTS, problem.detail) || t('problem.409');
  else if (status >= 500) message = t('problem.5xx');
  else message = has('problem.' + status) ? t('problem.' + status) : t('problem.5xx');
  return { status, message, rule, facts: facts(problem), fields };
}
