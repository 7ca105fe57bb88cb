// 经费: the ledger, reports by street / party organization / kind with CSV and XLSX download, the allocation run
// (admins), the forecast.
import { reactive, ref, computed, onMounted } from 'vue';
import { get, post, download, XLSX } from '../api.js';
import { t, label, options } from '../i18n.js';
import { streetOptions, streetName, hasRole, isAdmin } from '../session.js';
import { useSubmit, today, yuan } from '../ui.js';
import { partyOrganizationName } from '../names.js';

const YEAR = new Date().getFullYear();

const Ledger = {
  setup() {
    const filters = computed(() => [
      { name: 'fiscalYear', label: t('funding.fiscalYear'), type: 'number' },
      { name: 'kind', label: t('funding.kind'), type: 'select', options: options('FundingKind') },
      { name: 'street', label: t('common.street'), type: 'select', options: streetOptions() },
      { name: 'partyOrganizationId', label: t('funding.partyOrganization') },
    ]);
    const columns = computed(() => [
      { key: 'bookedAt', label: t('funding.bookedOn'), format: r => (r.bookedAt || '').slice(0, 10) },
      { key: 'fiscalYear', label: t('funding.fiscalYear') },
      { key: 'kind', label: t('funding.kind'), format: r => label('FundingKind', r.kind) },
      { key: 'partyOrganizationId', label: t('funding.partyOrganization'), format: r => partyOrganizationName(r.partyOrganizationId) },
      { key: 'street', label: t('common.street'), format: r => streetName(r.street) },
      { key: 'amount', label: t('funding.amount'), format: r => yuan(r.amount) },
      { key: 'basis', label: t('funding.basis') },
    ]);
    return { filters, columns, source: params => get('/api/funding/ledger', params), initial: { fiscalYear: String(YEAR) } };
  },
  template: `<paged-list :source="source" :filters="filters" :columns="columns" :initial="initial" testid="ledger"></paged-list>`,
};

const Reports = {
  setup() {
    const q = reactive({ fiscalYear: YEAR, groupBy: 'street', street: '' });
    const report = ref(null);
    const { state, run } = useSubmit();
    async function load() {
      report.value = await run(null, () => get('/api/funding/reports', { fiscalYear: q.fiscalYear, groupBy: q.groupBy, street: q.street }));
    }
    onMounted(load);
    async function save(kind) {
      const accept = kind === 'xlsx' ? XLSX : 'text/csv';
      await run(null, () => download('/api/funding/reports', { fiscalYear: q.fiscalYear, groupBy: q.groupBy, street: q.street }, accept,
        'funding-' + q.fiscalYear + '-' + q.groupBy + '.' + kind));
    }
    const groupName = r => q.groupBy === 'kind' ? label('FundingKind', r.key) : q.groupBy === 'street' ? (r.name || streetName(r.key)) : (r.name || r.key);
    return { q, report, state, load, save, t, yuan, streetOptions, groupName, label };
  },
  template: `
  <div data-testid="funding-reports">
    <form class="filters" @submit.prevent="load">
      <label>{{ t('funding.fiscalYear') }} <input type="number" v-model="q.fiscalYear" name="fiscalYear"></label>
      <label>{{ t('funding.groupBy') }} <select v-model="q.groupBy" name="groupBy">
        <option value="street">{{ t('funding.byStreet') }}</option><option value="partyOrganization">{{ t('funding.byPartyOrganization') }}</option><option value="kind">{{ t('funding.byKind') }}</option></select></label>
      <label>{{ t('common.street') }} <select v-model="q.street"><option value="">{{ t('common.all') }}</option><option v-for="o in streetOptions()" :value="o.value">{{ o.text }}</option></select></label>
      <button type="submit">{{ t('common.search') }}</button>
      <button type="button" class="secondary" @click="save('csv')" data-testid="download-csv">{{ t('common.downloadCsv') }}</button>
      <button type="button" class="secondary" @click="save('xlsx')" data-testid="download-xlsx">{{ t('common.downloadXlsx') }}</button>
    </form>
    <problem-box :error="state.problem"></problem-box>
    <table class="data" v-if="report">
      <thead><tr><th>{{ t('funding.group') }}</th><th>{{ t('funding.entries') }}</th><th>{{ label('FundingKind', 'STARTUP_GRANT') }}</th><th>{{ label('FundingKind', 'ANNUAL_WORKING_FUNDS') }}</th>
        <th>{{ label('FundingKind', 'DUES_RETURN') }}</th><th>{{ label('FundingKind', 'ADJUSTMENT') }}</th><th>{{ t('funding.total') }}</th></tr></thead>
      <tbody><tr v-for="r in report.rows" :key="r.key"><td>{{ groupName(r) }}</td><td class="num">{{ r.entries }}</td><td class="num">{{ yuan(r.startupGrants) }}</td>
        <td class="num">{{ yuan(r.annualWorkingFunds) }}</td><td class="num">{{ yuan(r.duesReturns) }}</td><td class="num">{{ yuan(r.adjustments) }}</td><td class="num">{{ yuan(r.amount) }}</td></tr></tbody>
      <tfoot><tr><th>{{ t('common.total') }}</th><th class="num">{{ report.entries }}</th><th colspan="4"></th><th class="num" data-testid="report-total">{{ yuan(report.total) }}</th></tr></tfoot>
    </table>
  </div>`,
};

const Allocation = {
  setup() {
    const form = reactive({ fiscalYear: YEAR, snapshotDate: today() });
    const { state, run } = useSubmit();
    async function submit() {
      await run(null, () => post('/api/funding/allocations', { fiscalYear: Number(form.fiscalYear), snapshotDate: form.snapshotDate }));
    }
    return { form, state, submit, t, yuan };
  },
  template: `
  <form class="form inline" @submit.prevent="submit" data-testid="allocation">
    <problem-box :error="state.problem"></problem-box>
    <field :label="t('funding.fiscalYear')" :error="state.errors.fiscalYear" name="fiscalYear"><input type="number" v-model="form.fiscalYear"></field>
    <field :label="t('funding.snapshotDate')" :error="state.errors.snapshotDate" name="snapshotDate"><input type="date" v-model="form.snapshotDate"></field>
    <button type="submit" :disabled="state.busy">{{ t('funding.run') }}</button>
    <p v-if="state.done" data-testid="allocation-result">{{ t('funding.allocationDone', state.done.fiscalYear, state.done.partyOrganizations, state.done.members, yuan(state.done.total)) }}</p>
  </form>`,
};

const Forecast = {
  setup() {
    const year = ref(YEAR + 1);
    const f = ref(null);
    const { state, run } = useSubmit();
    async function load() { f.value = await run(null, () => get('/api/funding/forecast', { fiscalYear: year.value })); }
    onMounted(load);
    return { year, f, state, load, t, yuan };
  },
  template: `
  <div data-testid="forecast">
    <form class="filters" @submit.prevent="load"><label>{{ t('funding.fiscalYear') }} <input type="number" v-model="year"></label><button type="submit">{{ t('common.search') }}</button></form>
    <problem-box :error="state.problem"></problem-box>
    <table class="data" v-if="f">
      <tr><th>{{ t('funding.members') }}</th><td class="num">{{ f.members }} × {{ yuan(f.perMemberYuan) }}</td><td class="num">{{ yuan(f.workingFunds) }}</td></tr>
      <tr><th>{{ t('funding.partyOrganizations') }}</th><td class="num">({{ f.shouldFormSingle }} + {{ f.proposedJoint }}) × {{ yuan(f.startupYuan) }}</td><td class="num">{{ yuan(f.startupGrants) }}</td></tr>
      <tr><th>{{ t('common.total') }}</th><td></td><td class="num"><strong>{{ yuan(f.total) }}</strong></td></tr>
    </table>
  </div>`,
};

export const FundingPage = {
  props: { route: Object },
  components: { Ledger, Reports, Allocation, Forecast },
  setup(props) {
    const view = computed(() => props.route.path[1] || 'reports');
    const tabs = computed(() => [
      { id: 'reports', title: t('funding.reports'), show: true }, { id: 'ledger', title: t('funding.ledger'), show: true },
      { id: 'allocation', title: t('funding.allocation'), show: isAdmin() }, { id: 'forecast', title: t('funding.forecast'), show: true },
    ].filter(x => x.show));
    return { view, tabs, t, isAdmin };
  },
  template: `
  <section data-testid="page-funding">
    <h1>{{ t('nav.funding') }}</h1>
    <nav class="tabs"><a v-for="x in tabs" :key="x.id" :href="'#/funding/' + x.id" :class="{ active: view === x.id }" :data-tab="x.id">{{ x.title }}</a></nav>
    <ledger v-if="view === 'ledger'"></ledger>
    <allocation v-else-if="view === 'allocation' && isAdmin()"></allocation>
    <forecast v-else-if="view === 'forecast'"></forecast>
    <reports v-else></reports>
  </section>`,
};
