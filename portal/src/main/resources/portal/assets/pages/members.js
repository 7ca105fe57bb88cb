// 党员: list (search by name or full ID number, filters, sort by name, CSV/Excel roster export), register (employer and
// party organization chosen by name, the ID number's check character shown as typed), roster import with its template
// and the per-row report, detail with the stage timeline and the next allowed transition, transfers and dues (each
// after a confirmation), reports: pipeline, transfers due, dues arrears.
import { reactive, ref, computed, onMounted } from 'vue';
import { get, post } from '../api.js';
import { t, label, options } from '../i18n.js';
import { mayWrite, streetOptions, streetInitial, streetScoped, streetName, session, hasRole } from '../session.js';
import { useSubmit, today, yuan, confirmAction, clean, selectOptions } from '../ui.js';
import { idNumberProblem } from '../checks.js';
import { organizationName, partyOrganizationName } from '../names.js';
import { ImportPanel } from './organizations.js';

const ORDER = ['APPLICANT', 'ACTIVIST', 'DEVELOPMENT_TARGET', 'PROBATIONARY', 'FORMAL'];
const DATE_OF = { APPLICANT: 'appliedOn', ACTIVIST: 'activistOn', DEVELOPMENT_TARGET: 'targetOn', PROBATIONARY: 'admittedOn', FORMAL: 'confirmedOn' };
const yesNo = () => [{ value: 'true', text: t('common.yes') }, { value: 'false', text: t('common.no') }];

function addMonths(date, months) {
  if (!date) return null;
  const d = new Date(date + 'T00:00:00Z');
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/** Rule 8: the next stage and the earliest date it may be recorded on. */
export function nextTransition(m) {
  const i = ORDER.indexOf(m.stage);
  if (i < 0 || i === ORDER.length - 1) return null;
  const to = ORDER[i + 1];
  const since = m[DATE_OF[m.stage]];
  let on = since;
  if (m.stage === 'ACTIVIST') on = addMonths(since, 12);
  if (m.stage === 'PROBATIONARY') on = addMonths(since, 12 + (m.probationExtendedMonths || 0));
  return { to, on };
}

/** The list's one search box: a full ID number is the exact `idNumber` filter, anything else a name (`q`). */
export function memberQuery(params) {
  const p = Object.assign({}, params);
  const text = (p.q || '').trim();
  delete p.q;
  if (/^[0-9]{17}[0-9Xx]$/.test(text)) p.idNumber = text.toUpperCase();
  else if (text) p.q = text;
  return clean(p);
}

const MemberForm = {
  props: { query: Object },
  setup(props) {
    const form = reactive({ name: '', gender: 'MALE', idNumber: '', phone: '', education: 'BACHELOR',
      organizationId: (props.query && props.query.organizationId) || undefined, partyOrganizationId: (session.me && session.me.partyOrgId) || undefined,
      monthlyIncome: undefined, incomeCategory: 'EMPLOYED', stage: 'APPLICANT',
      appliedOn: today(), activistOn: undefined, targetOn: undefined, admittedOn: undefined, confirmedOn: undefined });
    function check() {
      const e = {};
      if (!form.name.trim()) e.name = t('check.required');
      const id = idNumberProblem(form.idNumber.trim().toUpperCase());
      if (id) e.idNumber = t(...id);
      if (!form.organizationId) e.organizationId = t('check.required');
      if (form.phone && !/^1\d{10}$/.test(form.phone)) e.phone = t('check.phone');
      const upTo = ORDER.indexOf(form.stage);
      ORDER.slice(0, upTo + 1).forEach(s => { if (!form[DATE_OF[s]]) e[DATE_OF[s]] = t('check.required'); });
      return e;
    }
    const { state, run } = useSubmit(check, form);
    async function submit() {
      const body = {};
      for (const [k, v] of Object.entries(form)) body[k] = v === '' || v === undefined ? null : v;
      body.idNumber = form.idNumber.trim().toUpperCase();
      if (body.monthlyIncome !== null) body.monthlyIncome = Number(body.monthlyIncome);
      const upTo = ORDER.indexOf(form.stage);
      ORDER.slice(upTo + 1).forEach(s => { body[DATE_OF[s]] = null; });
      const saved = await run(undefined, () => post('/api/members', body));
      if (saved) location.hash = '#/members/' + saved.id;
    }
    const stageDates = computed(() => ORDER.slice(0, ORDER.indexOf(form.stage) + 1).map(s => ({ stage: s, key: DATE_OF[s] })));
    const employer = computed(() => (form.organizationId ? { organizationId: form.organizationId } : {}));
    return { form, state, submit, t, o: k => selectOptions(options(k)), stageDates, label, employer,
      stages: selectOptions(options('Stage').filter(o => o.value !== 'LEFT')) };
  },
  template: `
  <a-form layout="vertical" class="form" data-testid="member-form" @submit="submit">
    <h2>{{ t('member.register') }}</h2>
    <problem-box :error="state.problem" hide-fields></problem-box>
    <div class="form-grid">
      <field :label="t('member.name')" :error="state.errors.name" name="name" required><a-input v-model:value="form.name" name="name"></a-input></field>
      <field :label="t('member.gender')" :error="state.errors.gender" name="gender" required><a-select v-model:value="form.gender" :options="o('Gender')"></a-select></field>
      <field :label="t('member.idNumber')" :error="state.errors.idNumber" name="idNumber" required><a-input v-model:value="form.idNumber" name="idNumber" :maxlength="18" class="mono"></a-input></field>
      <field :label="t('member.phone')" :error="state.errors.phone" name="phone"><a-input v-model:value="form.phone" name="phone" :maxlength="11"></a-input></field>
      <field :label="t('member.education')" :error="state.errors.education" name="education"><a-select v-model:value="form.education" :options="o('Education')"></a-select></field>
      <field :label="t('member.organizationId')" :error="state.errors.organizationId" name="organizationId" required>
        <picker kind="organization" v-model:value="form.organizationId" testid="pick-organization"></picker></field>
      <field :label="t('member.partyOrganizationId')" :error="state.errors.partyOrganizationId" name="partyOrganizationId">
        <picker kind="partyOrganization" v-model:value="form.partyOrganizationId" :params="employer" testid="pick-party-organization" :placeholder="t('common.optional')"></picker></field>
      <field :label="t('member.monthlyIncome')" :error="state.errors.monthlyIncome" name="monthlyIncome"><a-input-number v-model:value="form.monthlyIncome" :min="0" :step="100" style="width:100%"></a-input-number></field>
      <field :label="t('member.incomeCategory')" :error="state.errors.incomeCategory" name="incomeCategory" required><a-select v-model:value="form.incomeCategory" :options="o('IncomeCategory')"></a-select></field>
      <field :label="t('member.stage')" :error="state.errors.stage" name="stage" required><a-select v-model:value="form.stage" :options="stages" data-testid="stage"></a-select></field>
      <field v-for="d in stageDates" :key="d.key" :label="t('member.stageDate', label('Stage', d.stage))" :error="state.errors[d.key]" :name="d.key" required>
        <a-date-picker v-model:value="form[d.key]" value-format="YYYY-MM-DD" style="width:100%"></a-date-picker></field>
    </div>
    <p v-if="Object.keys(state.errors).length" class="field-error">{{ t('common.fixFields') }}</p>
    <a-space>
      <a-button type="primary" html-type="submit" :loading="state.busy" data-testid="submit">{{ t('common.save') }}</a-button>
      <a-button href="#/members">{{ t('common.cancel') }}</a-button>
    </a-space>
  </a-form>`,
};

const MemberDetail = {
  props: { id: String },
  setup(props) {
    const m = ref(null);
    const error = ref(null);
    const transition = reactive({ on: today() });
    const transfer = reactive({ kind: 'OUT', toPartyOrganizationId: undefined, destination: '', from: '' });
    const dues = reactive({ month: today().slice(0, 7), view: null });
    const tState = useSubmit(), trState = useSubmit(), dState = useSubmit(), pState = useSubmit();
    async function load() {
      try { m.value = await get('/api/members/' + props.id); } catch (e) { error.value = e; }
      const next = m.value && nextTransition(m.value);
      if (next && next.on && next.on > today()) transition.on = next.on;
    }
    onMounted(async () => { await load(); if (m.value && ['FORMAL', 'PROBATIONARY'].includes(m.value.stage)) calculate(); });
    const next = computed(() => m.value && nextTransition(m.value));
    const timeline = computed(() => m.value ? ORDER.map(s => ({ stage: s, on: m.value[DATE_OF[s]], current: m.value.stage === s })) : []);
    async function advance() {
      const done = await tState.run(null, () => post('/api/members/' + props.id + '/stage-transitions', { to: next.value.to, on: transition.on }));
      if (done) load();
    }
    function target() {
      if (transfer.kind === 'OUT') return transfer.toPartyOrganizationId ? partyOrganizationName(transfer.toPartyOrganizationId) : '';
      return transfer.kind === 'OUT_OF_DISTRICT' ? transfer.destination : transfer.from;
    }
    async function requestTransfer() {
      const body = { kind: transfer.kind };
      const errors = {};
      if (transfer.kind === 'OUT') { body.toPartyOrganizationId = transfer.toPartyOrganizationId; if (!body.toPartyOrganizationId) errors.toPartyOrganizationId = t('check.required'); }
      if (transfer.kind === 'OUT_OF_DISTRICT') { body.destination = transfer.destination; if (!body.destination) errors.destination = t('check.required'); }
      if (transfer.kind === 'IN') { body.from = transfer.from; if (!body.from) errors.from = t('check.required'); }
      if (Object.keys(errors).length) { trState.state.errors = errors; return; }
      if (!await confirmAction(t('member.requestTransfer'), t('confirm.transfer', m.value.name, label('TransferKind', transfer.kind) + ' ' + target()), t('member.requestTransfer'), false)) return;
      const done = await trState.run(null, () => post('/api/members/' + props.id + '/transfers', body));
      if (done) load();
    }
    async function finish(tr, action) {
      if (!await confirmAction(t('member.transfers'), t('confirm.transfer.' + action, m.value.name), t('common.confirm'), action !== 'completion')) return;
      const done = await trState.run(null, () => post('/api/members/transfers/' + tr.id + '/' + action, { on: today() }));
      if (done) load();
    }
    async function calculate() {
      dues.view = await dState.run(null, () => get('/api/members/' + props.id + '/dues', { month: dues.month }));
    }
    async function pay() {
      if (!await confirmAction(t('member.pay'), t('confirm.pay', m.value.name, dues.month, yuan(dues.view.amount)), t('member.pay'), false)) return;
      const done = await pState.run(null, () => post('/api/members/' + props.id + '/dues-payments', { month: dues.month, amount: dues.view.amount }));
      if (done) calculate();
    }
    const transferTarget = tr => tr.toPartyOrganizationId ? partyOrganizationName(tr.toPartyOrganizationId) : (tr.destination || tr.from || '');
    const rate = r => (r === null || r === undefined || r === '' ? '—' : (Number(r) * 100).toFixed(1).replace(/\.0$/, '') + '%');
    return { m, error, next, timeline, transition, advance, transfer, requestTransfer, finish, dues, calculate, pay, transferTarget, rate,
      tState: tState.state, trState: trState.state, dState: dState.state, pState: pState.state,
      t, label, o: k => selectOptions(options(k)), streetName, mayWrite, hasRole, yuan, organizationName, partyOrganizationName };
  },
  template: `
  <section v-if="m" data-testid="member-detail">
    <h2>{{ m.name }} <a-tag color="red">{{ label('Stage', m.stage) }}</a-tag> <a-tag v-if="m.status !== 'ACTIVE'">{{ label('MemberStatus', m.status) }}</a-tag></h2>
    <a-space class="actions"><a-button href="#/members">{{ t('common.back') }}</a-button></a-space>
    <a-descriptions bordered size="small" :column="2">
      <a-descriptions-item :label="t('member.idNumber')"><span class="mono">{{ m.idNumber }}</span></a-descriptions-item>
      <a-descriptions-item :label="t('member.phone')">{{ m.phone }}</a-descriptions-item>
      <a-descriptions-item :label="t('member.gender')">{{ label('Gender', m.gender) }}</a-descriptions-item>
      <a-descriptions-item :label="t('member.education')">{{ label('Education', m.education) }}</a-descriptions-item>
      <a-descriptions-item :label="t('member.organizationId')"><a :href="'#/organizations/' + m.organizationId">{{ organizationName(m.organizationId) }}</a></a-descriptions-item>
      <a-descriptions-item :label="t('member.partyOrganizationId')"><a v-if="m.partyOrganizationId" :href="'#/branches/' + m.partyOrganizationId" data-testid="party-organization">{{ partyOrganizationName(m.partyOrganizationId) }}</a></a-descriptions-item>
      <a-descriptions-item :label="t('common.street')">{{ streetName(m.street) }}</a-descriptions-item>
      <a-descriptions-item :label="t('member.mobile')">{{ m.mobile ? m.mobile.originalPartyOrganization + '（' + m.mobile.workingSince + '）' : t('common.no') }}</a-descriptions-item>
      <a-descriptions-item :label="t('member.transferRequired')">{{ m.transferRequired ? t('common.yes') : t('common.no') }}</a-descriptions-item>
    </a-descriptions>
    <h3>{{ t('member.timeline') }}</h3>
    <a-steps size="small" :current="timeline.findIndex(s => s.current)" data-testid="timeline" :items="timeline.map(s => ({ title: label('Stage', s.stage), description: s.on || '—' }))"></a-steps>
    <div v-if="next" class="panel" data-testid="next-transition">
      <p>{{ t('member.next') }}: <strong>{{ label('Stage', next.to) }}</strong> · {{ t('member.nextOn') }}: <strong>{{ next.on || '—' }}</strong></p>
      <a-form v-if="mayWrite()" layout="inline" @submit="advance">
        <problem-box :error="tState.problem"></problem-box>
        <field :label="t('member.transitionOn')" :error="tState.errors.on" name="on" required><a-date-picker v-model:value="transition.on" value-format="YYYY-MM-DD"></a-date-picker></field>
        <a-button type="primary" html-type="submit" :loading="tState.busy">{{ t('member.transition') }}</a-button>
      </a-form>
    </div>
    <h3>{{ t('member.transfers') }}</h3>
    <table class="data compact" data-testid="transfers">
      <tr><th>{{ t('member.transferKind') }}</th><th>{{ t('member.state') }}</th><th>{{ t('common.date') }}</th><th>{{ t('common.actions') }}</th></tr>
      <tr v-for="tr in m.transfers" :key="tr.id"><td>{{ label('TransferKind', tr.kind) }} {{ transferTarget(tr) }}</td><td>{{ label('TransferState', tr.state) }}</td><td>{{ tr.requestedOn }}</td>
        <td><a-space v-if="tr.state === 'REQUESTED' && mayWrite()"><a-button size="small" type="primary" @click="finish(tr, 'completion')">{{ t('member.complete') }}</a-button>
          <a-button size="small" @click="finish(tr, 'rejection')">{{ t('member.reject') }}</a-button>
          <a-button size="small" @click="finish(tr, 'cancellation')">{{ t('member.cancel') }}</a-button></a-space></td></tr>
      <tr v-if="!m.transfers || !m.transfers.length"><td colspan="4" class="empty">{{ t('common.none') }}</td></tr>
    </table>
    <a-form v-if="mayWrite()" layout="inline" class="form inline" @submit="requestTransfer" data-testid="transfer-form">
      <problem-box :error="trState.problem"></problem-box>
      <field :label="t('member.transferKind')" name="kind"><a-select v-model:value="transfer.kind" :options="o('TransferKind')" style="width: 140px"></a-select></field>
      <field v-if="transfer.kind === 'OUT'" :label="t('member.toPartyOrganizationId')" :error="trState.errors.toPartyOrganizationId" name="toPartyOrganizationId" required>
        <picker kind="partyOrganization" v-model:value="transfer.toPartyOrganizationId" testid="pick-transfer-target"></picker></field>
      <field v-if="transfer.kind === 'OUT_OF_DISTRICT'" :label="t('member.destination')" :error="trState.errors.destination" name="destination" required><a-input v-model:value="transfer.destination"></a-input></field>
      <field v-if="transfer.kind === 'IN'" :label="t('member.from')" :error="trState.errors.from" name="from" required><a-input v-model:value="transfer.from"></a-input></field>
      <a-button html-type="submit" :loading="trState.busy">{{ t('member.requestTransfer') }}</a-button>
    </a-form>
    <h3>{{ t('member.dues') }}</h3>
    <a-form layout="inline" class="form inline" @submit="calculate" data-testid="dues">
      <problem-box :error="dState.problem"></problem-box>
      <field :label="t('member.duesMonth')" :error="dState.errors.month" name="month" required><a-date-picker picker="month" v-model:value="dues.month" value-format="YYYY-MM" @change="calculate"></a-date-picker></field>
      <a-button html-type="submit">{{ t('member.duesCalculator') }}</a-button>
    </a-form>
    <div v-if="dues.view" class="panel" data-testid="dues-view">
      <p>{{ t('member.base') }} {{ yuan(dues.view.base) }} · {{ t('member.rate') }} {{ rate(dues.view.rate) }} · {{ t('member.amount') }} <strong data-testid="dues-amount">{{ yuan(dues.view.amount) }}</strong>
        <a-tag v-if="dues.view.paid" color="green" data-testid="dues-paid">{{ t('member.paid') }} {{ dues.view.paid.paidOn }}</a-tag>
        <a-tag v-if="dues.view.arrears" color="red">{{ t('member.duesArrears') }}</a-tag></p>
      <problem-box :error="pState.problem"></problem-box>
      <a-button v-if="!dues.view.paid && hasRole('district-admin','committee-admin','street-admin','branch-secretary')" type="primary" @click="pay" :loading="pState.busy" data-testid="pay">{{ t('member.pay') }}</a-button>
    </div>
  </section>
  <problem-box v-else :error="error"></problem-box>`,
};

const Reports = {
  setup() {
    const pipeline = ref(null);
    const due = ref(null);
    const error = ref(null);
    onMounted(async () => {
      try { [pipeline.value, due.value] = await Promise.all([get('/api/members/reports/pipeline'), get('/api/members/reports/transfer-due')]); }
      catch (e) { error.value = e; }
    });
    const groups = ['activistsForTarget', 'targetsForAdmission', 'probationersForConfirmation', 'applicantTalksOverdue'];
    const titles = { activistsForTarget: ['ACTIVIST', 'DEVELOPMENT_TARGET'], targetsForAdmission: ['DEVELOPMENT_TARGET', 'PROBATIONARY'],
      probationersForConfirmation: ['PROBATIONARY', 'FORMAL'], applicantTalksOverdue: ['APPLICANT', null] };
    const pipelineColumns = computed(() => [
      { key: 'name', label: t('member.name'), link: e => '#/members/' + e.memberId, localSort: e => e.name },
      { key: 'street', label: t('common.street'), format: e => streetName(e.street), localSort: e => e.street },
      { key: 'since', label: t('member.since'), localSort: e => e.since },
      { key: 'eligibleFrom', label: t('member.nextOn'), localSort: e => e.eligibleFrom },
      { key: 'eligibleNow', label: t('member.eligible'), format: e => (e.eligibleNow ? t('common.yes') : t('common.no')) },
    ]);
    return { pipeline, due, error, groups, titles, t, label, streetName, pipelineColumns };
  },
  template: `
  <div data-testid="member-reports">
    <problem-box :error="error"></problem-box>
    <template v-if="pipeline">
      <h3>{{ t('member.pipeline') }}（{{ pipeline.asOf }}）</h3>
      <table class="data compact"><tr v-for="(n, s) in pipeline.byStage" :key="s"><td>{{ label('Stage', s) }}</td><td class="num">{{ n }}</td></tr></table>
      <div v-for="g in groups" :key="g" class="panel">
        <h4>{{ label('Stage', titles[g][0]) }}<template v-if="titles[g][1]"> → {{ label('Stage', titles[g][1]) }}</template><template v-else> · {{ t('member.overdue') }}</template>：
          {{ pipeline[g].total }}（{{ t('member.eligible') }} {{ pipeline[g].eligibleNow }}）</h4>
        <data-table :source="() => pipeline[g].members" :columns="pipelineColumns" :paged="false" :size="10" :testid="'pipeline-' + g"></data-table>
      </div>
    </template>
    <template v-if="due">
      <h3>{{ t('member.transferDue') }}：{{ due.total }}</h3>
      <table class="data compact"><tr><th>{{ t('member.name') }}</th><th>{{ t('common.street') }}</th><th>{{ t('member.from') }}</th><th>{{ t('member.since') }}</th><th>{{ t('member.transferDue') }}</th></tr>
        <tr v-for="e in due.members" :key="e.memberId"><td><a :href="'#/members/' + e.memberId">{{ e.name }}</a></td><td>{{ streetName(e.street) }}</td>
        <td>{{ e.originalPartyOrganization }}</td><td>{{ e.workingSince }}</td><td>{{ e.dueSince }}</td></tr></table>
    </template>
  </div>`,
};

/** Members with 6+ consecutive unpaid months (rule 11), from member-service, exportable. */
const Arrears = {
  setup() {
    const filters = computed(() => [{ name: 'street', label: t('common.street'), type: 'select', options: streetOptions(), all: !streetScoped() }]);
    const columns = computed(() => [
      { key: 'name', label: t('member.name'), link: r => '#/members/' + (r.memberId || r.id) },
      { key: 'street', label: t('common.street'), format: r => streetName(r.street) },
      { key: 'partyOrganizationId', label: t('member.partyOrganizationId'), format: r => r.partyOrganizationName || partyOrganizationName(r.partyOrganizationId) },
      { key: 'unpaidMonths', label: t('member.arrearsMonths'), align: 'right', format: r => r.unpaidMonths ?? r.months ?? r.consecutiveMonths },
      { key: 'since', label: t('member.arrearsSince'), format: r => r.since || r.firstUnpaidMonth || r.unpaidSince || '' },
    ]);
    const source = async params => {
      const r = await get('/api/members/reports/arrears', params);
      return Array.isArray(r) ? r : (r && r.items && r.total !== undefined ? r : ((r && (r.members || r.items)) || []));
    };
    return { filters, columns, source, t, initial: { street: streetInitial() } };
  },
  template: `<data-table :source="source" :filters="filters" :columns="columns" :initial="initial" testid="arrears"
    export-path="/api/members/reports/arrears" :export-name="t('member.arrears')"></data-table>`,
};

const Transfers = {
  setup() {
    const filters = computed(() => [{ name: 'state', label: t('member.state'), type: 'select', options: options('TransferState') }]);
    const columns = computed(() => [
      { key: 'memberName', label: t('member.name'), link: r => '#/members/' + r.memberId },
      { key: 'street', label: t('common.street'), format: r => streetName(r.street) },
      { key: 'kind', label: t('member.transferKind'), format: r => label('TransferKind', r.transfer.kind) },
      { key: 'target', label: t('member.destination'), format: r => r.transfer.toPartyOrganizationId ? partyOrganizationName(r.transfer.toPartyOrganizationId) : (r.transfer.destination || r.transfer.from || '') },
      { key: 'state', label: t('member.state'), format: r => label('TransferState', r.transfer.state) },
      { key: 'requestedOn', label: t('common.date'), format: r => r.transfer.requestedOn },
    ]);
    return { filters, columns, t, source: params => get('/api/members/transfers', params) };
  },
  template: `<data-table :source="source" :filters="filters" :columns="columns" :initial="{ state: 'REQUESTED' }" testid="transfer-list"
    export-path="/api/members/transfers" :export-name="t('member.transfers')"></data-table>`,
};

export const MembersPage = {
  props: { route: Object },
  components: { MemberForm, MemberDetail, Reports, Transfers, Arrears, ImportPanel },
  setup(props) {
    const view = computed(() => props.route.path[1] || '');
    const tabs = computed(() => [
      { id: '', title: t('member.list') }, { id: 'transfers', title: t('member.transfers') },
      { id: 'reports', title: t('member.pipeline') + ' · ' + t('member.transferDue') }, { id: 'arrears', title: t('member.arrears') },
    ]);
    const filters = computed(() => [
      { name: 'q', label: t('member.search'), placeholder: t('member.search'), width: 200 },
      { name: 'stage', label: t('member.stage'), type: 'select', options: options('Stage') },
      { name: 'street', label: t('common.street'), type: 'select', options: streetOptions(), all: !streetScoped() },
      { name: 'status', label: t('member.status'), type: 'select', options: options('MemberStatus') },
      { name: 'mobile', label: t('member.mobile'), type: 'select', options: yesNo() },
      { name: 'transferRequired', label: t('member.transferRequired'), type: 'select', options: yesNo() },
      { name: 'organizationId', label: t('member.organizationId'), type: 'picker', kind: 'organization' },
      { name: 'partyOrganizationId', label: t('member.partyOrganizationId'), type: 'picker', kind: 'partyOrganization' },
    ].filter(f => !(hasRole('branch-secretary') && !mayWrite() && !hasRole('auditor') && ['street', 'partyOrganizationId', 'organizationId'].includes(f.name))));
    const columns = computed(() => [
      { key: 'name', label: t('member.name'), link: r => '#/members/' + r.id, sort: 'name' },
      { key: 'gender', label: t('member.gender'), format: r => label('Gender', r.gender), sort: 'gender' },
      { key: 'stage', label: t('member.stage'), format: r => label('Stage', r.stage), sort: 'stage' },
      { key: 'organizationId', label: t('member.organizationId'), format: r => organizationName(r.organizationId) },
      { key: 'partyOrganizationId', label: t('member.partyOrganizationId'), format: r => partyOrganizationName(r.partyOrganizationId) },
      { key: 'street', label: t('common.street'), format: r => streetName(r.street), sort: 'street' },
      { key: 'idNumber', label: t('member.idNumber') },
      { key: 'status', label: t('member.status'), format: r => label('MemberStatus', r.status), sort: 'status' },
    ]);
    const importValues = computed(() => [
      { label: t('member.gender'), text: options('Gender').map(o => o.text).join('、') },
      { label: t('member.stage'), text: options('Stage').filter(o => o.value !== 'LEFT').map(o => o.text).join('、') },
      { label: t('member.incomeCategory'), text: options('IncomeCategory').map(o => o.text).join('、') },
      { label: t('member.education'), text: options('Education').map(o => o.text).join('、') },
    ]);
    const initial = computed(() => Object.assign({ status: 'ACTIVE', street: streetInitial() },
      props.route.query.organizationId ? { organizationId: props.route.query.organizationId } : {}));
    const known = ['', 'transfers', 'reports', 'arrears', 'new', 'import'];
    return { view, tabs, filters, columns, t, mayWrite, known, initial, importValues, memberQuery,
      source: params => get('/api/members', memberQuery(params)) };
  },
  template: `
  <section data-testid="page-members">
    <h1>{{ t('nav.members') }}</h1>
    <nav class="tabs" v-if="known.includes(view) && view !== 'new' && view !== 'import'"><a v-for="x in tabs" :key="x.id" :href="'#/members' + (x.id ? '/' + x.id : '')" :class="{ active: view === x.id }" :data-tab="x.id || 'list'">{{ x.title }}</a></nav>
    <member-form v-if="view === 'new'" :query="route.query" :key="JSON.stringify(route.query)"></member-form>
    <import-panel v-else-if="view === 'import'" path="/api/members/import" :title="t('member.import')" template="templates/members.csv"
      :template-name="t('member.import') + '.csv'" :values="importValues" testid="member-import"></import-panel>
    <transfers v-else-if="view === 'transfers'"></transfers>
    <reports v-else-if="view === 'reports'"></reports>
    <arrears v-else-if="view === 'arrears'"></arrears>
    <member-detail v-else-if="view" :id="view" :key="view"></member-detail>
    <template v-else>
      <a-space v-if="mayWrite()" class="actions">
        <a-button type="primary" href="#/members/new" data-testid="register">{{ t('member.register') }}</a-button>
        <a-button href="#/members/import" data-testid="import">{{ t('member.import') }}</a-button>
      </a-space>
      <data-table :source="source" :filters="filters" :columns="columns" :initial="initial" :key="JSON.stringify(initial)" testid="members" sortable
        export-path="/api/members" :export-params="memberQuery" :export-name="t('member.list')"></data-table>
    </template>
  </section>`,
};
