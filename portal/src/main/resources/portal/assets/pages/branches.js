// 党组织: list (name search, filters, paging), detail (members, secretary and committee editing, six haves, rating,
// term), establish with the organizations chosen by name and the rule's answer shown plainly when refused, dissolve
// after a confirmation, instructors; coverage gaps (export, each row's action pre-filled); joint plan with "establish
// from this proposal".
import { reactive, ref, computed, onMounted } from 'vue';
import { get, post, patch } from '../api.js';
import { t, label, options } from '../i18n.js';
import { mayWrite, streetOptions, streetInitial, streetScoped, streetName, industryOptions, industryName, session, hasRole } from '../session.js';
import { useSubmit, today, confirmAction, selectOptions } from '../ui.js';
import { organizationName } from '../names.js';
import { gapAction } from './organizations.js';

const SIX = ['plaque', 'flag', 'activityRoom', 'archiveCabinet', 'avEquipment', 'publicityBoard'];

/** Prefill for the establish form: a joint-plan proposal (kept in sessionStorage across the hash change) or a gap's query. */
function prefill(query) {
  const raw = sessionStorage.getItem('portal.establish');
  sessionStorage.removeItem('portal.establish');
  if (raw) return JSON.parse(raw);
  if (query && query.organizationId) return { formation: query.formation || 'SINGLE', organizationIds: [query.organizationId] };
  return null;
}

const EstablishForm = {
  props: { query: Object },
  setup(props) {
    const form = reactive(Object.assign({
      name: '', type: 'BRANCH', formation: 'SINGLE', organizationIds: [], street: streetInitial() || undefined,
      industry: undefined, superior: '', establishedOn: today(), approvedBySuperior: false,
    }, prefill(props.query) || {}));
    function check() {
      const e = {};
      for (const k of ['name', 'type', 'formation', 'street', 'superior', 'establishedOn']) if (!form[k]) e[k] = t('check.required');
      if (!form.organizationIds.length) e.organizationIds = t('check.required');
      return e;
    }
    const { state, run } = useSubmit(check, form);
    // choosing the organizations fills what they tell: street, industry, a name and the street committee as superior
    function picked(items) {
      const first = (items || []).find(Boolean);
      if (!first) return;
      if (!form.street) form.street = first.street;
      if (!form.industry && form.formation === 'SINGLE') form.industry = first.industry;
      if (!form.name && form.formation === 'SINGLE') form.name = first.name + '党支部';
      if (!form.superior && first.street) form.superior = streetName(first.street) + '街道党工委';
    }
    // from a gap's action: the organization is known, so is what it tells
    onMounted(async () => {
      if (form.organizationIds.length === 1 && !form.name) {
        try { picked([await get('/api/registry/organizations/' + form.organizationIds[0])]); } catch (e) { /* the user fills it in */ }
      }
    });
    async function submit() {
      const body = Object.assign({}, form, { industry: form.industry || null });
      const saved = await run(undefined, () => post('/api/branches', body));
      if (saved) location.hash = '#/branches/' + saved.id;
    }
    return { form, state, submit, picked, t, o: k => selectOptions(options(k)), streets: selectOptions(streetOptions()),
      industries: selectOptions(industryOptions()), streetScoped };
  },
  template: `
  <a-form layout="vertical" class="form" data-testid="establish-form" @submit="submit">
    <h2>{{ t('branch.establish') }}</h2>
    <problem-box v-if="state.problem" :error="state.problem" :prefix="state.problem.status === 422 ? t('branch.refused') : ''"
      :data-testid="state.problem.status === 422 ? 'rule-refusal' : 'problem'" hide-fields></problem-box>
    <div class="form-grid">
      <field :label="t('branch.chooseOrganizations')" :error="state.errors.organizationIds" name="organizationIds" required>
        <picker kind="organization" multiple v-model:value="form.organizationIds" testid="pick-organizations" @picked="picked"></picker></field>
      <field :label="t('branch.name')" :error="state.errors.name" name="name" required><a-input v-model:value="form.name" name="name"></a-input></field>
      <field :label="t('branch.type')" :error="state.errors.type" name="type" required><a-select v-model:value="form.type" :options="o('PartyOrganizationType')"></a-select></field>
      <field :label="t('branch.formation')" :error="state.errors.formation" name="formation" required><a-select v-model:value="form.formation" :options="o('Formation')" data-testid="formation"></a-select></field>
      <field :label="t('common.street')" :error="state.errors.street" name="street" required><a-select v-model:value="form.street" show-search option-filter-prop="label" :options="streets" :disabled="streetScoped()" :placeholder="t('common.choose')"></a-select></field>
      <field :label="t('common.industry')" :error="state.errors.industry" name="industry"><a-select v-model:value="form.industry" show-search option-filter-prop="label" :options="industries" allow-clear :placeholder="t('common.optional')"></a-select></field>
      <field :label="t('branch.superior')" :error="state.errors.superior" name="superior" required><a-input v-model:value="form.superior" name="superior"></a-input></field>
      <field :label="t('branch.establishedOn')" :error="state.errors.establishedOn" name="establishedOn" required><a-date-picker v-model:value="form.establishedOn" value-format="YYYY-MM-DD" style="width:100%"></a-date-picker></field>
      <field :label="t('branch.approvedBySuperior')" :error="state.errors.approvedBySuperior" name="approvedBySuperior"><a-switch v-model:checked="form.approvedBySuperior"></a-switch></field>
    </div>
    <a-space>
      <a-button type="primary" html-type="submit" :loading="state.busy" data-testid="submit">{{ t('common.submit') }}</a-button>
      <a-button href="#/branches">{{ t('common.cancel') }}</a-button>
    </a-space>
  </a-form>`,
};

const BranchDetail = {
  props: { id: String },
  setup(props) {
    const p = ref(null);
    const error = ref(null);
    const members = ref([]);
    const six = reactive({});
    const rating = ref('UNRATED');
    const dissolution = reactive({ date: today(), reason: '' });
    const leadership = reactive({ secretary: undefined, deputySecretary: undefined, electedOn: undefined, committee: [] });
    const saveState = useSubmit();
    const dissolveState = useSubmit(() => (dissolution.reason.trim() ? {} : { reason: t('check.required') }), dissolution);
    const leadState = useSubmit();
    async function load() {
      try {
        p.value = await get('/api/branches/' + props.id);
        Object.assign(six, p.value.sixHaves || {});
        rating.value = p.value.rating || 'UNRATED';
        Object.assign(leadership, { secretary: p.value.secretary || undefined, deputySecretary: p.value.deputySecretary || undefined,
          electedOn: p.value.electedOn || undefined, committee: (p.value.committee || []).map(s => ({ memberId: s.memberId, role: s.role })) });
        const list = await get('/api/members', { partyOrganizationId: props.id, status: 'ACTIVE', size: 200 });
        members.value = (list && list.items) || [];
      } catch (e) { error.value = e; }
    }
    onMounted(load);
    const ifMatch = () => ({ headers: { 'If-Match': '"' + p.value.version + '"', 'Content-Type': 'application/merge-patch+json' } });
    async function saveStandard() {
      const done = await saveState.run(null, () => patch('/api/branches/' + props.id, { sixHaves: Object.assign({}, six), rating: rating.value }, ifMatch()));
      if (done) load();
    }
    async function saveLeadership() {
      const body = { secretary: leadership.secretary || null, committee: leadership.committee.filter(s => s.memberId) };
      if (leadership.deputySecretary) body.deputySecretary = leadership.deputySecretary;
      if (leadership.electedOn) body.electedOn = leadership.electedOn;
      const done = await leadState.run(() => (leadership.secretary ? {} : { secretary: t('check.required') }),
        () => patch('/api/branches/' + props.id, body, ifMatch()));
      if (done) load();
    }
    async function dissolve() {
      if (!dissolution.reason.trim()) { dissolveState.state.tried = true; dissolveState.state.errors = { reason: t('check.required') }; return; }
      const n = (p.value.members.formal || 0) + (p.value.members.probationary || 0);
      if (!await confirmAction(t('branch.dissolve'), t('confirm.dissolve', p.value.name, n), t('branch.dissolve'))) return;
      const done = await dissolveState.run(undefined, () => post('/api/branches/' + props.id + '/dissolution', Object.assign({}, dissolution)));
      if (done) load();
    }
    const memberName = id => (members.value.find(m => m.id === id) || {}).name || t('app.loading');
    const formal = computed(() => members.value.filter(m => m.stage === 'FORMAL').map(m => ({ value: m.id, label: m.name })));
    const seatRoles = computed(() => selectOptions(options('SeatRole')));
    return { p, error, members, six, rating, SIX, saveStandard, dissolve, dissolution, leadership, saveLeadership, formal, seatRoles,
      saveState: saveState.state, dissolveState: dissolveState.state, leadState: leadState.state,
      t, label, streetName, industryName, mayWrite, memberName, ratings: selectOptions(options('Rating')), hasRole, organizationName,
      addSeat: () => leadership.committee.push({ memberId: undefined, role: 'MEMBER' }), removeSeat: i => leadership.committee.splice(i, 1) };
  },
  template: `
  <section v-if="p" data-testid="branch-detail">
    <h2>{{ p.name }} <a-tag>{{ label('PartyOrganizationStatus', p.status) }}</a-tag></h2>
    <a-space class="actions"><a-button href="#/branches">{{ t('common.back') }}</a-button></a-space>
    <a-descriptions bordered size="small" :column="2">
      <a-descriptions-item :label="t('branch.type')">{{ label('PartyOrganizationType', p.type) }}</a-descriptions-item>
      <a-descriptions-item :label="t('branch.formation')">{{ label('Formation', p.formation) }}</a-descriptions-item>
      <a-descriptions-item :label="t('common.street')">{{ streetName(p.street) }}</a-descriptions-item>
      <a-descriptions-item :label="t('common.industry')">{{ industryName(p.industry) }}</a-descriptions-item>
      <a-descriptions-item :label="t('branch.superior')">{{ p.superior }}</a-descriptions-item>
      <a-descriptions-item :label="t('branch.establishedOn')">{{ p.establishedOn }}</a-descriptions-item>
      <a-descriptions-item :label="t('branch.members')"><span data-testid="member-counts">{{ t('org.formal') }} {{ p.members.formal }} · {{ t('org.probationary') }} {{ p.members.probationary }}</span></a-descriptions-item>
      <a-descriptions-item :label="t('branch.term')">{{ t('branch.electedOn') }} {{ p.electedOn || '—' }} · {{ t('branch.termEndsOn') }} {{ p.termEndsOn || '—' }}</a-descriptions-item>
      <a-descriptions-item :label="t('branch.secretary')"><span data-testid="secretary">{{ p.secretary ? memberName(p.secretary) : '—' }}</span></a-descriptions-item>
      <a-descriptions-item :label="t('branch.organizations')"><div v-for="o in p.organizationIds" :key="o"><a :href="hasRole('district-admin','committee-admin','street-admin','auditor') ? '#/organizations/' + o : null">{{ organizationName(o) }}</a></div></a-descriptions-item>
    </a-descriptions>
    <h3>{{ t('branch.committee') }}</h3>
    <table class="data compact" data-testid="committee"><tr v-for="s in p.committee" :key="s.memberId"><td>{{ label('SeatRole', s.role) }}</td><td>{{ memberName(s.memberId) }}</td></tr>
      <tr v-if="!p.committee || !p.committee.length"><td>{{ t('common.none') }}</td></tr></table>
    <a-form v-if="mayWrite() && p.status === 'ACTIVE'" layout="vertical" class="form" data-testid="leadership-form" @submit="saveLeadership">
      <h3>{{ t('branch.editLeadership') }}</h3>
      <p class="muted">{{ t('branch.leadershipNote') }}</p>
      <problem-box :error="leadState.problem"></problem-box>
      <div class="form-grid">
        <field :label="t('branch.secretary')" :error="leadState.errors.secretary" name="secretary" required><a-select v-model:value="leadership.secretary" :options="formal" allow-clear data-testid="secretary-select" :placeholder="t('common.choose')"></a-select></field>
        <field :label="t('branch.deputySecretary')" :error="leadState.errors.deputySecretary" name="deputySecretary"><a-select v-model:value="leadership.deputySecretary" :options="formal" allow-clear :placeholder="t('common.optional')"></a-select></field>
        <field :label="t('branch.electedOn')" :error="leadState.errors.electedOn" name="electedOn"><a-date-picker v-model:value="leadership.electedOn" value-format="YYYY-MM-DD" style="width:100%"></a-date-picker></field>
      </div>
      <div v-for="(s, i) in leadership.committee" :key="i" class="seat">
        <a-space><a-select v-model:value="s.role" :options="seatRoles" style="width: 120px"></a-select>
          <a-select v-model:value="s.memberId" :options="formal" style="width: 220px" :placeholder="t('branch.member')"></a-select>
          <a-button size="small" @click="removeSeat(i)">{{ t('branch.removeSeat') }}</a-button></a-space>
      </div>
      <a-space><a-button @click="addSeat">{{ t('branch.addSeat') }}</a-button>
        <a-button type="primary" html-type="submit" :loading="leadState.busy" data-testid="save-leadership">{{ t('branch.saveLeadership') }}</a-button></a-space>
    </a-form>
    <h3>{{ t('branch.sixHaves') }} · {{ t('branch.rating') }}</h3>
    <a-form layout="inline" class="form inline" @submit="saveStandard" data-testid="six-haves">
      <problem-box :error="saveState.problem"></problem-box>
      <a-checkbox v-for="k in SIX" :key="k" v-model:checked="six[k]" :disabled="!mayWrite() && !hasRole('branch-secretary')">{{ t('six.' + k) }}</a-checkbox>
      <a-select v-model:value="rating" :options="ratings" :disabled="!mayWrite()" style="width: 140px"></a-select>
      <a-button v-if="mayWrite() || hasRole('branch-secretary')" type="primary" html-type="submit" :loading="saveState.busy">{{ t('common.save') }}</a-button>
    </a-form>
    <h3>{{ t('branch.members') }}</h3>
    <table class="data compact" data-testid="branch-members">
      <tr><th>{{ t('member.name') }}</th><th>{{ t('member.stage') }}</th><th>{{ t('member.organizationId') }}</th></tr>
      <tr v-for="m in members" :key="m.id"><td><a :href="'#/members/' + m.id">{{ m.name }}</a></td><td>{{ label('Stage', m.stage) }}</td><td>{{ organizationName(m.organizationId) }}</td></tr>
    </table>
    <a-form v-if="mayWrite() && p.status === 'ACTIVE'" layout="inline" class="form inline" data-testid="dissolve-form" @submit="dissolve">
      <h3>{{ t('branch.dissolve') }}</h3>
      <problem-box :error="dissolveState.problem"></problem-box>
      <field :label="t('common.date')" :error="dissolveState.errors.date" name="date" required><a-date-picker v-model:value="dissolution.date" value-format="YYYY-MM-DD"></a-date-picker></field>
      <field :label="t('common.reason')" :error="dissolveState.errors.reason" name="reason" required><a-input v-model:value="dissolution.reason" name="reason"></a-input></field>
      <a-button danger html-type="submit" :loading="dissolveState.busy" data-testid="dissolve">{{ t('branch.dissolve') }}</a-button>
    </a-form>
  </section>
  <problem-box v-else :error="error"></problem-box>`,
};

const Instructors = {
  props: { query: Object },
  setup(props) {
    const form = reactive({ name: '', phone: '', organizationIds: props.query && props.query.organizationId ? [props.query.organizationId] : [] });
    function check() {
      const e = {};
      if (!form.name) e.name = t('check.required');
      if (!/^1\d{10}$/.test(form.phone)) e.phone = t('check.phone');
      if (!form.organizationIds.length) e.organizationIds = t('check.required');
      return e;
    }
    const { state, run } = useSubmit(check, form);
    const list = ref(null);
    async function submit() {
      const done = await run(undefined, () => post('/api/branches/instructors', { name: form.name, phone: form.phone, organizationIds: form.organizationIds }));
      if (done && list.value) list.value.reload();
    }
    const columns = computed(() => [
      { key: 'name', label: t('branch.instructorName') }, { key: 'phone', label: t('branch.phone') },
      { key: 'organizationIds', label: t('branch.organizations'), format: r => (r.organizationIds || []).map(organizationName).join('、') },
      { key: 'assignedOn', label: t('common.date') },
    ]);
    const filters = computed(() => [{ name: 'street', label: t('common.street'), type: 'select', options: streetOptions(), all: !streetScoped() }]);
    return { form, state, submit, columns, filters, list, t, mayWrite, initial: { street: streetInitial() },
      source: params => get('/api/branches/instructors', params) };
  },
  template: `
  <div data-testid="instructors">
    <a-form v-if="mayWrite()" layout="vertical" class="form" @submit="submit">
      <h3>{{ t('branch.assign') }}</h3>
      <problem-box :error="state.problem"></problem-box>
      <div class="form-grid">
        <field :label="t('branch.instructorName')" :error="state.errors.name" name="name" required><a-input v-model:value="form.name"></a-input></field>
        <field :label="t('branch.phone')" :error="state.errors.phone" name="phone" required><a-input v-model:value="form.phone" :maxlength="11"></a-input></field>
        <field :label="t('branch.organizations')" :error="state.errors.organizationIds" name="organizationIds" required>
          <picker kind="organization" multiple v-model:value="form.organizationIds" testid="pick-instructor-organizations"></picker></field>
      </div>
      <a-button type="primary" html-type="submit" :loading="state.busy">{{ t('common.submit') }}</a-button>
    </a-form>
    <data-table ref="list" :source="source" :filters="filters" :initial="initial" :columns="columns" testid="instructor-list"
      export-path="/api/branches/instructors" :export-name="t('branch.instructors')"></data-table>
  </div>`,
};

const Gaps = {
  setup() {
    const filters = computed(() => [
      { name: 'street', label: t('common.street'), type: 'select', options: streetOptions(), all: !streetScoped() },
      { name: 'type', label: t('org.type'), type: 'select', options: options('OrganizationType') },
    ]);
    const columns = computed(() => [
      { key: 'organizationName', label: t('org.name'), link: r => (r.organizationId ? '#/organizations/' + r.organizationId : null),
        format: r => r.organizationName || '—', localSort: r => r.organizationName || '' },
      { key: 'street', label: t('common.street'), format: r => streetName(r.street), localSort: r => r.street },
      { key: 'reason', label: t('common.reason'), format: r => label('Gap', r.reason), localSort: r => r.reason },
      { key: 'partyOrganizationName', label: t('funding.partyOrganization'), link: r => (r.partyOrganizationId ? '#/branches/' + r.partyOrganizationId : null),
        format: r => r.partyOrganizationName || '—' },
      { key: 'act', label: t('common.actions'), action: r => { location.hash = gapAction(r).href; }, actionLabel: r => gapAction(r).text,
        when: r => mayWrite() && !!gapAction(r) },
    ]);
    // the whole list at once (the service answers it whole), so it pages and sorts here
    const source = async params => (await get('/api/branches/coverage', { street: params.street, type: params.type })).gaps;
    return { filters, columns, source, initial: { street: streetInitial() }, t };
  },
  template: `<data-table :source="source" :filters="filters" :columns="columns" :initial="initial" testid="gaps"
    export-path="/api/branches/coverage" :export-params="p => Object.assign({}, p, { part: 'gaps' })" :export-name="t('branch.gaps')"></data-table>`,
};

const JointPlan = {
  props: { query: Object },
  setup(props) {
    const street = ref((props.query && props.query.street) || streetInitial());
    const plan = ref(null);
    const error = ref(null);
    async function load() {
      error.value = null;
      try { plan.value = await get('/api/branches/coverage/joint-plan', street.value ? { street: street.value } : {}); } catch (e) { error.value = e; }
    }
    onMounted(load);
    function establish(p) {
      const name = (p.streetName || streetName(p.street)) + (p.industry ? industryName(p.industry) : '') + '联合党支部';
      sessionStorage.setItem('portal.establish', JSON.stringify({
        name, type: 'BRANCH', formation: 'JOINT', street: p.street, industry: p.industry || undefined,
        superior: (p.streetName || streetName(p.street)) + '街道党工委',
        organizationIds: p.organizations.map(o => o.organizationId),
      }));
      location.hash = '#/branches/new';
    }
    const streets = computed(() => (streetScoped() ? [] : [{ value: '', label: t('common.all') }]).concat(selectOptions(streetOptions())));
    return { street, plan, error, load, establish, t, label, streets, industryName, mayWrite };
  },
  template: `
  <div data-testid="joint-plan">
    <a-form layout="inline" class="filters" @submit="load"><a-form-item :label="t('common.street')"><a-select v-model:value="street" :options="streets" style="min-width: 140px" @change="load"></a-select></a-form-item>
      <a-form-item><a-button type="primary" html-type="submit">{{ t('common.search') }}</a-button></a-form-item></a-form>
    <problem-box :error="error"></problem-box>
    <template v-if="plan">
      <p>{{ t('branch.candidates') }} {{ plan.candidates }} · {{ t('branch.proposals') }} {{ plan.proposedOrganizations }}</p>
      <a-card v-for="(p, i) in plan.proposals" :key="i" size="small" class="proposal" data-testid="proposal"
        :title="p.streetName + ' · ' + (industryName(p.industry) || '—') + ' · ' + t('branch.formalMembers') + ' ' + p.formalMembers">
        <ul><li v-for="o in p.organizations" :key="o.organizationId"><a :href="'#/organizations/' + o.organizationId">{{ o.name }}</a>（{{ t('org.formal') }} {{ o.formalMembers }}）</li></ul>
        <a-button v-if="mayWrite()" type="primary" size="small" @click="establish(p)" data-testid="establish-from-proposal">{{ t('branch.establishFromProposal') }}</a-button>
      </a-card>
      <h4 v-if="plan.cannotBeGrouped.length">{{ t('branch.cannotBeGrouped') }}</h4>
      <table class="data compact" v-if="plan.cannotBeGrouped.length" data-testid="ungrouped"><tr v-for="u in plan.cannotBeGrouped" :key="u.organizationId">
        <td><a :href="'#/organizations/' + u.organizationId">{{ u.name }}</a></td><td>{{ label('Ungrouped', u.reason) }}</td></tr></table>
    </template>
  </div>`,
};

export const BranchesPage = {
  props: { route: Object },
  components: { EstablishForm, BranchDetail, Instructors, Gaps, JointPlan },
  setup(props) {
    const view = computed(() => props.route.path[1] || '');
    const tabs = computed(() => [
      { id: '', title: t('branch.list'), show: true },
      { id: 'gaps', title: t('branch.gaps'), show: hasRole('district-admin', 'committee-admin', 'street-admin', 'auditor') },
      { id: 'joint-plan', title: t('branch.jointPlan'), show: hasRole('district-admin', 'committee-admin', 'street-admin', 'auditor') },
      { id: 'instructors', title: t('branch.instructors'), show: hasRole('district-admin', 'committee-admin', 'street-admin', 'auditor') },
    ].filter(x => x.show));
    const filters = computed(() => [
      { name: 'q', label: t('branch.q'), placeholder: t('branch.q') },
      { name: 'street', label: t('common.street'), type: 'select', options: streetOptions(), all: !streetScoped() },
      { name: 'type', label: t('branch.type'), type: 'select', options: options('PartyOrganizationType') },
      { name: 'formation', label: t('branch.formation'), type: 'select', options: options('Formation') },
      { name: 'status', label: t('common.status'), type: 'select', options: options('PartyOrganizationStatus') },
      { name: 'rating', label: t('branch.rating'), type: 'select', options: options('Rating') },
    ].filter(f => !(hasRole('branch-secretary') && !mayWrite() && f.name === 'street')));
    const columns = computed(() => [
      { key: 'name', label: t('branch.name'), link: r => '#/branches/' + r.id, sort: true },
      { key: 'type', label: t('branch.type'), format: r => label('PartyOrganizationType', r.type), sort: true },
      { key: 'formation', label: t('branch.formation'), format: r => label('Formation', r.formation), sort: true },
      { key: 'street', label: t('common.street'), format: r => streetName(r.street), sort: true },
      { key: 'members', label: t('branch.members') + '（' + t('org.formal') + ' / ' + t('org.probationary') + '）', format: r => r.members ? r.members.formal + ' / ' + r.members.probationary : '' },
      { key: 'rating', label: t('branch.rating'), format: r => label('Rating', r.rating), sort: true },
      { key: 'termEndsOn', label: t('branch.termEndsOn'), sort: true },
      { key: 'status', label: t('common.status'), format: r => label('PartyOrganizationStatus', r.status), sort: true },
    ]);
    const source = params => get('/api/branches', params);
    const known = ['', 'gaps', 'joint-plan', 'instructors', 'new'];
    return { view, tabs, filters, columns, source, t, mayWrite, known, initial: { status: 'ACTIVE', street: streetInitial() } };
  },
  template: `
  <section data-testid="page-branches">
    <h1>{{ t('nav.branches') }}</h1>
    <nav class="tabs" v-if="view !== 'new' && known.includes(view)"><a v-for="x in tabs" :key="x.id" :href="'#/branches' + (x.id ? '/' + x.id : '')" :class="{ active: view === x.id }" :data-tab="x.id || 'list'">{{ x.title }}</a></nav>
    <establish-form v-if="view === 'new'" :query="route.query" :key="JSON.stringify(route.query)"></establish-form>
    <gaps v-else-if="view === 'gaps'"></gaps>
    <joint-plan v-else-if="view === 'joint-plan'" :query="route.query"></joint-plan>
    <instructors v-else-if="view === 'instructors'" :query="route.query"></instructors>
    <branch-detail v-else-if="view" :id="view" :key="view"></branch-detail>
    <template v-else>
      <a-space v-if="mayWrite()" class="actions"><a-button type="primary" href="#/branches/new" data-testid="establish">{{ t('branch.establish') }}</a-button></a-space>
      <data-table :source="source" :filters="filters" :columns="columns" :initial="initial" testid="branches" sortable
        export-path="/api/branches" :export-name="t('branch.list')"></data-table>
    </template>
  </section>`,
};
