// 党员: list, register, detail with the stage timeline and the next allowed transition and its date, transfers,
// dues calculator and payments, transfer-due and pipeline reports.
import { reactive, ref, computed, onMounted } from 'vue';
import { get, post } from '../api.js';
import { t, label, options } from '../i18n.js';
import { mayWrite, streetOptions, streetName, session, hasRole } from '../session.js';
import { useSubmit, today, yuan } from '../ui.js';
import { idNumberProblem } from '../checks.js';
import { organizationName, partyOrganizationName } from '../names.js';

const ORDER = ['APPLICANT', 'ACTIVIST', 'DEVELOPMENT_TARGET', 'PROBATIONARY', 'FORMAL'];
const DATE_OF = { APPLICANT: 'appliedOn', ACTIVIST: 'activistOn', DEVELOPMENT_TARGET: 'targetOn', PROBATIONARY: 'admittedOn', FORMAL: 'confirmedOn' };

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

const MemberForm = {
  setup() {
    const form = reactive({ name: '', gender: 'MALE', birthDate: '', idNumber: '', phone: '', education: 'BACHELOR', organizationId: '',
      partyOrganizationId: (session.me && session.me.partyOrgId) || '', monthlyIncome: '', incomeCategory: 'EMPLOYED', stage: 'APPLICANT',
      appliedOn: today(), activistOn: '', targetOn: '', admittedOn: '', confirmedOn: '' });
    const { state, run } = useSubmit();
    function check() {
      const e = {};
      if (!form.name.trim()) e.name = t('check.required');
      const id = idNumberProblem(form.idNumber.trim());
      if (id) e.idNumber = t(...id);
      if (!form.organizationId.trim()) e.organizationId = t('check.required');
      const upTo = ORDER.indexOf(form.stage);
      ORDER.slice(0, upTo + 1).forEach(s => { if (!form[DATE_OF[s]]) e[DATE_OF[s]] = t('check.required'); });
      return e;
    }
    async function submit() {
      const body = {};
      for (const [k, v] of Object.entries(form)) body[k] = v === '' ? null : v;
      body.idNumber = form.idNumber.trim();
      if (body.monthlyIncome !== null) body.monthlyIncome = Number(body.monthlyIncome);
      const upTo = ORDER.indexOf(form.stage);
      ORDER.slice(upTo + 1).forEach(s => { body[DATE_OF[s]] = null; });
      const saved = await run(check, () => post('/api/members', body));
      if (saved) location.hash = '#/members/' + saved.id;
    }
    const stageDates = computed(() => ORDER.slice(0, ORDER.indexOf(form.stage) + 1).map(s => ({ stage: s, key: DATE_OF[s] })));
    return { form, state, submit, t, options, stageDates, label };
  },
  template: `
  <form class="form" data-testid="member-form" @submit.prevent="submit" novalidate>
    <h2>{{ t('member.register') }}</h2>
    <problem-box :error="state.problem"></problem-box>
    <div class="form-grid">
      <field :label="t('member.name')" :error="state.errors.name" name="name"><input v-model="form.name" name="name"></field>
      <field :label="t('member.gender')" :error="state.errors.gender" name="gender"><select v-model="form.gender"><option v-for="o in options('Gender')" :value="o.value">{{ o.text }}</option></select></field>
      <field :label="t('member.idNumber')" :error="state.errors.idNumber" name="idNumber"><input v-model="form.idNumber" name="idNumber" maxlength="18" class="mono"></field>
      <field :label="t('member.phone')" :error="state.errors.phone" name="phone"><input v-model="form.phone" name="phone"></field>
      <field :label="t('member.education')" :error="state.errors.education" name="education"><select v-model="form.education"><option v-for="o in options('Education')" :value="o.value">{{ o.text }}</option></select></field>
      <field :label="t('member.organizationId')" :error="state.errors.organizationId" name="organizationId"><input v-model="form.organizationId" name="organizationId" class="mono"></field>
      <field :label="t('member.partyOrganizationId')" :error="state.errors.partyOrganizationId" name="partyOrganizationId"><input v-model="form.partyOrganizationId" name="partyOrganizationId" class="mono"></field>
      <field :label="t('member.monthlyIncome')" :error="state.errors.monthlyIncome" name="monthlyIncome"><input type="number" step="0.01" v-model="form.monthlyIncome" name="monthlyIncome"></field>
      <field :label="t('member.incomeCategory')" :error="state.errors.incomeCategory" name="incomeCategory"><select v-model="form.incomeCategory"><option v-for="o in options('IncomeCategory')" :value="o.value">{{ o.text }}</option></select></field>
      <field :label="t('member.stage')" :error="state.errors.stage" name="stage"><select v-model="form.stage" name="stage"><option v-for="o in options('Stage').filter(o => o.value !== 'LEFT')" :value="o.value">{{ o.text }}</option></select></field>
      <field v-for="d in stageDates" :key="d.key" :label="t('member.stageDate', label('Stage', d.stage))" :error="state.errors[d.key]" :name="d.key"><input type="date" v-model="form[d.key]" :name="d.key"></field>
    </div>
    <button type="submit" :disabled="state.busy" data-testid="submit">{{ t('common.save') }}</button>
    <a class="button secondary" href="#/members">{{ t('common.cancel') }}</a>
  </form>`,
};

const MemberDetail = {
  props: { id: String },
  setup(props) {
    const m = ref(null);
    const error = ref(null);
    const transition = reactive({ on: today() });
    const transfer = reactive({ kind: 'OUT', toPartyOrganizationId: '', destination: '', from: '' });
    const dues = reactive({ month: today().slice(0, 7), view: null });
    const tState = useSubmit(), trState = useSubmit(), dState = useSubmit(), pState = useSubmit();
    async function load() {
      try { m.value = await get('/api/members/' + props.id); } catch (e) { error.value = e; }
      const next = m.value && nextTransition(m.value);
      if (next && next.on && next.on > today()) transition.on = next.on;
    }
    onMounted(load);
    const next = computed(() => m.value && nextTransition(m.value));
    const timeline = computed(() => m.value ? ORDER.map(s => ({ stage: s, on: m.value[DATE_OF[s]], current: m.value.stage === s })) : []);
    async function advance() {
      const done = await tState.run(null, () => post('/api/members/' + props.id + '/stage-transitions', { to: next.value.to, on: transition.on }));
      if (done) load();
    }
    async function requestTransfer() {
      const body = { kind: transfer.kind };
      if (transfer.kind === 'OUT') body.toPartyOrganizationId = transfer.toPartyOrganizationId;
      if (transfer.kind === 'OUT_OF_DISTRICT') body.destination = transfer.destination;
      if (transfer.kind === 'IN') body.from = transfer.from;
      const done = await trState.run(null, () => post('/api/members/' + props.id + '/transfers', body));
      if (done) load();
    }
    async function finish(tr, action) {
      const done = await trState.run(null, () => post('/api/members/transfers/' + tr.id + '/' + action, { on: today() }));
      if (done) load();
    }
    async function calculate() {
      dues.view = await dState.run(null, () => get('/api/members/' + props.id + '/dues', { month: dues.month }));
    }
    async function pay() {
      const done = await pState.run(null, () => post('/api/members/' + props.id + '/dues-payments', { month: dues.month, amount: dues.view.amount }));
      if (done) calculate();
    }
    return { m, error, next, timeline, transition, advance, transfer, requestTransfer, finish, dues, calculate, pay,
      tState: tState.state, trState: trState.state, dState: dState.state, pState: pState.state,
      t, label, options, streetName, mayWrite, hasRole, yuan, organizationName, partyOrganizationName };
  },
  template: `
  <section v-if="m" data-testid="member-detail">
    <h2>{{ m.name }} <span class="badge">{{ label('Stage', m.stage) }}</span> <span class="badge" v-if="m.status !== 'ACTIVE'">{{ label('MemberStatus', m.status) }}</span></h2>
    <p><a href="#/members" class="button secondary">{{ t('common.back') }}</a></p>
    <dl class="props">
      <dt>{{ t('member.idNumber') }}</dt><dd class="mono">{{ m.idNumber }}</dd>
      <dt>{{ t('member.phone') }}</dt><dd>{{ m.phone }}</dd>
      <dt>{{ t('member.gender') }}</dt><dd>{{ label('Gender', m.gender) }}</dd>
      <dt>{{ t('member.education') }}</dt><dd>{{ label('Education', m.education) }}</dd>
      <dt>{{ t('member.organizationId') }}</dt><dd><a :href="'#/organizations/' + m.organizationId">{{ organizationName(m.organizationId) }}</a></dd>
      <dt>{{ t('member.partyOrganizationId') }}</dt><dd><a v-if="m.partyOrganizationId" :href="'#/branches/' + m.partyOrganizationId">{{ partyOrganizationName(m.partyOrganizationId) }}</a></dd>
      <dt>{{ t('common.street') }}</dt><dd>{{ streetName(m.street) }}</dd>
      <dt>{{ t('member.mobile') }}</dt><dd>{{ m.mobile ? m.mobile.originalPartyOrganization + '（' + m.mobile.workingSince + '）' : t('common.no') }}</dd>
      <dt>{{ t('member.transferRequired') }}</dt><dd>{{ m.transferRequired ? t('common.yes') : t('common.no') }}</dd>
    </dl>
    <h3>{{ t('member.timeline') }}</h3>
    <ol class="timeline" data-testid="timeline">
      <li v-for="s in timeline" :key="s.stage" :class="{ done: !!s.on, current: s.current }"><span class="dot"></span>{{ label('Stage', s.stage) }}<br><small>{{ s.on || '—' }}</small></li>
    </ol>
    <div v-if="next" class="panel" data-testid="next-transition">
      <p>{{ t('member.next') }}: <strong>{{ label('Stage', next.to) }}</strong> · {{ t('member.nextOn') }}: <strong>{{ next.on || '—' }}</strong></p>
      <form v-if="mayWrite()" class="form inline" @submit.prevent="advance">
        <problem-box :error="tState.problem"></problem-box>
        <field :label="t('member.transitionOn')" :error="tState.errors.on" name="on"><input type="date" v-model="transition.on"></field>
        <button type="submit" :disabled="tState.busy">{{ t('member.transition') }}</button>
      </form>
    </div>
    <h3>{{ t('member.transfers') }}</h3>
    <table class="data compact" data-testid="transfers">
      <tr><th>{{ t('member.transferKind') }}</th><th>{{ t('member.state') }}</th><th>{{ t('common.date') }}</th><th></th></tr>
      <tr v-for="tr in m.transfers" :key="tr.id"><td>{{ label('TransferKind', tr.kind) }} {{ tr.toPartyOrganizationId || tr.destination || tr.from }}</td><td>{{ label('TransferState', tr.state) }}</td><td>{{ tr.requestedOn }}</td>
        <td><template v-if="tr.state === 'REQUESTED' && mayWrite()"><button class="small" type="button" @click="finish(tr, 'completion')">{{ t('member.complete') }}</button>
          <button class="small secondary" type="button" @click="finish(tr, 'rejection')">{{ t('member.reject') }}</button>
          <button class="small secondary" type="button" @click="finish(tr, 'cancellation')">{{ t('member.cancel') }}</button></template></td></tr>
    </table>
    <form v-if="mayWrite()" class="form inline" @submit.prevent="requestTransfer">
      <problem-box :error="trState.problem"></problem-box>
      <field :label="t('member.transferKind')" name="kind"><select v-model="transfer.kind"><option v-for="o in options('TransferKind')" :value="o.value">{{ o.text }}</option></select></field>
      <field v-if="transfer.kind === 'OUT'" :label="t('member.toPartyOrganizationId')" :error="trState.errors.toPartyOrganizationId" name="toPartyOrganizationId"><input v-model="transfer.toPartyOrganizationId"></field>
      <field v-if="transfer.kind === 'OUT_OF_DISTRICT'" :label="t('member.destination')" :error="trState.errors.destination" name="destination"><input v-model="transfer.destination"></field>
      <field v-if="transfer.kind === 'IN'" :label="t('member.from')" :error="trState.errors.from" name="from"><input v-model="transfer.from"></field>
      <button type="submit" :disabled="trState.busy">{{ t('member.requestTransfer') }}</button>
    </form>
    <h3>{{ t('member.duesCalculator') }}</h3>
    <form class="form inline" @submit.prevent="calculate" data-testid="dues">
      <problem-box :error="dState.problem"></problem-box>
      <field :label="t('member.duesMonth')" :error="dState.errors.month" name="month"><input type="month" v-model="dues.month"></field>
      <button type="submit">{{ t('member.duesCalculator') }}</button>
    </form>
    <div v-if="dues.view" class="panel" data-testid="dues-view">
      <p>{{ t('member.base') }} {{ yuan(dues.view.base) }} · {{ t('member.rate') }} {{ dues.view.rate }} · {{ t('member.amount') }} <strong>{{ yuan(dues.view.amount) }}</strong>
        <span v-if="dues.view.paid"> · ✓ {{ dues.view.paid.paidOn }}</span><span v-if="dues.view.arrears" class="field-error"> DUES_ARREARS</span></p>
      <problem-box :error="pState.problem"></problem-box>
      <button v-if="!dues.view.paid && hasRole('district-admin','committee-admin','street-admin','branch-secretary')" type="button" @click="pay" :disabled="pState.busy">{{ t('member.pay') }}</button>
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
    return { pipeline, due, error, groups, titles, t, label, streetName };
  },
  template: `
  <div data-testid="member-reports">
    <problem-box :error="error"></problem-box>
    <template v-if="pipeline">
      <h3>{{ t('member.pipeline') }} ({{ pipeline.asOf }})</h3>
      <table class="data compact"><tr v-for="(n, s) in pipeline.byStage" :key="s"><td>{{ label('Stage', s) }}</td><td class="num">{{ n }}</td></tr></table>
      <div v-for="g in groups" :key="g" class="panel">
        <h4>{{ label('Stage', titles[g][0]) }}<template v-if="titles[g][1]"> → {{ label('Stage', titles[g][1]) }}</template><template v-else> · {{ t('member.overdue') }}</template>:
          {{ pipeline[g].total }}（{{ t('member.eligible') }} {{ pipeline[g].eligibleNow }}）</h4>
        <table class="data compact"><tr v-for="e in pipeline[g].members.slice(0, 20)" :key="e.memberId"><td><a :href="'#/members/' + e.memberId">{{ e.name }}</a></td>
          <td>{{ streetName(e.street) }}</td><td>{{ e.since }} {{ t('member.since') }}</td><td>{{ e.eligibleFrom }}</td><td>{{ e.eligibleNow ? '✓' : '' }}</td></tr></table>
      </div>
    </template>
    <template v-if="due">
      <h3>{{ t('member.transferDue') }}: {{ due.total }}</h3>
      <table class="data compact"><tr v-for="e in due.members" :key="e.memberId"><td><a :href="'#/members/' + e.memberId">{{ e.name }}</a></td><td>{{ streetName(e.street) }}</td>
        <td>{{ e.originalPartyOrganization }}</td><td>{{ e.workingSince }}</td><td>{{ e.dueSince }}</td></tr></table>
    </template>
  </div>`,
};

const Transfers = {
  setup() {
    const filters = computed(() => [{ name: 'state', label: t('member.state'), type: 'select', options: options('TransferState') }]);
    const columns = computed(() => [
      { key: 'memberName', label: t('member.name'), link: r => '#/members/' + r.memberId },
      { key: 'street', label: t('common.street'), format: r => streetName(r.street) },
      { key: 'kind', label: t('member.transferKind'), format: r => label('TransferKind', r.transfer.kind) },
      { key: 'state', label: t('member.state'), format: r => label('TransferState', r.transfer.state) },
      { key: 'requestedOn', label: t('common.date'), format: r => r.transfer.requestedOn },
    ]);
    return { filters, columns, source: params => get('/api/members/transfers', params) };
  },
  template: `<paged-list :source="source" :filters="filters" :columns="columns" :initial="{ state: 'REQUESTED' }" testid="transfer-list"></paged-list>`,
};

export const MembersPage = {
  props: { route: Object },
  components: { MemberForm, MemberDetail, Reports, Transfers },
  setup(props) {
    const view = computed(() => props.route.path[1] || '');
    const tabs = computed(() => [
      { id: '', title: t('member.list') }, { id: 'transfers', title: t('member.transfers') }, { id: 'reports', title: t('member.pipeline') + ' · ' + t('member.transferDue') },
    ]);
    const filters = computed(() => [
      { name: 'stage', label: t('member.stage'), type: 'select', options: options('Stage') },
      { name: 'street', label: t('common.street'), type: 'select', options: streetOptions() },
      { name: 'status', label: t('member.status'), type: 'select', options: options('MemberStatus') },
      { name: 'mobile', label: t('member.mobile'), type: 'select', options: [{ value: 'true', text: t('common.yes') }, { value: 'false', text: t('common.no') }] },
      { name: 'transferRequired', label: t('member.transferRequired'), type: 'select', options: [{ value: 'true', text: t('common.yes') }, { value: 'false', text: t('common.no') }] },
      { name: 'organizationId', label: t('member.organizationId') },
      { name: 'partyOrganizationId', label: t('member.partyOrganizationId') },
    ]);
    const columns = computed(() => [
      { key: 'name', label: t('member.name'), link: r => '#/members/' + r.id },
      { key: 'gender', label: t('member.gender'), format: r => label('Gender', r.gender) },
      { key: 'stage', label: t('member.stage'), format: r => label('Stage', r.stage) },
      { key: 'street', label: t('common.street'), format: r => streetName(r.street) },
      { key: 'idNumber', label: t('member.idNumber') },
      { key: 'status', label: t('member.status'), format: r => label('MemberStatus', r.status) },
    ]);
    const known = ['', 'transfers', 'reports', 'new'];
    return { view, tabs, filters, columns, t, mayWrite, known, source: params => get('/api/members', params) };
  },
  template: `
  <section data-testid="page-members">
    <h1>{{ t('nav.members') }}</h1>
    <nav class="tabs" v-if="known.includes(view) && view !== 'new'"><a v-for="x in tabs" :key="x.id" :href="'#/members' + (x.id ? '/' + x.id : '')" :class="{ active: view === x.id }" :data-tab="x.id || 'list'">{{ x.title }}</a></nav>
    <member-form v-if="view === 'new'"></member-form>
    <transfers v-else-if="view === 'transfers'"></transfers>
    <reports v-else-if="view === 'reports'"></reports>
    <member-detail v-else-if="view" :id="view" :key="view"></member-detail>
    <template v-else>
      <p v-if="mayWrite()" class="actions"><a class="button" href="#/members/new">{{ t('member.register') }}</a></p>
      <paged-list :source="source" :filters="filters" :columns="columns" :initial="{ status: 'ACTIVE' }" testid="members"></paged-list>
    </template>
  </section>`,
};
