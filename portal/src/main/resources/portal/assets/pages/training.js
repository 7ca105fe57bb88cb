// 培训与组织生活: training sessions and their attendance, organizational-life activities, compliance per party
// organization and period (rule 12).
import { reactive, ref, computed, onMounted } from 'vue';
import { get, post } from '../api.js';
import { t, label, options } from '../i18n.js';
import { mayWrite, streetOptions, streetName, session, hasRole } from '../session.js';
import { useSubmit, today, lines } from '../ui.js';

const Sessions = {
  setup() {
    const form = reactive({ title: '', kind: 'PARTY_MEMBER_TRAINING', organizer: '', startsOn: today(), endsOn: today(), hours: 4, location: '' });
    const attendance = reactive({ sessionId: '', memberIds: '' });
    const created = useSubmit(), attended = useSubmit();
    const list = ref(null);
    async function create() {
      const done = await created.run(() => {
        const e = {};
        for (const k of ['title', 'organizer', 'startsOn', 'endsOn']) if (!form[k]) e[k] = t('check.required');
        if (!(Number(form.hours) > 0)) e.hours = t('check.required');
        return e;
      }, () => post('/api/training/sessions', Object.assign({}, form, { hours: Number(form.hours) })));
      if (done && list.value) list.value.reload();
    }
    async function attend() {
      await attended.run(() => (lines(attendance.memberIds).length ? {} : { memberIds: t('check.required') }),
        () => post('/api/training/sessions/' + attendance.sessionId + '/attendance', { memberIds: lines(attendance.memberIds) }));
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
      { key: 'hours', label: t('training.hours') },
      { key: 'attend', label: t('training.attendance'), action: r => { attendance.sessionId = r.id; attended.state.done = null; }, actionLabel: t('training.record'), when: () => hasRole('district-admin', 'committee-admin', 'street-admin', 'branch-secretary') },
    ]);
    return { form, attendance, create, attend, cState: created.state, aState: attended.state, filters, columns, list, t, options, mayWrite,
      source: params => get('/api/training/sessions', params) };
  },
  template: `
  <div data-testid="sessions">
    <form v-if="mayWrite()" class="form inline" @submit.prevent="create">
      <h3>{{ t('training.newSession') }}</h3>
      <problem-box :error="cState.problem"></problem-box>
      <field :label="t('training.title')" :error="cState.errors.title" name="title"><input v-model="form.title"></field>
      <field :label="t('training.kind')" :error="cState.errors.kind" name="kind"><select v-model="form.kind"><option v-for="o in options('SessionKind')" :value="o.value">{{ o.text }}</option></select></field>
      <field :label="t('training.organizer')" :error="cState.errors.organizer" name="organizer"><input v-model="form.organizer"></field>
      <field :label="t('training.startsOn')" :error="cState.errors.startsOn" name="startsOn"><input type="date" v-model="form.startsOn"></field>
      <field :label="t('training.endsOn')" :error="cState.errors.endsOn" name="endsOn"><input type="date" v-model="form.endsOn"></field>
      <field :label="t('training.hours')" :error="cState.errors.hours" name="hours"><input type="number" step="0.5" v-model="form.hours"></field>
      <field :label="t('training.location')" :error="cState.errors.location" name="location"><input v-model="form.location"></field>
      <button type="submit" :disabled="cState.busy">{{ t('common.save') }}</button>
    </form>
    <form v-if="attendance.sessionId" class="form inline" @submit.prevent="attend" data-testid="attendance-form">
      <h3>{{ t('training.record') }}</h3>
      <problem-box :error="aState.problem"></problem-box>
      <field :label="t('training.memberIds')" :error="aState.errors.memberIds" name="memberIds"><textarea v-model="attendance.memberIds" rows="3"></textarea></field>
      <button type="submit" :disabled="aState.busy">{{ t('common.submit') }}</button>
      <span v-if="aState.done">✓ {{ aState.done.created }} / {{ aState.done.unchanged }}</span>
    </form>
    <paged-list ref="list" :source="source" :filters="filters" :columns="columns" testid="session-list"></paged-list>
  </div>`,
};

const Activities = {
  setup() {
    const form = reactive({ partyOrganizationId: (session.me && session.me.partyOrgId) || '', kind: 'THEMED_PARTY_DAY', heldOn: today(), topic: '', attendeeIds: '' });
    const { state, run } = useSubmit();
    const list = ref(null);
    async function submit() {
      const done = await run(() => {
        const e = {};
        for (const k of ['partyOrganizationId', 'kind', 'heldOn', 'topic']) if (!form[k]) e[k] = t('check.required');
        if (!lines(form.attendeeIds).length) e.attendeeIds = t('check.required');
        return e;
      }, () => post('/api/training/activities', Object.assign({}, form, { attendeeIds: lines(form.attendeeIds) })));
      if (done && list.value) list.value.reload();
    }
    const filters = computed(() => [
      { name: 'kind', label: t('training.kind'), type: 'select', options: options('ActivityKind') },
      { name: 'street', label: t('common.street'), type: 'select', options: streetOptions() },
      { name: 'partyOrganizationId', label: t('training.partyOrganizationId') },
      { name: 'year', label: t('common.year'), type: 'number' },
    ]);
    const columns = computed(() => [
      { key: 'heldOn', label: t('training.heldOn') },
      { key: 'kind', label: t('training.kind'), format: r => label('ActivityKind', r.kind) },
      { key: 'topic', label: t('training.topic') },
      { key: 'partyOrganizationId', label: t('training.partyOrganizationId'), link: r => '#/branches/' + r.partyOrganizationId, format: r => r.partyOrganizationId },
      { key: 'attendees', label: t('training.attendees'), format: r => (r.attendeeIds || []).length + ' / ' + r.partyMembers },
      { key: 'flags', label: t('training.flags'), format: r => (r.flags || []).join(', ') },
    ]);
    return { form, state, submit, filters, columns, list, t, options, hasRole, source: params => get('/api/training/activities', params) };
  },
  template: `
  <div data-testid="activities">
    <form v-if="hasRole('district-admin','committee-admin','street-admin','branch-secretary')" class="form inline" @submit.prevent="submit">
      <h3>{{ t('training.newActivity') }}</h3>
      <problem-box :error="state.problem"></problem-box>
      <field :label="t('training.partyOrganizationId')" :error="state.errors.partyOrganizationId" name="partyOrganizationId"><input v-model="form.partyOrganizationId"></field>
      <field :label="t('training.kind')" :error="state.errors.kind" name="kind"><select v-model="form.kind"><option v-for="o in options('ActivityKind')" :value="o.value">{{ o.text }}</option></select></field>
      <field :label="t('training.heldOn')" :error="state.errors.heldOn" name="heldOn"><input type="date" v-model="form.heldOn"></field>
      <field :label="t('training.topic')" :error="state.errors.topic" name="topic"><input v-model="form.topic"></field>
      <field :label="t('training.attendeeIds')" :error="state.errors.attendeeIds" name="attendeeIds"><textarea v-model="form.attendeeIds" rows="2"></textarea></field>
      <button type="submit" :disabled="state.busy">{{ t('common.save') }}</button>
    </form>
    <paged-list ref="list" :source="source" :filters="filters" :columns="columns" testid="activity-list"></paged-list>
  </div>`,
};

const Compliance = {
  setup() {
    const now = new Date();
    const filters = computed(() => [
      { name: 'year', label: t('common.year'), type: 'number' },
      { name: 'quarter', label: t('common.quarter'), type: 'select', options: [1, 2, 3, 4].map(q => ({ value: String(q), text: 'Q' + q })) },
      { name: 'street', label: t('common.street'), type: 'select', options: streetOptions() },
      { name: 'status', label: t('common.status'), type: 'select', options: options('ComplianceStatus') },
    ]);
    const columns = computed(() => [
      { key: 'name', label: t('training.partyOrganizationId'), link: r => '#/branches/' + r.partyOrganizationId },
      { key: 'street', label: t('common.street'), format: r => streetName(r.street) },
      { key: 'status', label: t('common.status'), format: r => label('ComplianceStatus', r.status) },
      // per requirement: activities held, and the sub-periods met of those owed so far (rule 12)
      { key: 'requirements', label: t('training.kind') + '：' + t('training.held') + '（' + t('training.met') + ' / ' + t('training.required') + '）',
        format: r => (r.requirements || []).map(q => label('ActivityKind', q.kind) + ' ' + q.held + '（' + q.met + '/' + q.required + '）'
          + (q.status === 'BEHIND' ? ' ✗' : '')).join('；') },
    ]);
    const source = async params => (await get('/api/training/compliance', params)).partyOrganizations;
    return { filters, columns, source, initial: { year: String(now.getFullYear()), quarter: String(Math.floor(now.getMonth() / 3) + 1) } };
  },
  template: `<paged-list :source="source" :filters="filters" :columns="columns" :initial="initial" :paged="false" testid="compliance"></paged-list>`,
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
