// 社会组织: list with filters and paging, detail with its five clears, register and edit (client checks mirror the
// registry's, the credit code's check character included), CSV/XLSX import with the row report, deregistration.
import { reactive, ref, computed, onMounted, watch } from 'vue';
import { get, post, put, request, ApiError } from '../api.js';
import { t, label, options } from '../i18n.js';
import { mayWrite, streetOptions, streetName, industryOptions, industryName, session, hasRole } from '../session.js';
import { useSubmit, today } from '../ui.js';
import { creditCodeProblem } from '../checks.js';

const EMPTY = () => ({
  name: '', creditCode: '', type: 'SOCIAL_GROUP', registrationLevel: 'DISTRICT', registeredOn: today(), supervisoryUnit: '',
  industry: '', street: (session.me && session.me.street) || '', address: '', legalRepresentative: { name: '', partyMember: false },
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
    const { state, run } = useSubmit();
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
        creditCode: form.creditCode.trim(), employees: Number(form.employees), fullTimeStaff: Number(form.fullTimeStaff),
        supervisoryUnit: form.supervisoryUnit || null, address: form.address || null,
      });
      const saved = await run(() => checkOrganization(form), () => props.id
        ? put('/api/registry/organizations/' + props.id, body, { headers: { 'If-Match': '"' + version.value + '"' } })
        : post('/api/registry/organizations', body));
      if (saved) location.hash = '#/organizations/' + saved.id;
    }
    return { form, state, submit, t, options, streetOptions, industryOptions };
  },
  template: `
  <form class="form" data-testid="organization-form" @submit.prevent="submit" novalidate>
    <h2>{{ id ? t('common.edit') : t('org.register') }}</h2>
    <problem-box :error="state.problem"></problem-box>
    <div class="form-grid">
      <field :label="t('org.name')" :error="state.errors.name" name="name"><input v-model="form.name" name="name"></field>
      <field :label="t('org.creditCode')" :error="state.errors.creditCode" name="creditCode"><input v-model="form.creditCode" name="creditCode" maxlength="18" class="mono"></field>
      <field :label="t('org.type')" :error="state.errors.type" name="type"><select v-model="form.type" name="type"><option v-for="o in options('OrganizationType')" :value="o.value">{{ o.text }}</option></select></field>
      <field :label="t('org.registrationLevel')" :error="state.errors.registrationLevel" name="registrationLevel"><select v-model="form.registrationLevel" name="registrationLevel"><option v-for="o in options('RegistrationLevel')" :value="o.value">{{ o.text }}</option></select></field>
      <field :label="t('org.registeredOn')" :error="state.errors.registeredOn" name="registeredOn"><input type="date" v-model="form.registeredOn" name="registeredOn"></field>
      <field :label="t('org.supervisoryUnit')" :error="state.errors.supervisoryUnit" name="supervisoryUnit"><input v-model="form.supervisoryUnit" name="supervisoryUnit"></field>
      <field :label="t('org.industry')" :error="state.errors.industry" name="industry"><select v-model="form.industry" name="industry"><option value=""></option><option v-for="o in industryOptions()" :value="o.value">{{ o.text }}</option></select></field>
      <field :label="t('org.street')" :error="state.errors.street" name="street"><select v-model="form.street" name="street"><option value=""></option><option v-for="o in streetOptions()" :value="o.value">{{ o.text }}</option></select></field>
      <field :label="t('org.address')" :error="state.errors.address" name="address"><input v-model="form.address" name="address"></field>
      <field :label="t('org.legalRepresentative')" :error="state.errors['legalRepresentative.name']" name="legalRepresentative.name"><input v-model="form.legalRepresentative.name" name="legalRepresentative.name"></field>
      <field :label="t('org.legalRepresentativePartyMember')" :error="state.errors['legalRepresentative.partyMember']" name="legalRepresentative.partyMember"><input type="checkbox" v-model="form.legalRepresentative.partyMember" name="legalRepresentative.partyMember"></field>
      <field :label="t('org.employees')" :error="state.errors.employees" name="employees"><input type="number" min="0" v-model="form.employees" name="employees"></field>
      <field :label="t('org.fullTimeStaff')" :error="state.errors.fullTimeStaff" name="fullTimeStaff"><input type="number" min="0" v-model="form.fullTimeStaff" name="fullTimeStaff"></field>
      <field :label="t('org.operatingStatus')" :error="state.errors.operatingStatus" name="operatingStatus"><select v-model="form.operatingStatus" name="operatingStatus"><option v-for="o in options('OperatingStatus')" :value="o.value">{{ o.text }}</option></select></field>
    </div>
    <p v-if="Object.keys(state.errors).length" class="field-error">{{ t('common.fixFields') }}</p>
    <button type="submit" :disabled="state.busy" data-testid="submit">{{ t('common.save') }}</button>
    <a class="button secondary" :href="id ? '#/organizations/' + id : '#/organizations'">{{ t('common.cancel') }}</a>
  </form>`,
};

const OrganizationDetail = {
  props: { id: String },
  setup(props) {
    const o = ref(null);
    const ledger = ref(null);
    const error = ref(null);
    const dereg = reactive({ date: today(), reason: '' });
    const { state, run } = useSubmit();
    async function load() {
      try {
        o.value = await get('/api/registry/organizations/' + props.id);
        const rows = await get('/api/registry/ledger', { q: o.value.name, street: o.value.street, size: 200 });
        ledger.value = ((rows && rows.items) || []).find(r => r.organizationId === props.id) || null;
      } catch (e) { error.value = e; }
    }
    onMounted(load);
    async function deregister() {
      const done = await run(() => (dereg.reason.trim() ? {} : { reason: t('check.required') }),
        () => post('/api/registry/organizations/' + props.id + '/deregistration', { date: dereg.date, reason: dereg.reason }));
      if (done) load();
    }
    return { o, ledger, error, dereg, state, deregister, t, label, streetName, industryName, mayWrite };
  },
  template: `
  <section v-if="o" data-testid="organization-detail">
    <h2>{{ o.name }} <span class="badge">{{ label('OrganizationStatus', o.status) }}</span></h2>
    <p><a :href="'#/organizations/' + o.id + '/edit'" v-if="mayWrite() && o.status === 'ACTIVE'" class="button">{{ t('common.edit') }}</a>
       <a href="#/organizations" class="button secondary">{{ t('common.back') }}</a></p>
    <dl class="props">
      <dt>{{ t('org.creditCode') }}</dt><dd class="mono">{{ o.creditCode }}</dd>
      <dt>{{ t('org.type') }}</dt><dd>{{ label('OrganizationType', o.type) }}</dd>
      <dt>{{ t('org.registrationLevel') }}</dt><dd>{{ label('RegistrationLevel', o.registrationLevel) }}</dd>
      <dt>{{ t('org.registeredOn') }}</dt><dd>{{ o.registeredOn }}</dd>
      <dt>{{ t('org.supervisoryUnit') }}</dt><dd>{{ o.supervisoryUnit }}</dd>
      <dt>{{ t('org.industry') }}</dt><dd>{{ industryName(o.industry) }}</dd>
      <dt>{{ t('org.street') }}</dt><dd>{{ streetName(o.street) }}</dd>
      <dt>{{ t('org.address') }}</dt><dd>{{ o.address }}</dd>
      <dt>{{ t('org.legalRepresentative') }}</dt><dd>{{ o.legalRepresentative.name }}</dd>
      <dt v-if="o.deregisteredOn">{{ t('org.deregisteredOn') }}</dt><dd v-if="o.deregisteredOn">{{ o.deregisteredOn }} {{ o.deregistrationReason }}</dd>
    </dl>
    <h3>{{ t('org.fiveClears') }}</h3>
    <table class="data" data-testid="five-clears">
      <tr><th>{{ t('org.operatingStatus') }}</th><td>{{ label('OperatingStatus', o.operatingStatus) }}</td></tr>
      <tr><th>{{ t('org.employees') }}</th><td>{{ o.employees }}（{{ t('org.fullTimeStaff') }} {{ o.fullTimeStaff }}）</td></tr>
      <tr><th>{{ t('org.partyOrganization') }}</th><td>
        <template v-if="ledger && ledger.partyOrganization"><a :href="'#/branches/' + ledger.partyOrganization.id">{{ ledger.partyOrganization.name }}</a>
          （{{ label('Formation', ledger.partyOrganization.formation) }} · {{ label('PartyOrganizationType', ledger.partyOrganization.type) }}）</template>
        <template v-else>{{ t('common.none') }}</template></td></tr>
      <tr><th>{{ t('org.memberCount') }}</th><td>{{ t('org.formal') }} {{ ledger ? ledger.members.formal : 0 }} · {{ t('org.probationary') }} {{ ledger ? ledger.members.probationary : 0 }}</td></tr>
      <tr><th>{{ t('org.headIdentity') }}</th><td>{{ o.legalRepresentative.partyMember ? t('common.yes') : t('common.no') }}</td></tr>
    </table>
    <form v-if="mayWrite() && o.status === 'ACTIVE'" class="form inline" data-testid="deregister-form" @submit.prevent="deregister">
      <h3>{{ t('org.deregister') }}</h3>
      <problem-box :error="state.problem"></problem-box>
      <field :label="t('common.date')" :error="state.errors.date" name="date"><input type="date" v-model="dereg.date" name="date"></field>
      <field :label="t('common.reason')" :error="state.errors.reason" name="reason"><input v-model="dereg.reason" name="reason"></field>
      <button type="submit" class="danger" :disabled="state.busy">{{ t('org.deregister') }}</button>
    </form>
  </section>
  <problem-box v-else :error="error"></problem-box>`,
};

const ImportForm = {
  setup() {
    const file = ref(null);
    const report = ref(null);
    const { state, run } = useSubmit();
    async function submit() {
      report.value = null;
      const data = new FormData();
      if (file.value) data.append('file', file.value);
      report.value = await run(() => (file.value ? {} : { file: t('check.required') }),
        () => request('POST', '/api/registry/organizations/import', { form: data }));
    }
    return { file, report, state, submit, t };
  },
  template: `
  <form class="form" data-testid="import-form" @submit.prevent="submit">
    <h2>{{ t('org.import') }}</h2>
    <problem-box :error="state.problem"></problem-box>
    <field :label="t('org.file')" :error="state.errors.file" name="file"><input type="file" name="file" accept=".csv,.xlsx" @change="e => file = e.target.files[0]"></field>
    <button type="submit" :disabled="state.busy">{{ t('common.submit') }}</button>
    <div v-if="report" data-testid="import-report">
      <p>{{ t('org.importReport', report.created, report.updated, report.rejected.length) }}</p>
      <table class="data" v-if="report.rejected.length">
        <tr><th>{{ t('org.row') }}</th><th>{{ t('common.reason') }}</th></tr>
        <tr v-for="r in report.rejected" :key="r.row"><td>{{ r.row }}</td><td><div v-for="e in r.errors">{{ e.field }}: {{ e.message }}</div></td></tr>
      </table>
    </div>
  </form>`,
};

export const OrganizationsPage = {
  props: { route: Object },
  components: { OrganizationForm, OrganizationDetail, ImportForm },
  setup(props) {
    const view = computed(() => props.route.path[1] || '');
    const sub = computed(() => props.route.path[2] || '');
    const filters = computed(() => [
      { name: 'q', label: t('org.q') },
      { name: 'street', label: t('org.street'), type: 'select', options: streetOptions() },
      { name: 'type', label: t('org.type'), type: 'select', options: options('OrganizationType') },
      { name: 'industry', label: t('org.industry'), type: 'select', options: industryOptions() },
      { name: 'status', label: t('org.status'), type: 'select', options: options('OrganizationStatus') },
    ]);
    const columns = computed(() => [
      { key: 'name', label: t('org.name'), link: r => '#/organizations/' + r.id },
      { key: 'creditCode', label: t('org.creditCode') },
      { key: 'type', label: t('org.type'), format: r => label('OrganizationType', r.type) },
      { key: 'street', label: t('org.street'), format: r => streetName(r.street) },
      { key: 'industry', label: t('org.industry'), format: r => industryName(r.industry) },
      { key: 'employees', label: t('org.employees') },
      { key: 'status', label: t('org.status'), format: r => label('OrganizationStatus', r.status) },
    ]);
    const source = params => get('/api/registry/organizations', params);
    return { view, sub, filters, columns, source, t, mayWrite };
  },
  template: `
  <section data-testid="page-organizations">
    <h1>{{ t('nav.organizations') }}</h1>
    <organization-form v-if="view === 'new'"></organization-form>
    <import-form v-else-if="view === 'import'"></import-form>
    <organization-form v-else-if="view && sub === 'edit'" :id="view" :key="'e' + view"></organization-form>
    <organization-detail v-else-if="view" :id="view" :key="view"></organization-detail>
    <template v-else>
      <p v-if="mayWrite()" class="actions"><a class="button" href="#/organizations/new" data-testid="register">{{ t('org.register') }}</a>
        <a class="button secondary" href="#/organizations/import">{{ t('org.import') }}</a></p>
      <paged-list :source="source" :filters="filters" :columns="columns" :initial="{ status: 'ACTIVE' }" testid="organizations"></paged-list>
    </template>
  </section>`,
};
