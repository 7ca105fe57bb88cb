// 首页: coverage rates (district and per street), gaps by reason, members by stage, this year's funding by kind,
// organizational-life compliance — numbers and charts, each from the service that owns it.
import { reactive, onMounted, computed, nextTick } from 'vue';
import { get } from '../api.js';
import { t, label, locale } from '../i18n.js';
import { session, hasRole } from '../session.js';
import { pct, yuan } from '../ui.js';
import { inboxState } from './inbox.js';

const COLORS = ['#c8102e', '#e5a823', '#2f6eb5', '#3a9d5d', '#8e5ab5', '#d9652b', '#6b7b8c', '#1f9ea3'];

export const Dashboard = {
  setup() {
    const year = new Date().getFullYear();
    const quarter = Math.floor(new Date().getMonth() / 3) + 1;
    const s = reactive({ coverage: null, pipeline: null, funding: null, compliance: null, errors: {}, loadMs: null });
    const started = performance.now();
    async function part(name, promise) {
      try { s[name] = await promise; } catch (e) { s.errors[name] = e; }
    }
    onMounted(async () => {
      await Promise.all([
        part('coverage', get('/api/branches/coverage')),
        part('pipeline', get('/api/members/reports/pipeline')),
        hasRole('district-admin', 'committee-admin', 'auditor', 'street-admin')
          ? part('funding', get('/api/funding/reports', { fiscalYear: year, groupBy: 'kind' })) : Promise.resolve(),
        part('compliance', get('/api/training/compliance', { year, quarter })),
      ]);
      await nextTick(); // the figures and charts are drawn
      s.loadMs = Math.round(performance.now() - started);
      // for the browser tests: this page's data and charts, and the time since the browser's navigation started
      document.body.dataset.dashboardLoadMs = s.loadMs;
      document.body.dataset.sinceNavigationMs = Math.round(performance.now());
    });
    const streetChart = computed(() => s.coverage && {
      labels: s.coverage.byStreet.map(r => r.streetName || r.street),
      datasets: [
        { label: t('dash.orgCoverage'), data: s.coverage.byStreet.map(r => Number(r.organizationCoverageRate) * 100), backgroundColor: COLORS[0] },
        { label: t('dash.workCoverage'), data: s.coverage.byStreet.map(r => Number(r.workCoverageRate) * 100), backgroundColor: COLORS[1] },
      ],
    });
    const gapCounts = computed(() => {
      const counts = {};
      for (const g of (s.coverage && s.coverage.gaps) || []) counts[g.reason] = (counts[g.reason] || 0) + 1;
      return counts;
    });
    const gapChart = computed(() => s.coverage && {
      labels: Object.keys(gapCounts.value).map(r => label('Gap', r)),
      datasets: [{ label: t('dash.gaps'), data: Object.values(gapCounts.value), backgroundColor: COLORS }],
    });
    const stageCounts = computed(() => {
      return (s.pipeline && s.pipeline.byStage) || {};
    });
    const stageChart = computed(() => s.pipeline && {
      labels: Object.keys(stageCounts.value).map(k => label('Stage', k)),
      datasets: [{ label: t('dash.stages'), data: Object.values(stageCounts.value), backgroundColor: COLORS }],
    });
    const fundingChart = computed(() => s.funding && {
      labels: (s.funding.rows || []).map(r => label('FundingKind', r.key)),
      datasets: [{ label: t('dash.funding', year), data: (s.funding.rows || []).map(r => Number(r.amount)), backgroundColor: COLORS }],
    });
    const complianceCounts = computed(() => {
      const total = s.compliance && s.compliance.total;
      return { COMPLIANT: total ? total.compliant : 0, BEHIND: total ? total.behind : 0 };
    });
    const complianceChart = computed(() => s.compliance && {
      labels: [t('dash.compliant'), t('dash.behind')],
      datasets: [{ data: [complianceCounts.value.COMPLIANT, complianceCounts.value.BEHIND], backgroundColor: [COLORS[3], COLORS[0]] }],
    });
    const percentAxis = { scales: { y: { min: 0, max: 100, ticks: { callback: v => v + '%' } } } };
    return { s, t, label, pct, yuan, year, quarter, streetChart, gapChart, gapCounts, stageChart, stageCounts, fundingChart,
      complianceChart, complianceCounts, percentAxis, locale, session, inboxState };
  },
  template: `
  <section class="dashboard" data-testid="page-dashboard">
    <h1>{{ t('nav.dashboard') }}</h1>
    <div class="cards" v-if="s.coverage">
      <div class="card" data-testid="org-coverage"><div class="num">{{ pct(s.coverage.organizationCoverageRate) }}</div><div>{{ t('dash.orgCoverage') }}</div></div>
      <div class="card" data-testid="work-coverage"><div class="num">{{ pct(s.coverage.workCoverageRate) }}</div><div>{{ t('dash.workCoverage') }}</div></div>
      <div class="card" data-testid="active-organizations"><div class="num">{{ s.coverage.activeOrganizations }}</div><div>{{ t('dash.active') }}</div></div>
      <div class="card" data-testid="with-members"><div class="num">{{ s.coverage.withMembers }}</div><div>{{ t('dash.withMembers') }}</div></div>
      <a class="card" v-if="inboxState.total !== null" href="#/inbox" data-testid="inbox-count"><div class="num">{{ inboxState.total }}</div><div>{{ t('dash.inbox') }}</div></a>
      <div class="card" v-if="s.funding" data-testid="funding-total"><div class="num">{{ yuan(s.funding.total) }}</div><div>{{ t('dash.fundingTotal') }}（{{ year }}）</div></div>
    </div>
    <problem-box v-for="(e, k) in s.errors" :key="k" :error="e"></problem-box>
    <div class="grid">
      <div class="panel wide" v-if="streetChart">
        <h2>{{ t('dash.perStreet') }}</h2>
        <chart-view type="bar" :data="streetChart" :options="percentAxis" testid="chart-streets"></chart-view>
      </div>
      <div class="panel" v-if="gapChart">
        <h2>{{ t('dash.gaps') }}</h2>
        <chart-view type="bar" :data="gapChart" :options="{ indexAxis: 'y', plugins: { legend: { display: false } } }" testid="chart-gaps"></chart-view>
        <table class="data compact" data-testid="gap-counts"><tr v-for="(n, r) in gapCounts" :key="r"><td>{{ label('Gap', r) }}</td><td class="num" :data-reason="r">{{ n }}</td></tr></table>
      </div>
      <div class="panel" v-if="stageChart">
        <h2>{{ t('dash.stages') }}</h2>
        <chart-view type="doughnut" :data="stageChart" testid="chart-stages"></chart-view>
        <table class="data compact" data-testid="stage-counts"><tr v-for="(n, k) in stageCounts" :key="k"><td>{{ label('Stage', k) }}</td><td class="num" :data-stage="k">{{ n }}</td></tr></table>
      </div>
      <div class="panel" v-if="fundingChart">
        <h2>{{ t('dash.funding', year) }}</h2>
        <chart-view type="pie" :data="fundingChart" testid="chart-funding"></chart-view>
        <table class="data compact"><tr v-for="r in s.funding.rows" :key="r.key"><td>{{ label('FundingKind', r.key) }}</td><td class="num">{{ yuan(r.amount) }}</td></tr></table>
      </div>
      <div class="panel" v-if="complianceChart">
        <h2>{{ t('dash.compliance') }} {{ t('dash.quarter', year, label('Quarter', quarter)) }}</h2>
        <chart-view type="doughnut" :data="complianceChart" testid="chart-compliance"></chart-view>
        <p data-testid="compliance-counts">{{ t('dash.compliant') }} <span data-status="COMPLIANT">{{ complianceCounts.COMPLIANT }}</span> · {{ t('dash.behind') }} <span data-status="BEHIND">{{ complianceCounts.BEHIND }}</span></p>
      </div>
    </div>
  </section>`,
};
