// 年度报告: the annual report to the district committee (每年向区委报告), assembled from each service's section
// (GET /api/<service>/reports/annual?year=&street=), printable (print CSS: a page per part, the district's name and the
// date on every part) and, for the district admin, one XLSX workbook with one sheet per section, built from the same
// answers. A section whose service is down fails alone; nothing is recomputed here.
import { reactive, onMounted, computed } from 'vue';
import { get, saveBlob } from '../api.js';
import { t, label } from '../i18n.js';
import { session, hasRole, streetOptions, streetInitial, streetScoped, streetName } from '../session.js';
import { pct, yuan, today, selectOptions } from '../ui.js';
import { workbook } from '../xlsx.js';

export const ANNUAL_SECTIONS = [
  { id: 'registry', path: '/api/registry/reports/annual', title: 'annual.section.registry' },
  { id: 'branches', path: '/api/branches/reports/annual', title: 'annual.section.branches' },
  { id: 'members', path: '/api/members/reports/annual', title: 'annual.section.members' },
  { id: 'training', path: '/api/training/reports/annual', title: 'annual.section.training' },
  { id: 'funding', path: '/api/funding/reports/annual', title: 'annual.section.funding' },
];

const COVERAGE = ['activeOrganizations', 'withMembers', 'coveredBySingle', 'coveredByJoint', 'coveredByAffiliated', 'instructorOnly',
  'uncovered', 'organizationCoverageRate', 'workCoverageRate'];
const isRate = k => k.endsWith('Rate');
const num = v => (v === null || v === undefined || v === '' ? '' : Number(v));
/** A compliance period in words: 2026-Q1 → 2026年第一季度, 2026 → 2026年全年. */
const periodText = p => {
  const m = /^(\d{4})-Q(\d)$/.exec(p);
  return m ? t('annual.quarterOf', m[1], label('Quarter', m[2])) : t('annual.wholeYear', p);
};

/** Each section as sheet rows (headers first), the same figures the page prints. */
function sheets(s, year) {
  const out = [];
  const r = s.registry;
  if (r) {
    const rows = [[t('annual.group'), t('common.name'), t('annual.atStart', r.startOn), t('annual.atEnd', r.endOn), t('annual.registered'), t('annual.deregistered')]];
    const f = x => [x.activeAtStart, x.activeAtEnd, x.registered, x.deregistered];
    rows.push([t('common.total'), '', ...f(r.total)]);
    Object.entries(r.byType).forEach(([k, x]) => rows.push([t('common.type'), label('OrganizationType', k), ...f(x)]));
    r.byStreet.forEach(x => rows.push([t('common.street'), x.streetName || x.street, ...f(x.figures)]));
    out.push({ name: t('annual.section.registry'), rows });
  }
  const b = s.branches;
  if (b) {
    const rows = [[t('annual.when'), t('common.date'), ...COVERAGE.map(k => t('annual.coverage.' + k))]];
    for (const [when, c] of [[t('annual.start'), b.coverageAtStart], [t('annual.end'), b.coverageAtEnd]]) {
      rows.push(c && c.figures ? [when, c.asOf, ...COVERAGE.map(k => num(c.figures[k]))] : [when, t('annual.notRecorded')]);
    }
    rows.push([]);
    rows.push([t('annual.change'), t('branch.formation'), t('common.count')]);
    Object.entries(b.established).forEach(([k, n]) => rows.push([t('annual.established'), k === 'TOTAL' ? t('common.total') : label('Formation', k), n]));
    Object.entries(b.dissolved).forEach(([k, n]) => rows.push([t('annual.dissolved'), k === 'TOTAL' ? t('common.total') : label('Formation', k), n]));
    rows.push([]);
    const st = b.standardization;
    rows.push([t('annual.standardization', st.asOf), t('common.count')]);
    rows.push([t('annual.partyOrganizations'), st.partyOrganizations], [t('annual.allSixHaves'), st.meetingAllSixHaves],
      [t('annual.sixHavesShare'), num(st.shareMeetingAllSixHaves)]);
    Object.entries(st.sixHaves).forEach(([k, n]) => rows.push([t('branch.sixHaves') + '：' + t('six.' + k), n]));
    Object.entries(st.ratings).forEach(([k, n]) => rows.push([t('branch.rating') + '：' + label('Rating', k), n]));
    out.push({ name: t('annual.section.branches'), rows });
  }
  const m = s.members;
  if (m) {
    const rows = [[t('annual.category'), t('annual.atStart', m.startOn), t('annual.atEnd', m.endOn)]];
    ['FORMAL', 'PROBATIONARY'].forEach(k => rows.push([label('Stage', k), m.partyMembersAtStart[k], m.partyMembersAtEnd[k]]));
    rows.push([], [t('annual.developed'), t('common.count')]);
    Object.entries(m.developed).forEach(([k, n]) => rows.push([label('Stage', k), n]));
    rows.push([], [t('member.transfers'), t('common.count')]);
    Object.entries(m.transfers).forEach(([k, n]) => rows.push([label('TransferKind', k), n]));
    out.push({ name: t('annual.section.members'), rows });
  }
  const tr = s.training;
  if (tr) {
    const rows = [[t('annual.period'), t('annual.partyOrganizations'), t('dash.compliant'), t('dash.behind'), t('annual.complianceRate')]];
    tr.compliance.forEach(c => rows.push([periodText(c.period), c.partyOrganizations, c.compliant, c.behind, num(c.complianceRate)]));
    const f = tr.training;
    rows.push([], [t('annual.partyMembers'), t('annual.personTimes'), t('annual.trainingPersonTimes'), t('annual.activityPersonTimes'),
      t('annual.hours'), t('annual.withoutTraining'), t('annual.belowMinimum')]);
    rows.push([f.partyMembers, f.personTimes, f.trainingPersonTimes, f.activityPersonTimes, num(f.hours), f.withoutTraining, f.belowMinimumHours]);
    out.push({ name: t('annual.section.training'), rows });
  }
  const fu = s.funding;
  if (fu) {
    const head = [t('annual.group'), t('annual.entries'), label('FundingKind', 'STARTUP_GRANT'), label('FundingKind', 'ANNUAL_WORKING_FUNDS'),
      label('FundingKind', 'DUES_RETURN'), label('FundingKind', 'ADJUSTMENT'), t('common.total')];
    const line = (name, x) => [name, x.entries, num(x.startupGrants), num(x.annualWorkingFunds), num(x.duesReturns), num(x.adjustments), num(x.amount)];
    const rows = [head];
    fu.byKind.forEach(x => rows.push(line(label('FundingKind', x.key), x)));
    rows.push([t('common.total'), fu.entries, '', '', '', '', num(fu.total)], []);
    rows.push(head);
    fu.byStreet.forEach(x => rows.push(line(x.name || x.key, x)));
    out.push({ name: t('annual.section.funding'), rows });
  }
  return out.map(sheet => ({ name: sheet.name, rows: [[t('annual.title', session.me.district.name, year)], ...sheet.rows] }));
}

export const AnnualReportPage = {
  setup() {
    const thisYear = new Date().getFullYear();
    const form = reactive({ year: thisYear, street: streetInitial() });
    const s = reactive({ registry: null, branches: null, members: null, training: null, funding: null, errors: {}, loading: false,
      generatedOn: today(), shownYear: null, shownStreet: '' });
    const years = Array.from({ length: 8 }, (_, i) => ({ value: thisYear - i, label: String(thisYear - i) }));
    async function load() {
      s.loading = true;
      s.errors = {};
      const params = { year: form.year };
      if (form.street) params.street = form.street;
      await Promise.all(ANNUAL_SECTIONS.map(async sec => {
        try { s[sec.id] = await get(sec.path, params); } catch (e) { s[sec.id] = null; s.errors[sec.id] = e; }
      }));
      s.shownYear = form.year;
      s.shownStreet = form.street;
      // the district's date as the services answered it (the browser's may be another day)
      const answered = ANNUAL_SECTIONS.map(sec => s[sec.id]).find(x => x && x.asOf);
      s.generatedOn = answered ? answered.asOf : today();
      s.loading = false;
      document.body.dataset.annualLoaded = 'true';
    }
    onMounted(load);
    const streets = computed(() => (streetScoped() ? [] : [{ value: '', label: t('annual.wholeDistrict') }])
      .concat(selectOptions(streetOptions())));
    function downloadWorkbook() {
      saveBlob(workbook(sheets(s, s.shownYear)), t('annual.fileName', s.shownYear) + (s.shownStreet ? '-' + streetName(s.shownStreet) : '') + '.xlsx');
    }
    return { s, form, years, streets, load, t, label, pct, yuan, num, periodText, COVERAGE, isRate, session, streetName, ANNUAL_SECTIONS,
      print: () => window.print(), downloadWorkbook, mayDownload: () => hasRole('district-admin') };
  },
  template: `
  <section class="annual" data-testid="page-annual">
    <div class="toolbar no-print">
      <label>{{ t('common.year') }} <a-select v-model:value="form.year" :options="years" style="width: 100px" data-testid="annual-year"></a-select></label>
      <label>{{ t('common.street') }} <a-select v-model:value="form.street" :options="streets" style="width: 160px" data-testid="annual-street"></a-select></label>
      <a-button type="primary" @click="load" :loading="s.loading" data-testid="annual-load">{{ t('common.search') }}</a-button>
      <a-button @click="print" data-testid="annual-print">{{ t('annual.print') }}</a-button>
      <a-button v-if="mayDownload()" @click="downloadWorkbook" data-testid="annual-xlsx">{{ t('annual.workbook') }}</a-button>
    </div>
    <header class="report-title">
      <h1 data-testid="annual-title">{{ t('annual.title', session.me.district.name, s.shownYear) }}</h1>
      <p>{{ t('annual.subtitle') }}<span v-if="s.shownStreet">（{{ streetName(s.shownStreet) }}）</span> · {{ t('annual.generatedOn', s.generatedOn) }}</p>
    </header>

    <article v-for="(sec, i) in ANNUAL_SECTIONS" :key="sec.id" class="report-section" :data-section="sec.id">
      <div class="print-header">{{ t('annual.title', session.me.district.name, s.shownYear) }} · {{ t('annual.generatedOn', s.generatedOn) }}</div>
      <h2>{{ t('annual.number.' + (i + 1)) }}{{ t(sec.title) }}</h2>
      <problem-box v-if="s.errors[sec.id]" :error="s.errors[sec.id]" :prefix="t('annual.sectionFailed', t(sec.title))"></problem-box>
      <p v-else-if="!s[sec.id]" class="loading">{{ t('app.loading') }}</p>

      <template v-else-if="sec.id === 'registry'">
        <table class="data report"><thead><tr><th></th><th>{{ t('annual.atStart', s.registry.startOn) }}</th><th>{{ t('annual.atEnd', s.registry.endOn) }}</th>
          <th>{{ t('annual.registered') }}</th><th>{{ t('annual.deregistered') }}</th></tr></thead>
          <tbody><tr class="total"><td>{{ t('common.total') }}</td><td class="num" data-figure="registry-start">{{ s.registry.total.activeAtStart }}</td>
            <td class="num" data-figure="registry-end">{{ s.registry.total.activeAtEnd }}</td><td class="num">{{ s.registry.total.registered }}</td><td class="num">{{ s.registry.total.deregistered }}</td></tr>
          <tr v-for="(f, k) in s.registry.byType" :key="k"><td>{{ label('OrganizationType', k) }}</td><td class="num">{{ f.activeAtStart }}</td><td class="num">{{ f.activeAtEnd }}</td><td class="num">{{ f.registered }}</td><td class="num">{{ f.deregistered }}</td></tr>
          <tr v-for="x in s.registry.byStreet" :key="x.street"><td>{{ x.streetName || x.street }}</td><td class="num">{{ x.figures.activeAtStart }}</td><td class="num">{{ x.figures.activeAtEnd }}</td><td class="num">{{ x.figures.registered }}</td><td class="num">{{ x.figures.deregistered }}</td></tr></tbody></table>
      </template>

      <template v-else-if="sec.id === 'branches'">
        <h3>{{ t('annual.coverageTitle') }}</h3>
        <table class="data report"><thead><tr><th></th><th>{{ t('common.date') }}</th><th v-for="k in COVERAGE" :key="k">{{ t('annual.coverage.' + k) }}</th></tr></thead>
          <tbody><tr v-for="[when, c] in [[t('annual.start'), s.branches.coverageAtStart], [t('annual.end'), s.branches.coverageAtEnd]]" :key="when">
            <td>{{ when }}</td>
            <template v-if="c && c.figures"><td>{{ c.asOf }}</td><td v-for="k in COVERAGE" :key="k" class="num">{{ isRate(k) ? pct(c.figures[k]) : c.figures[k] }}</td></template>
            <td v-else :colspan="COVERAGE.length + 1">{{ t('annual.notRecorded') }}</td></tr></tbody></table>
        <h3>{{ t('annual.changesTitle') }}</h3>
        <table class="data report compact"><thead><tr><th></th><th>{{ t('common.total') }}</th><th v-for="k in ['SINGLE', 'JOINT', 'AFFILIATED']" :key="k">{{ label('Formation', k) }}</th></tr></thead>
          <tbody><tr><td>{{ t('annual.established') }}</td><td class="num" data-figure="established">{{ s.branches.established.TOTAL }}</td><td v-for="k in ['SINGLE', 'JOINT', 'AFFILIATED']" :key="k" class="num">{{ s.branches.established[k] }}</td></tr>
          <tr><td>{{ t('annual.dissolved') }}</td><td class="num" data-figure="dissolved">{{ s.branches.dissolved.TOTAL }}</td><td v-for="k in ['SINGLE', 'JOINT', 'AFFILIATED']" :key="k" class="num">{{ s.branches.dissolved[k] }}</td></tr></tbody></table>
        <h3>{{ t('annual.standardization', s.branches.standardization.asOf) }}</h3>
        <table class="data report compact"><tbody>
          <tr><td>{{ t('annual.partyOrganizations') }}</td><td class="num">{{ s.branches.standardization.partyOrganizations }}</td></tr>
          <tr><td>{{ t('annual.allSixHaves') }}</td><td class="num">{{ s.branches.standardization.meetingAllSixHaves }}（{{ pct(s.branches.standardization.shareMeetingAllSixHaves) }}）</td></tr>
          <tr v-for="(n, k) in s.branches.standardization.sixHaves" :key="k"><td>{{ t('branch.sixHaves') }}：{{ t('six.' + k) }}</td><td class="num">{{ n }}</td></tr>
          <tr v-for="(n, k) in s.branches.standardization.ratings" :key="k"><td>{{ t('branch.rating') }}：{{ label('Rating', k) }}</td><td class="num">{{ n }}</td></tr></tbody></table>
      </template>

      <template v-else-if="sec.id === 'members'">
        <table class="data report compact"><thead><tr><th></th><th>{{ t('annual.atStart', s.members.startOn) }}</th><th>{{ t('annual.atEnd', s.members.endOn) }}</th></tr></thead>
          <tbody><tr v-for="k in ['FORMAL', 'PROBATIONARY']" :key="k"><td>{{ label('Stage', k) }}</td><td class="num">{{ s.members.partyMembersAtStart[k] }}</td><td class="num" :data-figure="'members-end-' + k">{{ s.members.partyMembersAtEnd[k] }}</td></tr></tbody></table>
        <h3>{{ t('annual.developed') }}</h3>
        <table class="data report compact"><tbody><tr v-for="(n, k) in s.members.developed" :key="k"><td>{{ label('Stage', k) }}</td><td class="num">{{ n }}</td></tr></tbody></table>
        <h3>{{ t('member.transfers') }}</h3>
        <table class="data report compact"><tbody><tr v-for="(n, k) in s.members.transfers" :key="k"><td>{{ label('TransferKind', k) }}</td><td class="num">{{ n }}</td></tr></tbody></table>
      </template>

      <template v-else-if="sec.id === 'training'">
        <table class="data report compact"><thead><tr><th>{{ t('annual.period') }}</th><th>{{ t('annual.partyOrganizations') }}</th><th>{{ t('dash.compliant') }}</th><th>{{ t('dash.behind') }}</th><th>{{ t('annual.complianceRate') }}</th></tr></thead>
          <tbody><tr v-for="c in s.training.compliance" :key="c.period"><td>{{ periodText(c.period) }}</td><td class="num">{{ c.partyOrganizations }}</td><td class="num">{{ c.compliant }}</td><td class="num">{{ c.behind }}</td><td class="num">{{ pct(c.complianceRate) }}</td></tr></tbody></table>
        <h3>{{ t('annual.trainingTitle') }}</h3>
        <table class="data report compact"><tbody>
          <tr><td>{{ t('annual.personTimes') }}</td><td class="num" data-figure="person-times">{{ s.training.training.personTimes }}</td></tr>
          <tr><td>{{ t('annual.hours') }}</td><td class="num" data-figure="hours">{{ s.training.training.hours }}</td></tr>
          <tr><td>{{ t('annual.withoutTraining') }}</td><td class="num">{{ s.training.training.withoutTraining }}</td></tr>
          <tr><td>{{ t('annual.belowMinimum') }}</td><td class="num">{{ s.training.training.belowMinimumHours }}</td></tr></tbody></table>
      </template>

      <template v-else-if="sec.id === 'funding'">
        <table class="data report compact"><thead><tr><th>{{ t('annual.kind') }}</th><th>{{ t('annual.entries') }}</th><th>{{ t('annual.amount') }}</th></tr></thead>
          <tbody><tr v-for="x in s.funding.byKind" :key="x.key"><td>{{ label('FundingKind', x.key) }}</td><td class="num">{{ x.entries }}</td><td class="num">{{ yuan(x.amount) }}</td></tr>
          <tr class="total"><td>{{ t('common.total') }}</td><td class="num">{{ s.funding.entries }}</td><td class="num" data-figure="funding-total">{{ yuan(s.funding.total) }}</td></tr></tbody></table>
        <h3>{{ t('annual.byStreet') }}</h3>
        <table class="data report compact"><tbody><tr v-for="x in s.funding.byStreet" :key="x.key"><td>{{ x.name || x.key }}</td><td class="num">{{ yuan(x.amount) }}</td></tr></tbody></table>
      </template>
    </article>
  </section>`,
};
