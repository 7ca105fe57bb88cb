// 培训与组织生活: training sessions and their attendance (members chosen by name or from a party organization),
// organizational-life activities (the party organization chosen by name, attendance ticked from its members),
// compliance per party organization and period (rule 12), exportable.
import { reactive, ref, computed, watch } from 'vue';
import { get, post } from '../api.js';
import { t, label, options } from '../i18n.js';
import { mayWrite, streetOptions, streetInitial, streetScoped, streetName, session, hasRole } from '../session.js';
import { useSubmit, today, selectOptions } from '../ui.js';
import { partyOrganizationName } from '../names.js';

const PARTY_MEMBER_STAGES = ['FORMAL', 'PROBATIONARY'];

/** The active party members of a party organization, loaded when it changes. */
function useMembersOf(partyOrganizationId) {
  const members = ref([]);
  watch(partyOrganizationId, async id => {
    members.value = [];
    if (!id) return;
    try {
      const list = await get('/api/members', { partyOrganizationId: id, status: 'ACTIVE', size: 200 });
      members.value = ((list && list.items) || []).filter(m => PARTY_MEMBER_STAGES.includes(m.stage));
    } catch (e) { members.value = []; }
  }, { immediate: true });
  return members;
}

const Sessions = {
  setup() {
    const form = reactive({ title: '', kind: 'PARTY_MEMBER_TRAINING', organizer: '', startsOn: today(), endsOn: today(), hours: 4, location: '' });
    const attendance = reactive({ sessionId: undefined, partyOrganizationId: undefined, fromParty: [], others: [] });
    const created = useSubmit(() => {
      const e = {};
      for (const k of ['title', 'organizer', 'startsOn', 'endsOn']) if (!form[k]) e[k] = t('check.required');
      if (!(Number(form.hours) > 0)) e.hours = t('check.required');
      return e;
    }, form);
    const attended = useSubmit();
    const list = ref(null);
    const partyMembers = useMembersOf(computed(() => attendance.partyOrganizationId));
    async function create() {
      const done = await created.run(undefined, () => post('/api/training/sessions', Object.assign({}, form, { hours: Number(form.hours) })));
      if (done && list.value) list.value.reload();
    }
    const chosen = computed(() => Array.from(new Set(attendance.fromParty.concat(attendance.others))));
    async function attend() {
      await attended.run(() => {
        const e = {};
        if (!attendance.sessionId) e.sessionId = t('check.required');
        if (!chosen.value.length) e.memberIds = t('check.required');
        return e;
      }, () => post('/api/training/sessions/' + attendance.sessionId + '/attendance', { memberIds: chosen.value }));
    }
    const filters = computed(() => [
      { name: 'kind', label: t('training.kind'), type: 'select', options: options('SessionKind') },
      { name: 'year', label: t('common.year'), type: 'number' },
    ]);
    const columns = computed(() => [
      { key: 'title', label: t('training.title') },
      { key: 'kind', label: t('training.kind'), format: r => label('SessionKind', r.kind) },
      { key: 'organizer', label: t('training.organizer') },
      { key: 'startsOn', label: t('training.startsOn') }, { key: 'endsOn', label: t('training.endsOn') },
      { key: 'hours', label: t('training.hours'), align: 'right' },
      { key: 'attend', label: t('training.attendance'), action: r => { attendance.sessionId = r.id; attended.state.done = null; }, actionLabel: t('training.record'),
        when: () => hasRole('district-admin', 'committee-admin', 'street-admin', 'branch-secretary') },
    ]);
    return { form, attendance, create, attend, cState: created.state, aState: attended.state, filters, columns, list, t, mayWrite, partyMembers,
      o: k => selectOptions(options(k)), source: params => get('/api/training/sessions', params),
      partyOptions: computed(() => partyMembers.value.map(m => ({ value: m.id, label: m.name }))) };
  },
  template: `
  <div data-testid="sessions">
    <a-form v-if="mayWrite()" layout="vertical" class="form" @submit="create">
      <h3>{{ t('training.newSession') }}</h3>
      <problem-box :error="cState.problem"></problem-box>
      <div class="form-grid">
        <field :label="t('training.title')" :error="cState.errors.title" name="title" required><a-input v-model:value="form.title"></a-input></field>
        <field :label="t('training.kind')" :error="cState.errors.kind" name="kind" required><a-select v-model:value="form.kind" :options="o('SessionKind')"></a-select></field>
        <field :label="t('training.organizer')" :error="cState.errors.organizer" name="organizer" required><a-input v-model:value="form.organizer"></a-input></field>
        <field :label="t('training.startsOn')" :error="cState.errors.startsOn" name="startsOn" required><a-date-picker v-model:value="form.startsOn" value-format="YYYY-MM-DD" style="width:100%"></a-date-picker></field>
        <field :label="t('training.endsOn')" :error="cState.errors.endsOn" name="endsOn" required><a-date-picker v-model:value="form.endsOn" value-format="YYYY-MM-DD" style="width:100%"></a-date-picker></field>
        <field :label="t('training.hours')" :error="cState.errors.hours" name="hours" required><a-input-number v-model:value="form.hours" :min="0.5" :step="0.5" style="width:100%"></a-input-number></field>
        <field :label="t('training.location')" :error="cState.errors.location" name="location"><a-input v-model:value="form.location"></a-input></field>
      </div>
      <a-button type="primary" html-type="submit" :loading="cState.busy">{{ t('common.save') }}</a-button>
    </a-form>
    <a-form v-if="attendance.sessionId" layout="vertical" class="form" @submit="attend" data-testid="attendance-form">
      <h3>{{ t('training.record') }}</h3>
      <problem-box :error="aState.problem"></problem-box>
      <div class="form-grid">
        <field :label="t('training.session')" :error="aState.errors.sessionId" name="sessionId" required><picker kind="session" v-model:value="attendance.sessionId"></picker></field>
        <field :label="t('training.partyOrganizationId')" name="partyOrganizationId"><picker kind="partyOrganization" v-model:value="attendance.partyOrganizationId" :placeholder="t('common.optional')"></picker></field>
        <field :label="t('pick.member')" name="others"><picker kind="member" multiple v-model:value="attendance.others" testid="pick-attendees"></picker></field>
      </div>
      <field v-if="partyMembers.length" :label="t('training.members')" :error="aState.errors.memberIds" name="memberIds" required>
        <a-checkbox-group v-model:value="attendance.fromParty" :options="partyOptions"></a-checkbox-group></field>
      <p v-else-if="aState.errors.memberIds" class="field-error">{{ aState.errors.memberIds }}</p>
      <a-space><a-button type="primary" html-type="submit" :loading="aState.busy">{{ t('common.submit') }}</a-button>
        <span v-if="aState.done && aState.done.created !== undefined">{{ t('training.recorded', aState.done.created, aState.done.unchanged) }}</span></a-space>
    </a-form>
    <data-table ref="list" :source="source" :filters="filters" :columns="columns" testid="session-list"
      export-path="/api/training/sessions" :export-name="t('training.sessions')"></data-table>
  </div>`,
};

const Activities = {
  setup() {
    const secretary = hasRole('branch-secretary') && !mayWrite();
    const form = reactive({ partyOrganizationId: (session.me && session.me.partyOrgId) || undefined, kind: 'THEMED_PARTY_DAY', heldOn: today(),
      topic: '', lecturerMemberId: undefined, attendeeIds: [] });
    const members = useMembersOf(computed(() => form.partyOrganizationId));
    watch(members, list => { form.attendeeIds = form.attendeeIds.filter(id => list.some(m => m.id === id)); });
    function check() {
      const e = {};
      for (const k of ['partyOrganizationId', 'kind', 'heldOn', 'topic']) if (!form[k]) e[k] = t('check.required');
      if (!form.attendeeIds.length) e.attendeeIds = t('check.required');
      return e;
    }
    const { state, run } = useSubmit(check, form);
    const list = ref(null);
    async function submit() {
      const body = Object.assign({}, form);
      if (form.kind !== 'PARTY_LESSON' || !form.lecturerMemberId) delete body.lecturerMemberId;
      const done = await run(undefined, () => post('/api/training/activities', body));
      if (done && list.value) list.value.reload();
    }
    const filters = computed(() => [
      { name: 'kind', label: t('training.kind'), type: 'select', options: options('ActivityKind') },
      { name: 'street', label: t('common.street'), type: 'select', options: streetOptions(), all: !streetScoped() },
      { name: 'partyOrganizationId', label: t('training.partyOrganizationId'), type: 'picker', kind: 'partyOrganization' },
      { name: 'year', label: t('common.year'), type: 'number' },
    ].filter(f => !(secretary && ['street', 'partyOrganizationId'].includes(f.name))));
    const columns = computed(() => [
      { key: 'heldOn', label: t('training.heldOn') },
      { key: 'kind', label: t('training.kind'), format: r => label('ActivityKind', r.kind) },
      { key: 'topic', label: t('training.topic') },
      { key: 'partyOrganizationId', label: t('training.partyOrganizationId'), link: r => '#/branches/' + r.partyOrganizationId, format: r => partyOrganizationName(r.partyOrganizationId) },
      { key: 'attendees', label: t('training.attendees'), format: r => (r.attendeeIds || []).length + ' / ' + r.partyMembers },
      { key: 'flags', label: t('training.flags'), format: r => (r.flags || []).map(f => label('ActivityFlag', f)).join('、') },
    ]);
    return { form, state, submit, filters, columns, list, t, o: k => selectOptions(options(k)), hasRole, secretary, members,
      memberOptions: computed(() => members.value.map(m => ({ value: m.id, label: m.name }))),
      all: () => { form.attendeeIds = members.value.map(m => m.id); },
      initial: { street: streetInitial() }, source: params => get('/api/training/activities', params) };
  },
  template: `
  <div data-testid="activities">
    <a-form v-if="hasRole('district-admin','committee-admin','street-admin','branch-secretary')" layout="vertical" class="form" @submit="submit" data-testid="activity-form">
      <h3>{{ t('training.newActivity') }}</h3>
      <problem-box :error="state.problem" hide-fields></problem-box>
      <div class="form-grid">
        <field :label="t('training.partyOrganizationId')" :error="state.errors.partyOrganizationId" name="partyOrganizationId" required>
          <picker kind="partyOrganization" v-model:value="form.partyOrganizationId" :disabled="secretary" testid="pick-activity-party-organization"></picker></field>
        <field :label="t('training.kind')" :error="state.errors.kind" name="kind" required><a-select v-model:value="form.kind" :options="o('ActivityKind')" data-testid="activity-kind"></a-select></field>
        <field :label="t('training.heldOn')" :error="state.errors.heldOn" name="heldOn" required><a-date-picker v-model:value="form.heldOn" value-format="YYYY-MM-DD" style="width:100%"></a-date-picker></field>
        <field :label="t('training.topic')" :error="state.errors.topic" name="topic" required><a-input v-model:value="form.topic" name="topic"></a-input></field>
        <field v-if="form.kind === 'PARTY_LESSON'" :label="t('training.lecturer')" :error="state.errors.lecturerMemberId" name="lecturerMemberId">
          <a-select v-model:value="form.lecturerMemberId" :options="memberOptions" allow-clear></a-select></field>
      </div>
      <field :label="t('training.chooseAttendees')" :error="state.errors.attendeeIds" name="attendeeIds" required>
        <div data-testid="attendees">
          <a-checkbox-group v-model:value="form.attendeeIds" :options="memberOptions"></a-checkbox-group>
          <a-button v-if="members.length" size="small" @click="all" data-testid="select-all">{{ t('training.selectAll') }}</a-button>
          <span v-if="form.partyOrganizationId && !members.length" class="muted">{{ t('common.none') }}</span>
        </div>
      </field>
      <a-button type="primary" html-type="submit" :loading="state.busy" data-testid="submit">{{ t('common.save') }}</a-button>
    </a-form>
    <data-table ref="list" :source="source" :filters="filters" :columns="columns" :initial="initial" testid="activity-list"
      export-path="/api/training/activities" :export-name="t('training.activities')"></data-table>
  </div>`,
};

const Compliance = {
  setup() {
    const now = new Date();
    const filters = computed(() => [
      { name: 'year', label: t('common.year'), type: 'number' },
      { name: 'quarter', label: t('common.quarter'), type: 'select', all: false, options: [1, 2, 3, 4].map(q => ({ value: q, text: label('Quarter', q) })) },
      { name: 'street', label: t('common.street'), type: 'select', options: streetOptions(), all: !streetScoped() },
      { name: 'status', label: t('common.status'), type: 'select', options: options('ComplianceStatus') },
    ]);
    const columns = computed(() => [
      { key: 'name', label: t('training.partyOrganizationId'), link: r => '#/branches/' + r.partyOrganizationId, localSort: r => r.name, width: 260 },
      { key: 'street', label: t('common.street'), format: r => streetName(r.street), localSort: r => r.street, width: 100 },
      { key: 'status', label: t('common.status'), format: r => label('ComplianceStatus', r.status), localSort: r => r.status, width: 100 },
      // per requirement: activities held, and the sub-periods met of those owed so far (rule 12)
      { key: 'requirements', label: t('training.requirement') + '：' + t('training.held') + '（' + t('training.met') + ' / ' + t('training.required') + '）',
        format: r => (r.requirements || []).map(q => label('Requirement', q.requirement || q.kind) + ' ' + q.held + '（' + q.met + '/' + q.required + '）'
          + (q.status === 'BEHIND' ? ' ✗' : '')).join('；') },
    ]);
    const source = async params => (await get('/api/training/compliance', params)).partyOrganizations;
    return { filters, columns, source, t, initial: { year: now.getFullYear(), quarter: Math.floor(now.getMonth() / 3) + 1, street: streetInitial() } };
  },
  template: `<data-table :source="source" :filters="filters" :columns="columns" :initial="initial" testid="compliance" :paged="false"
    export-path="/api/training/compliance" :export-name="t('training.compliance')"></data-table>`,
};

export const TrainingPage = {
  props: { route: Object },
  components: { Sessions, Activities, Compliance },
  setup(props) {
    const view = computed(() => props.route.path[1] || 'sessions');
    const tabs = computed(() => [
      { id: 'sessions', title: t('training.sessions') }, { id: 'activities', title: t('training.activities') }, { id: 'compliance', title: t('training.compliance') },
    ]);
    return { view, tabs, t };
  },
  template: `
  <section data-testid="page-training">
    <h1>{{ t('nav.training') }}</h1>
    <nav class="tabs"><a v-for="x in tabs" :key="x.id" :href="'#/training/' + x.id" :class="{ active: view === x.id }" :data-tab="x.id">{{ x.title }}</a></nav>
    <activities v-if="view === 'activities'"></activities>
    <compliance v-else-if="view === 'compliance'"></compliance>
    <sessions v-else></sessions>
  </section>`,
};
