// 党组织: list, detail (members, committee, six haves, rating, term), establish with the rule's answer shown plainly
// when refused, dissolve, instructors; coverage gaps; joint plan with "establish from this proposal".
import { reactive, ref, computed, onMounted } from 'vue';
import { get, post, patch } from '../api.js';
import { t, label, options } from '../i18n.js';
import { mayWrite, streetOptions, streetName, industryOptions, industryName, session, hasRole, isAdmin } from '../session.js';
import { useSubmit, today, lines, ruleText } from '../ui.js';
import { organizationName } from '../names.js';

const SIX = ['plaque', 'flag', 'activityRoom', 'archiveCabinet', 'avEquipment', 'publicityBoard'];

/** Prefill for the establish form, e.g. from a joint-plan proposal (kept in sessionStorage across the hash change). */
function prefill() {
  const raw = sessionStorage.getItem('portal.establish');
  sessionStorage.removeItem('portal.establish');
  return raw ? JSON.parse(raw) : null;
}

const EstablishForm = {
  setup() {
    const form = reactive(Object.assign({
      name: '', type: 'BRANCH', formation: 'SINGLE', organizationIds: '', street: (session.me && session.me.street) || '',
      industry: '', superior: '', establishedOn: today(), approvedBySuperior: false,
    }, prefill() || {}));
    const { state, run } = useSubmit();
    function check() {
      const e = {};
      for (const k of ['name', 'type', 'formation', 'street', 'superior', 'establishedOn']) if (!form[k]) e[k] = t('check.required');
      if (!lines(form.organizationIds).length) e.organizationIds = t('check.required');
      return e;
    }
    async function submit() {
      const body = Object.assign({}, form, { organizationIds: lines(form.organizationIds), industry: form.industry || null });
      const saved = await run(check, () => post('/api/branches', body));
      if (saved) location.hash = '#/branches/' + saved.id;
    }
    return { form, state, submit, t, options, streetOptions, industryOptions, ruleText };
  },
  template: `
  <form class="form" data-testid="establish-form" @submit.prevent="submit" novalidate>
    <h2>{{ t('branch.establish') }}</h2>
    <div v-if="state.problem && state.problem.status === 422" class="problem rule" role="alert" data-testid="rule-refusal">
      <strong>{{ t('branch.refused') }}</strong>
      <div class="problem-rule" v-if="ruleText(state.problem)">{{ ruleText(state.problem) }}</div>
      <div class="problem-detail">{{ state.problem.problem.detail }}</div>
      <div class="muted" v-if="state.problem.problem.rule">{{ state.problem.problem.rule }}</div>
    </div>
    <problem-box v-else :error="state.problem"></problem-box>
    <div class="form-grid">
      <field :label="t('branch.name')" :error="state.errors.name" name="name"><input v-model="form.name" name="name"></field>
      <field :label="t('branch.type')" :error="state.errors.type" name="type"><select v-model="form.type" name="type"><option v-for="o in options('PartyOrganizationType')" :value="o.value">{{ o.text }}</option></select></field>
      <field :label="t('branch.formation')" :error="state.errors.formation" name="formation"><select v-model="form.formation" name="formation"><option v-for="o in options('Formation')" :value="o.value">{{ o.text }}</option></select></field>
      <field :label="t('common.street')" :error="state.errors.street" name="street"><select v-model="form.street" name="street"><option value=""></option><option v-for="o in streetOptions()" :value="o.value">{{ o.text }}</option></select></field>
      <field :label="t('common.industry')" :error="state.errors.industry" name="industry"><select v-model="form.industry" name="industry"><option value=""></option><option v-for="o in industryOptions()" :value="o.value">{{ o.text }}</option></select></field>
      <field :label="t('branch.superior')" :error="state.errors.superior" name="superior"><input v-model="form.superior" name="superior"></field>
      <field :label="t('branch.establishedOn')" :error="state.errors.establishedOn" name="establishedOn"><input type="date" v-model="form.establishedOn" name="establishedOn"></field>
      <field :label="t('branch.approvedBySuperior')" :error="state.errors.approvedBySuperior" name="approvedBySuperior"><input type="checkbox" v-model="form.approvedBySuperior" name="approvedBySuperior"></field>
      <field :label="t('branch.organizationIds')" :error="state.errors.organizationIds" name="organizationIds"><textarea v-model="form.organizationIds" name="organizationIds" rows="4" class="mono"></textarea></field>
    </div>
    <button type="submit" :disabled="state.busy" data-testid="submit">{{ t('common.submit') }}</button>
    <a class="button secondary" href="#/branches">{{ t('common.cancel') }}</a>
  </form>`,
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
    const saveState = useSubmit();
    const dissolveState = useSubmit();
    async function load() {
      try {
        p.value = await get('/api/branches/' + props.id);
        Object.assign(six, p.value.sixHaves || {});
        rating.value = p.value.rating || 'UNRATED';
        const list = await get('/api/members', { partyOrganizationId: props.id, size: 200 });
        members.value = (list && list.items) || [];
      } catch (e) { error.value = e; }
    }
    onMounted(load);
    async function saveStandard() {
      const done = await saveState.run(null, () => patch('/api/branches/' + props.id, { sixHaves: Object.assign({}, six), rating: rating.value },
        { headers: { 'If-Match': '"' + p.value.version + '"', 'Content-Type': 'application/merge-patch+json' } }));
      if (done) load();
    }
    async function dissolve() {
      const done = await dissolveState.run(() => (dissolution.reason.trim() ? {} : { reason: t('check.required') }),
        () => post('/api/branches/' + props.id + '/dissolution', Object.assign({}, dissolution)));
      if (done) load();
    }
    const memberName = id => (members.value.find(m => m.id === id) || {}).name || id;
    return { p, error, members, six, rating, SIX, saveStandard, dissolve, dissolution, saveState: saveState.state,
      dissolveState: dissolveState.state, t, label, streetName, industryName, mayWrite, memberName, options, hasRole, organizationName };
  },
  template: `
  <section v-if="p" data-testid="branch-detail">
    <h2>{{ p.name }} <span class="badge">{{ label('PartyOrganizationStatus', p.status) }}</span></h2>
    <p><a href="#/branches" class="button secondary">{{ t('common.back') }}</a></p>
    <dl class="props">
      <dt>{{ t('branch.type') }}</dt><dd>{{ label('PartyOrganizationType', p.type) }}</dd>
      <dt>{{ t('branch.formation') }}</dt><dd>{{ label('Formation', p.formation) }}</dd>
      <dt>{{ t('common.street') }}</dt><dd>{{ streetName(p.street) }}</dd>
      <dt>{{ t('common.industry') }}</dt><dd>{{ industryName(p.industry) }}</dd>
      <dt>{{ t('branch.superior') }}</dt><dd>{{ p.superior }}</dd>
      <dt>{{ t('branch.establishedOn') }}</dt><dd>{{ p.establishedOn }}</dd>
      <dt>{{ t('branch.members') }}</dt><dd data-testid="member-counts">{{ t('org.formal') }} {{ p.members.formal }} · {{ t('org.probationary') }} {{ p.members.probationary }}</dd>
      <dt>{{ t('branch.term') }}</dt><dd>{{ t('branch.electedOn') }} {{ p.electedOn || '—' }} · {{ t('branch.termEndsOn') }} {{ p.termEndsOn || '—' }}</dd>
      <dt>{{ t('branch.secretary') }}</dt><dd>{{ p.secretary ? memberName(p.secretary) : '—' }}</dd>
      <dt>{{ t('branch.organizations') }}</dt><dd><div v-for="o in p.organizationIds" :key="o"><a :href="hasRole('district-admin','committee-admin','street-admin','auditor') ? '#/organizations/' + o : null">{{ organizationName(o) }}</a></div></dd>
    </dl>
    <h3>{{ t('branch.committee') }}</h3>
    <table class="data compact"><tr v-for="s in p.committee" :key="s.memberId"><td>{{ label('SeatRole', s.role) }}</td><td>{{ memberName(s.memberId) }}</td></tr>
      <tr v-if="!p.committee || !p.committee.length"><td>{{ t('common.none') }}</td></tr></table>
    <h3>{{ t('branch.sixHaves') }} · {{ t('branch.rating') }}</h3>
    <form class="form inline" @submit.prevent="saveStandard" data-testid="six-haves">
      <problem-box :error="saveState.problem"></problem-box>
      <label v-for="k in SIX" :key="k" class="check"><input type="checkbox" v-model="six[k]" :disabled="!mayWrite() && !hasRole('branch-secretary')"> {{ t('six.' + k) }}</label>
      <select v-model="rating" :disabled="!mayWrite()"><option v-for="o in options('Rating')" :value="o.value">{{ o.text }}</option></select>
      <button v-if="mayWrite() || hasRole('branch-secretary')" type="submit" :disabled="saveState.busy">{{ t('common.save') }}</button>
    </form>
    <h3>{{ t('branch.members') }}</h3>
    <table class="data compact">
      <tr><th>{{ t('member.name') }}</th><th>{{ t('member.stage') }}</th><th>{{ t('member.organizationId') }}</th></tr>
      <tr v-for="m in members" :key="m.id"><td><a :href="'#/members/' + m.id">{{ m.name }}</a></td><td>{{ label('Stage', m.stage) }}</td><td>{{ organizationName(m.organizationId) }}</td></tr>
    </table>
    <form v-if="mayWrite() && p.status === 'ACTIVE'" class="form inline" data-testid="dissolve-form" @submit.prevent="dissolve">
      <h3>{{ t('branch.dissolve') }}</h3>
      <problem-box :error="dissolveState.problem"></problem-box>
      <field :label="t('common.date')" :error="dissolveState.errors.date" name="date"><input type="date" v-model="dissolution.date"></field>
      <field :label="t('common.reason')" :error="dissolveState.errors.reason" name="reason"><input v-model="dissolution.reason" name="reason"></field>
      <button type="submit" class="danger" :disabled="dissolveState.busy">{{ t('branch.dissolve') }}</button>
    </form>
  </section>
  <problem-box v-else :error="error"></problem-box>`,
};

const Instructors = {
  setup() {
    const form = reactive({ name: '', phone: '', organizationIds: '' });
    const { state, run } = useSubmit();
    const list = ref(null);
    async function submit() {
      const done = await run(() => {
        const e = {};
        if (!form.name) e.name = t('check.required');
        if (!/^1\d{10}$/.test(form.phone)) e.phone = t('check.required');
        if (!lines(form.organizationIds).length) e.organizationIds = t('check.required');
        return e;
      }, () => post('/api/branches/instructors', { name: form.name, phone: form.phone, organizationIds: lines(form.organizationIds) }));
      if (done && list.value) list.value.reload();
    }
    const columns = computed(() => [
      { key: 'name', label: t('branch.instructorName') }, { key: 'phone', label: t('branch.phone') },
      { key: 'organizationIds', label: t('branch.organizations'), format: r => (r.organizationIds || []).join(', ') },
      { key: 'assignedOn', label: t('common.date') },
    ]);
    return { form, state, submit, columns, list, t, mayWrite, source: params => get('/api/branches/instructors', params) };
  },
  template: `
  <div data-testid="instructors">
    <form v-if="mayWrite()" class="form inline" @submit.prevent="submit">
      <h3>{{ t('branch.assign') }}</h3>
      <problem-box :error="state.problem"></problem-box>
      <field :label="t('branch.instructorName')" :error="state.errors.name" name="name"><input v-model="form.name"></field>
      <field :label="t('branch.phone')" :error="state.errors.phone" name="phone"><input v-model="form.phone"></field>
      <field :label="t('branch.organizationIds')" :error="state.errors.organizationIds" name="organizationIds"><textarea v-model="form.organizationIds" rows="2"></textarea></field>
      <button type="submit" :disabled="state.busy">{{ t('common.submit') }}</button>
    </form>
    <paged-list ref="list" :source="source" :columns="columns" testid="instructor-list"></paged-list>
  </div>`,
};

const Gaps = {
  setup() {
    const filters = computed(() => [
      { name: 'street', label: t('common.street'), type: 'select', options: streetOptions() },
      { name: 'type', label: t('org.type'), type: 'select', options: options('OrganizationType') },
    ]);
    const columns = computed(() => [
      { key: 'organizationName', label: t('org.name'), link: r => '#/organizations/' + r.organizationId },
      { key: 'street', label: t('common.street'), format: r => streetName(r.street) },
      { key: 'reason', label: t('common.reason'), format: r => label('Gap', r.reason) },
      { key: 'partyOrganizationName', label: t('funding.partyOrganization') },
    ]);
    const source = async params => (await get('/api/branches/coverage', { street: params.street, type: params.type })).gaps;
    return { filters, columns, source };
  },
  template: `<paged-list :source="source" :filters="filters" :columns="columns" :paged="false" testid="gaps"></paged-list>`,
};

const JointPlan = {
  setup() {
    const street = ref('');
    const plan = ref(null);
    const error = ref(null);
    async function load() {
      error.value = null;
      try { plan.value = await get('/api/branches/coverage/joint-plan', { street: street.value }); } catch (e) { error.value = e; }
    }
    onMounted(load);
    function establish(p) {
      const name = (p.streetName || streetName(p.street)) + (p.industry ? industryName(p.industry) : '') + '联合党支部';
      sessionStorage.setItem('portal.establish', JSON.stringify({
        name, type: 'BRANCH', formation: 'JOINT', street: p.street, industry: p.industry || '',
        superior: (p.streetName || streetName(p.street)) + '街道党工委',
        organizationIds: p.organizations.map(o => o.organizationId).join('\n'),
      }));
      location.hash = '#/branches/new';
    }
    return { street, plan, error, load, establish, t, label, streetOptions, industryName, mayWrite };
  },
  template: `
  <div data-testid="joint-plan">
    <form class="filters" @submit.prevent="load"><label>{{ t('common.street') }} <select v-model="street"><option value="">{{ t('common.all') }}</option>
      <option v-for="o in streetOptions()" :value="o.value">{{ o.text }}</option></select></label><button type="submit">{{ t('common.search') }}</button></form>
    <problem-box :error="error"></problem-box>
    <template v-if="plan">
      <p>{{ t('branch.candidates') }} {{ plan.candidates }} · {{ t('branch.proposals') }} {{ plan.proposedOrganizations }}</p>
      <div v-for="(p, i) in plan.proposals" :key="i" class="panel proposal" data-testid="proposal">
        <h4>{{ p.streetName }} · {{ industryName(p.industry) || '—' }} · {{ t('branch.formalMembers') }} {{ p.formalMembers }}</h4>
        <ul><li v-for="o in p.organizations" :key="o.organizationId">{{ o.name }}（{{ t('org.formal') }} {{ o.formalMembers }}）</li></ul>
        <button v-if="mayWrite()" type="button" @click="establish(p)" data-testid="establish-from-proposal">{{ t('branch.establishFromProposal') }}</button>
      </div>
      <h4 v-if="plan.cannotBeGrouped.length">{{ t('branch.cannotBeGrouped') }}</h4>
      <table class="data compact" v-if="plan.cannotBeGrouped.length"><tr v-for="u in plan.cannotBeGrouped" :key="u.organizationId"><td>{{ u.name }}</td><td>{{ u.reason }}</td></tr></table>
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
      { name: 'street', label: t('common.street'), type: 'select', options: streetOptions() },
      { name: 'type', label: t('branch.type'), type: 'select', options: options('PartyOrganizationType') },
      { name: 'formation', label: t('branch.formation'), type: 'select', options: options('Formation') },
      { name: 'status', label: t('common.status'), type: 'select', options: options('PartyOrganizationStatus') },
      { name: 'rating', label: t('branch.rating'), type: 'select', options: options('Rating') },
    ]);
    const columns = computed(() => [
      { key: 'name', label: t('branch.name'), link: r => '#/branches/' + r.id },
      { key: 'type', label: t('branch.type'), format: r => label('PartyOrganizationType', r.type) },
      { key: 'formation', label: t('branch.formation'), format: r => label('Formation', r.formation) },
      { key: 'street', label: t('common.street'), format: r => streetName(r.street) },
      { key: 'members', label: t('branch.members'), format: r => r.members ? r.members.formal + ' / ' + r.members.probationary : '' },
      { key: 'rating', label: t('branch.rating'), format: r => label('Rating', r.rating) },
      { key: 'termEndsOn', label: t('branch.termEndsOn') },
      { key: 'status', label: t('common.status'), format: r => label('PartyOrganizationStatus', r.status) },
    ]);
    const source = params => get('/api/branches', params);
    const known = ['', 'gaps', 'joint-plan', 'instructors', 'new'];
    return { view, tabs, filters, columns, source, t, mayWrite, known };
  },
  template: `
  <section data-testid="page-branches">
    <h1>{{ t('nav.branches') }}</h1>
    <nav class="tabs" v-if="view !== 'new' && known.includes(view)"><a v-for="x in tabs" :key="x.id" :href="'#/branches' + (x.id ? '/' + x.id : '')" :class="{ active: view === x.id }" :data-tab="x.id || 'list'">{{ x.title }}</a></nav>
    <establish-form v-if="view === 'new'"></establish-form>
    <gaps v-else-if="view === 'gaps'"></gaps>
    <joint-plan v-else-if="view === 'joint-plan'"></joint-plan>
    <instructors v-else-if="view === 'instructors'"></instructors>
    <branch-detail v-else-if="view" :id="view" :key="view"></branch-detail>
    <template v-else>
      <p v-if="mayWrite()" class="actions"><a class="button" href="#/branches/new" data-testid="establish">{{ t('branch.establish') }}</a></p>
      <paged-list :source="source" :filters="filters" :columns="columns" :initial="{ status: 'ACTIVE' }" testid="branches"></paged-list>
    </template>
  </section>`,
};
