// 经费: the ledger, reports by street / party organization / kind with CSV and XLSX download, the allocation run
// (admins), the forecast.
import { reactive, ref, computed, onMounted } from 'vue';
import { get, post, download, XLSX } from '../api.js';
import { t, label, options } from '../i18n.js';
import { streetOptions, streetName, hasRole, isAdmin, streetScoped, streetInitial } from '../session.js';
import { useSubmit, today, yuan, confirmAction } from '../ui.js';
import { partyOrganizationName } from '../names.js';

const YEAR = new Date().getFullYear();
const DATE = /(\d{4}-\d{2}-\d{2})/;

/** A ledger entry's basis in the user's language, from its kind and figures (the service's basis text is English). */
export function basis(r) {
  const dates = (r.basis || '').match(/\d{4}-\d{2}(-\d{2})?/g) || [];
  if (r.kind === 'ANNUAL_WORKING_FUNDS' && r.members) {
    const per = Number(r.amount) / r.members;
    return t('funding.basis.ANNUAL_WORKING_FUNDS', r.members, yuan(per), (DATE.exec(r.basis || '') || [])[1] || '');
  }
  if (r.kind === 'STARTUP_GRANT') return t('funding.basis.STARTUP_GRANT', dates[dates.length - 1] || '');
  if (r.kind === 'DUES_RETURN') return t('funding.basis.DUES_RETURN', dates[0] || '', dates[1] || '');
  if (r.kind === 'ADJUSTMENT') return t('funding.basis.ADJUSTMENT', r.reason || '');
  return label('FundingKind', r.kind);
}

const Ledger = {
  setup() {
    const filters = computed(() => [
      { name: 'fiscalYear', label: t('funding.fiscalYear'), type: 'number' },
      { name: 'kind', label: t('funding.kind'), type: 'select', options: options('FundingKind') },
      { name: 'street', label: t('common.street'), type: 'select', options: streetOptions(), all: !streetScoped() },
      { name: 'partyOrganizationId', label: t('funding.partyOrganization'), type: 'picker', kind: 'partyOrganization' },
    ].filter(f => !(f.type === 'picker' && hasRole('finance') && !hasRole('district-admin', 'committee-admin', 'auditor'))));
    const columns = computed(() => [
      { key: 'bookedAt', label: t('funding.bookedOn'), format: r => (r.bookedAt || '').slice(0, 10) },
      { key: 'fiscalYear', label: t('funding.fiscalYear') },
      { key: 'kind', label: t('funding.kind'), format: r => label('FundingKind', r.kind) },
      { key: 'partyOrganizationName', label: t('funding.partyOrganization'), format: r => r.partyOrganizationName || partyOrganizationName(r.partyOrganizationId) },
      { key: 'street', label: t('common.street'), format: r => streetName(r.street) },
      { key: 'amount', label: t('funding.amount'), format: r => yuan(r.amount), align: 'right' },
      { key: 'basis', label: t('funding.basis'), format: basis },
    ]);
    return { filters, columns, t, source: params => get('/api/funding/ledger', params), initial: { fiscalYear: YEAR, street: streetInitial() } };
  },
  template: `<data-table :source="source" :filters="filters" :columns="columns" :initial="initial" testid="ledger"
    export-path="/api/funding/ledger" :export-name="t('funding.ledger')"></data-table>`,
};

const Reports = {
  setup() {
    const q = reactive({ fiscalYear: YEAR, groupBy: 'street', street: streetInitial() });
    const report = ref(null);
    const { state, run } = useSubmit();
    async function load() {
      report.value = await run(null, () => get('/api/funding/reports', params()));
    }
    onMounted(load);
    async function save(kind) {
      const accept = kind === 'xlsx' ? XLSX : 'text/csv';
      await run(null, () => download('/api/funding/reports', params(), accept,
        'funding-' + q.fiscalYear + '-' + q.groupBy + '.' + kind));
    }
    const params = () => Object.assign({ fiscalYear: q.fiscalYear, groupBy: q.groupBy }, q.street ? { street: q.street } : {});
    const groupName = r => q.groupBy === 'kind' ? label('FundingKind', r.key) : q.groupBy === 'street' ? (r.name || streetName(r.key)) : (r.name || partyOrganizationName(r.key));
    const streets = computed(() => (streetScoped() ? [] : [{ value: '', label: t('common.all') }]).concat(streetOptions().map(o => ({ value: o.value, label: o.text }))));
    const groups = computed(() => [{ value: 'street', label: t('funding.byStreet') }, { value: 'partyOrganization', label: t('funding.byPartyOrganization') },
      { value: 'kind', label: t('funding.byKind') }]);
    return { q, report, state, load, save, t, yuan, streets, groups, groupName, label };
  },
  template: `
  <div data-testid="funding-reports">
    <a-form layout="inline" class="filters" @submit="load">
      <a-form-item :label="t('funding.fiscalYear')"><a-input-number v-model:value="q.fiscalYear" :min="2000" :max="2100"></a-input-number></a-form-item>
      <a-form-item :label="t('funding.groupBy')"><a-select v-model:value="q.groupBy" :options="groups" data-testid="group-by" style="min-width: 120px" @change="load"></a-select></a-form-item>
      <a-form-item :label="t('common.street')"><a-select v-model:value="q.street" :options="streets" style="min-width: 120px" @change="load"></a-select></a-form-item>
      <a-form-item><a-space>
        <a-button type="primary" html-type="submit" data-testid="search">{{ t('common.search') }}</a-button>
        <a-button @click="save('csv')" data-testid="download-csv">{{ t('common.exportCsv') }}</a-button>
        <a-button @click="save('xlsx')" data-testid="download-xlsx">{{ t('common.exportXlsx') }}</a-button>
      </a-space></a-form-item>
    </a-form>
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
      if (!await confirmAction(t('funding.run'), t('confirm.allocation', form.fiscalYear, form.snapshotDate), t('funding.run'))) return;
      await run(null, () => post('/api/funding/allocations', { fiscalYear: Number(form.fiscalYear), snapshotDate: form.snapshotDate }));
    }
    return { form, state, submit, t, yuan };
  },
  template: `
  <a-form layout="inline" class="form inline" @submit="submit" data-testid="allocation">
    <problem-box :error="state.problem"></problem-box>
    <field :label="t('funding.fiscalYear')" :error="state.errors.fiscalYear" name="fiscalYear" required><a-input-number v-model:value="form.fiscalYear" :min="2000" :max="2100"></a-input-number></field>
    <field :label="t('funding.snapshotDate')" :error="state.errors.snapshotDate" name="snapshotDate" required><a-date-picker v-model:value="form.snapshotDate" value-format="YYYY-MM-DD"></a-date-picker></field>
    <a-button type="primary" danger html-type="submit" :loading="state.busy">{{ t('funding.run') }}</a-button>
    <p v-if="state.done" data-testid="allocation-result">{{ t('funding.allocationDone', state.done.fiscalYear, state.done.partyOrganizations, state.done.members, yuan(state.done.total)) }}</p>
  </a-form>`,
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
    <a-form layout="inline" class="filters" @submit="load"><a-form-item :label="t('funding.fiscalYear')"><a-input-number v-model:value="year" :min="2000" :max="2100"></a-input-number></a-form-item>
      <a-form-item><a-button type="primary" html-type="submit">{{ t('common.search') }}</a-button></a-form-item></a-form>
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
