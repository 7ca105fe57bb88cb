// 社会组织: list with search, filters, paging and export (the five-clears ledger of the same filters), detail with its
// five clears and coverage, register and edit (client checks mirror the registry's, the credit code's check character
// included, shown as the user types), CSV/XLSX import with a template and the per-row report, deregistration after a
// confirmation that names what follows.
import { reactive, ref, computed, onMounted } from 'vue';
import { get, post, put, request } from '../api.js';
import { t, label, options } from '../i18n.js';
import { mayWrite, streetOptions, streetInitial, streetScoped, streetName, industryOptions, industryName, session } from '../session.js';
import { useSubmit, today, confirmAction, assetUrl, selectOptions } from '../ui.js';
import { creditCodeProblem } from '../checks.js';
import { fieldLabel, fieldMessage } from '../problems.js';

const EMPTY = () => ({
  name: '', creditCode: '', type: 'SOCIAL_GROUP', registrationLevel: 'DISTRICT', registeredOn: today(), supervisoryUnit: '',
  industry: undefined, street: streetInitial() || undefined, address: '', legalRepresentative: { name: '', partyMember: false },
  employees: 0, fullTimeStaff: 0, operatingStatus: 'NORMAL',
});

/** The registry's own checks, run before sending (RegisterOrganization + RegistrationRules). */
export function checkOrganization(f) {
  const e = {};
  if (!f.name || !f.name.trim()) e.name = t('check.required');
  const code = creditCodeProblem((f.creditCode || '').trim(), f.type);
  if (code) e.creditCode = t(...code);
  for (const k of ['type', 'registrationLevel', 'registeredOn', 'industry', 'street', 'operatingStatus']) if (!f[k]) e[k] = t('check.required');
  if (!f.legalRepresentative.name || !f.legalRepresentative.name.trim()) e['legalRepresentative.name'] = t('check.required');
  if (f.employees === '' || f.employees === null || Number(f.employees) < 0) e.employees = t('check.min0');
  if (f.fullTimeStaff === '' || f.fullTimeStaff === null || Number(f.fullTimeStaff) < 0) e.fullTimeStaff = t('check.min0');
  else if (Number(f.fullTimeStaff) > Number(f.employees)) e.fullTimeStaff = t('check.fullTimeStaff');
  return e;
}


const OrganizationForm = {
  props: { id: String },
  setup(props) {
    const form = reactive(EMPTY());
    const version = ref(null);
    const { state, run } = useSubmit(() => checkOrganization(form), form);
    onMounted(async () => {
      if (!props.id) return;
      const o = await get('/api/registry/organizations/' + props.id);
      Object.assign(form, {
        name: o.name, creditCode: o.creditCode, type: o.type, registrationLevel: o.registrationLevel, registeredOn: o.registeredOn,
        supervisoryUnit: o.supervisoryUnit || '', industry: o.industry, street: o.street, address: o.address || '',
        legalRepresentative: { name: o.legalRepresentative.name, partyMember: o.legalRepresentative.partyMember },
        employees: o.employees, fullTimeStaff: o.fullTimeStaff, operatingStatus: o.operatingStatus,
      });
      version.value = o.version;
    });
    async function submit() {
      const body = Object.assign({}, form, {
        creditCode: form.creditCode.trim().toUpperCase(), employees: Number(form.employees), fullTimeStaff: Number(form.fullTimeStaff),
        supervisoryUnit: form.supervisoryUnit || null, address: form.address || null,
      });
      const saved = await run(undefined, () => props.id
        ? put('/api/registry/organizations/' + props.id, body, { headers: { 'If-Match': '"' + version.value + '"' } })
        : post('/api/registry/organizations', body));
      if (saved) location.hash = '#/organizations/' + saved.id;
    }
    return { form, state, submit, t, o: k => selectOptions(options(k)), streets: selectOptions(streetOptions()),
      industries: selectOptions(industryOptions()), streetScoped };
  },
  template: `
  <a-form layout="vertical" class="form" data-testid="organization-form" @submit="submit">
    <h2>{{ id ? t('common.edit') : t('org.register') }}</h2>
    <problem-box :error="state.problem" hide-fields></problem-box>
    <div class="form-grid">
      <field :label="t('org.name')" :error="state.errors.name" name="name" required><a-input v-model:value="form.name" name="name"></a-input></field>
      <field :label="t('org.creditCode')" :error="state.errors.creditCode" name="creditCode" required><a-input v-model:value="form.creditCode" name="creditCode" :maxlength="18" class="mono"></a-input></field>
      <field :label="t('org.type')" :error="state.errors.type" name="type" required><a-select v-model:value="form.type" :options="o('OrganizationType')"></a-select></field>
      <field :label="t('org.registrationLevel')" :error="state.errors.registrationLevel" name="registrationLevel" required><a-select v-model:value="form.registrationLevel" :options="o('RegistrationLevel')"></a-select></field>
      <field :label="t('org.registeredOn')" :error="state.errors.registeredOn" name="registeredOn" required><a-date-picker v-model:value="form.registeredOn" value-format="YYYY-MM-DD" style="width:100%"></a-date-picker></field>
      <field :label="t('org.supervisoryUnit')" :error="state.errors.supervisoryUnit" name="supervisoryUnit"><a-input v-model:value="form.supervisoryUnit" name="supervisoryUnit"></a-input></field>
      <field :label="t('org.industry')" :error="state.errors.industry" name="industry" required><a-select v-model:value="form.industry" show-search option-filter-prop="label" :options="industries" :placeholder="t('common.choose')"></a-select></field>
      <field :label="t('org.street')" :error="state.errors.street" name="street" required><a-select v-model:value="form.street" show-search option-filter-prop="label" :options="streets" :placeholder="t('common.choose')" :disabled="streetScoped()"></a-select></field>
      <field :label="t('org.address')" :error="state.errors.address" name="address"><a-input v-model:value="form.address" name="address"></a-input></field>
      <field :label="t('org.legalRepresentative')" :error="state.errors['legalRepresentative.name']" name="legalRepresentative.name" required><a-input v-model:value="form.legalRepresentative.name" name="legalRepresentative.name"></a-input></field>
      <field :label="t('org.legalRepresentativePartyMember')" :error="state.errors['legalRepresentative.partyMember']" name="legalRepresentative.partyMember"><a-switch v-model:checked="form.legalRepresentative.partyMember"></a-switch></field>
      <field :label="t('org.employees')" :error="state.errors.employees" name="employees" required><a-input-number v-model:value="form.employees" :min="0" style="width:100%"></a-input-number></field>
      <field :label="t('org.fullTimeStaff')" :error="state.errors.fullTimeStaff" name="fullTimeStaff" required><a-input-number v-model:value="form.fullTimeStaff" :min="0" style="width:100%"></a-input-number></field>
      <field :label="t('org.operatingStatus')" :error="state.errors.operatingStatus" name="operatingStatus" required><a-select v-model:value="form.operatingStatus" :options="o('OperatingStatus')"></a-select></field>
    </div>
    <p v-if="Object.keys(state.errors).length" class="field-error">{{ t('common.fixFields') }}</p>
    <a-space>
      <a-button type="primary" html-type="submit" :loading="state.busy" data-testid="submit">{{ t('common.save') }}</a-button>
      <a-button :href="id ? '#/organizations/' + id : '#/organizations'">{{ t('common.cancel') }}</a-button>
    </a-space>
  </a-form>`,
};

const OrganizationDetail = {
  props: { id: String },
  setup(props) {
    const o = ref(null);
    const ledger = ref(null);
    const gaps = ref([]);
    const error = ref(null);
    const dereg = reactive({ date: today(), reason: '' });
    const { state, run } = useSubmit(() => (dereg.reason.trim() ? {} : { reason: t('check.required') }), dereg);
    async function load() {
      try {
        o.value = await get('/api/registry/organizations/' + props.id);
        const rows = await get('/api/registry/ledger', { q: o.value.name, street: o.value.street, size: 200 });
        ledger.value = ((rows && rows.items) || []).find(r => r.organizationId === props.id) || null;
        try {
          const coverage = await get('/api/branches/coverage', { street: o.value.street });
          gaps.value = ((coverage && coverage.gaps) || []).filter(g => g.organizationId === props.id);
        } catch (e) { gaps.value = []; }
      } catch (e) { error.value = e; }
    }
    onMounted(load);
    async function deregister() {
      if (!dereg.reason.trim()) { state.tried = true; state.errors = { reason: t('check.required') }; return; }
      const ok = await confirmAction(t('org.deregister'), t('confirm.deregister', o.value.name, o.value.creditCode), t('org.deregister'));
      if (!ok) return;
      const done = await run(undefined, () => post('/api/registry/organizations/' + props.id + '/deregistration', { date: dereg.date, reason: dereg.reason }));
      if (done) load();
    }
    return { o, ledger, gaps, error, dereg, state, deregister, t, label, streetName, industryName, mayWrite, gapAction };
  },
  template: `
  <section v-if="o" data-testid="organization-detail">
    <h2>{{ o.name }} <a-tag>{{ label('OrganizationStatus', o.status) }}</a-tag></h2>
    <a-space class="actions">
      <a-button v-if="mayWrite() && o.status === 'ACTIVE'" type="primary" :href="'#/organizations/' + o.id + '/edit'" data-testid="edit">{{ t('common.edit') }}</a-button>
      <a-button href="#/organizations">{{ t('common.back') }}</a-button>
    </a-space>
    <a-descriptions bordered size="small" :column="2">
      <a-descriptions-item :label="t('org.creditCode')"><span class="mono">{{ o.creditCode }}</span></a-descriptions-item>
      <a-descriptions-item :label="t('org.type')">{{ label('OrganizationType', o.type) }}</a-descriptions-item>
      <a-descriptions-item :label="t('org.registrationLevel')">{{ label('RegistrationLevel', o.registrationLevel) }}</a-descriptions-item>
      <a-descriptions-item :label="t('org.registeredOn')">{{ o.registeredOn }}</a-descriptions-item>
      <a-descriptions-item :label="t('org.supervisoryUnit')">{{ o.supervisoryUnit }}</a-descriptions-item>
      <a-descriptions-item :label="t('org.industry')">{{ industryName(o.industry) }}</a-descriptions-item>
      <a-descriptions-item :label="t('org.street')">{{ streetName(o.street) }}</a-descriptions-item>
      <a-descriptions-item :label="t('org.address')">{{ o.address }}</a-descriptions-item>
      <a-descriptions-item :label="t('org.legalRepresentative')">{{ o.legalRepresentative.name }}</a-descriptions-item>
      <a-descriptions-item v-if="o.deregisteredOn" :label="t('org.deregisteredOn')">{{ o.deregisteredOn }} {{ o.deregistrationReason }}</a-descriptions-item>
    </a-descriptions>
    <h3>{{ t('org.coverageStatus') }}</h3>
    <div data-testid="coverage-status">
      <p v-if="!gaps.length" class="muted">{{ ledger && ledger.partyOrganization ? label('Formation', ledger.partyOrganization.formation) : t('common.none') }}</p>
      <p v-for="g in gaps" :key="g.reason"><a-tag color="red">{{ label('Gap', g.reason) }}</a-tag>
        <a-button v-if="mayWrite() && gapAction(g)" size="small" :href="gapAction(g).href">{{ gapAction(g).text }}</a-button></p>
    </div>
    <h3>{{ t('org.fiveClears') }}</h3>
    <table class="data" data-testid="five-clears">
      <tr><th>{{ t('org.operatingStatus') }}</th><td>{{ label('OperatingStatus', o.operatingStatus) }}</td></tr>
      <tr><th>{{ t('org.employees') }}</th><td>{{ o.employees }}（{{ t('org.fullTimeStaff') }} {{ o.fullTimeStaff }}）</td></tr>
      <tr><th>{{ t('org.partyOrganization') }}</th><td>
        <template v-if="ledger && ledger.partyOrganization"><a :href="'#/branches/' + ledger.partyOrganization.id">{{ ledger.partyOrganization.name }}</a>
          （{{ label('Formation', ledger.partyOrganization.formation) }} · {{ label('PartyOrganizationType', ledger.partyOrganization.type) }}）</template>
        <template v-else>{{ t('common.none') }}</template></td></tr>
      <tr><th>{{ t('org.memberCount') }}</th><td>{{ t('org.formal') }} {{ ledger ? ledger.members.formal : 0 }} · {{ t('org.probationary') }} {{ ledger ? ledger.members.probationary : 0 }}
        <a :href="'#/members?organizationId=' + o.id">{{ t('common.open') }}</a></td></tr>
      <tr><th>{{ t('org.headIdentity') }}</th><td>{{ o.legalRepresentative.partyMember ? t('common.yes') : t('common.no') }}</td></tr>
    </table>
    <a-form v-if="mayWrite() && o.status === 'ACTIVE'" layout="inline" class="form inline" data-testid="deregister-form" @submit="deregister">
      <h3>{{ t('org.deregister') }}</h3>
      <problem-box :error="state.problem"></problem-box>
      <field :label="t('common.date')" :error="state.errors.date" name="date" required><a-date-picker v-model:value="dereg.date" value-format="YYYY-MM-DD"></a-date-picker></field>
      <field :label="t('common.reason')" :error="state.errors.reason" name="reason" required><a-input v-model:value="dereg.reason" name="reason"></a-input></field>
      <a-button danger html-type="submit" :loading="state.busy" data-testid="deregister">{{ t('org.deregister') }}</a-button>
    </a-form>
  </section>
  <problem-box v-else :error="error"></problem-box>`,
};

/** The action that closes a coverage gap, pre-filled: establish single, the joint plan, an instructor, the party organization. */
export function gapAction(g) {
  if (g.reason === 'SHOULD_FORM_SINGLE' && g.organizationId) {
    return { text: t('gap.action.SHOULD_FORM_SINGLE'), href: '#/branches/new?formation=SINGLE&organizationId=' + encodeURIComponent(g.organizationId) };
  }
  if (g.reason === 'NEEDS_JOINT') return { text: t('gap.action.NEEDS_JOINT'), href: '#/branches/joint-plan?street=' + encodeURIComponent(g.street || '') };
  if (g.reason === 'NEEDS_INSTRUCTOR' && g.organizationId) {
    return { text: t('gap.action.NEEDS_INSTRUCTOR'), href: '#/branches/instructors?organizationId=' + encodeURIComponent(g.organizationId) };
  }
  if (g.partyOrganizationId) return { text: t('gap.action.other'), href: '#/branches/' + g.partyOrganizationId };
  return null;
}

/** An upload (CSV or XLSX) with its template and the per-row report as a table; shared by organizations and members. */
export const ImportPanel = {
  props: { path: String, title: String, template: String, templateName: String, values: { type: Array, default: () => [] }, testid: String },
  setup(props) {
    const files = ref([]);
    const report = ref(null);
    const { state, run } = useSubmit();
    async function submit() {
      report.value = null;
      const file = files.value.length ? (files.value[0].originFileObj || files.value[0]) : null;
      const data = new FormData();
      if (file) data.append('file', file);
      report.value = await run(() => (file ? {} : { file: t('check.required') }), () => request('POST', props.path, { form: data }));
    }
    const rows = computed(() => (report.value && report.value.rejected ? report.value.rejected : []).flatMap(r => (r.errors || []).map((e, i) => ({
      key: r.row + ':' + i, row: r.row, field: fieldLabel(e.field), problem: fieldMessage(e.message) }))));
    const columns = computed(() => [
      { title: t('org.row'), dataIndex: 'row', key: 'row', width: 80 }, { title: t('import.field'), dataIndex: 'field', key: 'field', width: 200 },
      { title: t('import.problem'), dataIndex: 'problem', key: 'problem' },
    ]);
    return { files, report, state, submit, rows, columns, t, href: assetUrl(props.template), before: () => false };
  },
  template: `
  <div class="form" :data-testid="testid">
    <h2>{{ title }}</h2>
    <p class="muted">{{ t('import.hint') }}</p>
    <a-space direction="vertical" style="width: 100%">
      <a :href="href" :download="templateName" data-testid="template">{{ t('import.template') }}</a>
      <div v-if="values.length" class="muted"><div v-for="v in values" :key="v.label">{{ v.label }}：{{ v.text }}</div></div>
      <field :label="t('import.file')" :error="state.errors.file" name="file" required>
        <a-upload v-model:file-list="files" :before-upload="before" :max-count="1" accept=".csv,.xlsx" name="file">
          <a-button>{{ t('import.file') }}</a-button>
        </a-upload>
      </field>
      <a-button type="primary" :loading="state.busy" @click="submit" data-testid="upload">{{ t('import.upload') }}</a-button>
      <problem-box :error="state.problem"></problem-box>
      <div v-if="report" data-testid="import-report">
        <a-alert :type="report.rejected.length ? 'warning' : 'success'" show-icon
          :message="t('import.rows', report.rows, report.created, report.updated, report.unchanged, report.rejected.length)"></a-alert>
        <template v-if="rows.length">
          <h3>{{ t('import.rejected') }}</h3>
          <a-table :columns="columns" :data-source="rows" size="small" bordered :pagination="{ pageSize: 50 }" data-testid="import-rejected"></a-table>
        </template>
      </div>
    </a-space>
  </div>`,
};

export const OrganizationsPage = {
  props: { route: Object },
  components: { OrganizationForm, OrganizationDetail, ImportPanel },
  setup(props) {
    const view = computed(() => props.route.path[1] || '');
    const sub = computed(() => props.route.path[2] || '');
    const filters = computed(() => [
      { name: 'q', label: t('org.q'), placeholder: t('org.q') },
      { name: 'street', label: t('org.street'), type: 'select', options: streetOptions(), all: !streetScoped() },
      { name: 'type', label: t('org.type'), type: 'select', options: options('OrganizationType') },
      { name: 'industry', label: t('org.industry'), type: 'select', options: industryOptions() },
      { name: 'status', label: t('org.status'), type: 'select', options: options('OrganizationStatus') },
    ]);
    const columns = computed(() => [
      { key: 'name', label: t('org.name'), link: r => '#/organizations/' + r.id, sort: true },
      { key: 'creditCode', label: t('org.creditCode'), sort: true },
      { key: 'type', label: t('org.type'), format: r => label('OrganizationType', r.type), sort: true },
      { key: 'street', label: t('org.street'), format: r => streetName(r.street), sort: true },
      { key: 'industry', label: t('org.industry'), format: r => industryName(r.industry), sort: true },
      { key: 'employees', label: t('org.employees'), align: 'right', sort: true },
      { key: 'status', label: t('org.status'), format: r => label('OrganizationStatus', r.status), sort: true },
    ]);
    const importValues = computed(() => [
      { label: t('org.type'), text: options('OrganizationType').map(o => o.text).join('、') },
      { label: t('org.registrationLevel'), text: options('RegistrationLevel').map(o => o.text).join('、') },
      { label: t('org.street'), text: streetOptions().map(o => o.text).join('、') },
      { label: t('org.operatingStatus'), text: options('OperatingStatus').map(o => o.text).join('、') },
    ]);
    const source = params => get('/api/registry/organizations', params);
    return { view, sub, filters, columns, source, t, mayWrite, importValues, initial: { status: 'ACTIVE', street: streetInitial() } };
  },
  template: `
  <section data-testid="page-organizations">
    <h1>{{ t('nav.organizations') }}</h1>
    <organization-form v-if="view === 'new'"></organization-form>
    <import-panel v-else-if="view === 'import'" path="/api/registry/organizations/import" :title="t('org.importTitle')"
      template="templates/organizations.csv" :template-name="t('org.importTitle') + '.csv'" :values="importValues" testid="import-form"></import-panel>
    <organization-form v-else-if="view && sub === 'edit'" :id="view" :key="'e' + view"></organization-form>
    <organization-detail v-else-if="view" :id="view" :key="view"></organization-detail>
    <template v-else>
      <a-space v-if="mayWrite()" class="actions">
        <a-button type="primary" href="#/organizations/new" data-testid="register">{{ t('org.register') }}</a-button>
        <a-button href="#/organizations/import">{{ t('org.import') }}</a-button>
      </a-space>
      <data-table :source="source" :filters="filters" :columns="columns" :initial="initial" testid="organizations" sortable
        export-path="/api/registry/ledger" :export-name="t('org.fiveClears')"></data-table>
    </template>
  </section>`,
};
