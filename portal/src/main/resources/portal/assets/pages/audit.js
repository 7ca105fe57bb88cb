// 操作记录: the district-wide audit trail (DOMAIN.md §6) for the district office and the inspectors. Each service keeps
// the trail of its own records (GET /api/<service>/audit, district-admin and auditor); this page asks all five with the
// same filters and shows their records merged, newest first. A service that cannot answer is said so on its own line:
// the others' records are still shown. Exports are each service's own (CSV/XLSX of the same filters).
import { reactive, computed, onMounted } from 'vue';
import { get, download, XLSX } from '../api.js';
import { t, anyLabel } from '../i18n.js';
import { streetName, industryName } from '../session.js';
import { basis } from './funding.js';

/** The services that keep a trail, and the path of each one's district-wide trail. */
export const TRAILS = [
  { id: 'registry', path: '/api/registry/audit' },
  { id: 'branches', path: '/api/branches/audit' },
  { id: 'members', path: '/api/members/audit' },
  { id: 'training', path: '/api/training/audit' },
  { id: 'funding', path: '/api/funding/audit' },
];
const RESOURCES = ['Organization', 'PartyOrganization', 'Instructor', 'Member', 'TrainingSession', 'TrainingAttendance',
  'Activity', 'LedgerEntry', 'FundingPolicy', 'AllocationRun'];
/** How many of each service's newest records the page merges (the service's page size limit). */
const PER_SERVICE = 200;

export const AuditPage = {
  setup() {
    const s = reactive({ actor: '', resource: '', from: null, to: null, rows: [], totals: {}, errors: {}, loading: false });
    function params() {
      const p = {};
      if (s.actor.trim()) p.actor = s.actor.trim();
      if (s.resource) p.resource = s.resource;
      if (s.from) p.from = s.from;
      if (s.to) p.to = s.to;
      return p;
    }
    async function load() {
      s.loading = true;
      s.errors = {};
      s.totals = {};
      const parts = await Promise.all(TRAILS.map(async trail => {
        try {
          const page = await get(trail.path, Object.assign({ size: PER_SERVICE }, params()));
          s.totals[trail.id] = page.total;
          return page.items.map(r => Object.assign({ service: trail.id, key: trail.id + ':' + r.id }, r));
        } catch (e) {
          s.errors[trail.id] = e;
          return [];
        }
      }));
      s.rows = parts.flat().sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
      s.loading = false;
    }
    function reset() {
      Object.assign(s, { actor: '', resource: '', from: null, to: null });
      load();
    }
    async function exportTrail(trail, xlsx) {
      try {
        await download(trail.path, params(), xlsx ? XLSX : 'text/csv', t('audit.file', t('audit.service.' + trail.id)) + (xlsx ? '.xlsx' : '.csv'));
      } catch (e) {
        s.errors[trail.id] = e;
      }
    }
    const columns = computed(() => [
      { title: t('audit.at'), dataIndex: 'at', key: 'at', width: 170 },
      { title: t('audit.actor'), key: 'actor', width: 180 },
      { title: t('audit.service'), key: 'service', width: 110 },
      { title: t('audit.action'), key: 'action', width: 160 },
      { title: t('audit.resource'), key: 'resource', width: 150 },
      { title: t('audit.changes'), key: 'changes' },
      { title: t('common.reason'), dataIndex: 'reason', key: 'reason', width: 160 },
    ]);
    const resourceOptions = computed(() => [{ value: '', label: t('common.all') }]
      .concat(RESOURCES.map(r => ({ value: r, label: t('audit.resource.' + r) }))));
    const at = iso => new Date(iso).toLocaleString(undefined, { hour12: false });
    const actorText = a => !a ? '—' : a.subject && a.subject.startsWith('system:') ? t('audit.system')
      : (a.username || a.subject) + (a.roles && a.roles.length ? '（' + a.roles.map(r => t('role.' + r)).join('、') + '）' : '');
    const actionText = a => t('audit.action.' + a) === 'audit.action.' + a ? a : t('audit.action.' + a);
    const resourceText = r => t('audit.resource.' + r) === 'audit.resource.' + r ? r : t('audit.resource.' + r);
    const known = key => t(key) !== key;
    const fieldText = f => known('audit.field.' + f) ? t('audit.field.' + f) : f;
    // ids name records of other services: shown as such, never as an opaque string; codes by their label
    // what booked a ledger entry: "event:<id>", "allocation:<year>" or "adjustment" (the id is never shown)
    const causeText = v => v.startsWith('event:') ? t('audit.cause.event')
      : v.startsWith('allocation:') ? t('audit.cause.allocation', v.substring('allocation:'.length))
      : v === 'adjustment' ? t('audit.cause.adjustment') : anyLabel(v);
    const after = (record, field) => ((record.changes || []).find(c => c.field === field) || {}).after;
    // a ledger entry's basis is the service's English text: shown as the ledger page shows it, from its kind and figures
    const valueText = (f, v, record) => v === null || v === undefined ? '—' : /Ids?$|^absentees$/.test(f) ? t('audit.id')
      : f === 'street' ? streetName(v) : f === 'industry' ? industryName(v)
      : f === 'cause' ? causeText(v)
      : f === 'basis' ? basis({ kind: after(record, 'kind'), basis: v, amount: after(record, 'amount'), members: Number(after(record, 'members')), reason: record.reason })
      : v === 'true' ? t('common.yes') : v === 'false' ? t('common.no') : anyLabel(v);
    onMounted(load);
    return { s, t, load, reset, exportTrail, columns, resourceOptions, at, actorText, actionText, resourceText, fieldText, valueText, TRAILS };
  },
  template: `
  <section data-testid="page-audit">
    <h1>{{ t('nav.audit') }}</h1>
    <p class="hint">{{ t('audit.hint') }}</p>
    <a-form layout="inline" class="filters" @submit.prevent="load">
      <a-form-item :label="t('audit.actor')"><a-input v-model:value="s.actor" allow-clear data-testid="audit-actor" :placeholder="t('audit.actorHint')"></a-input></a-form-item>
      <a-form-item :label="t('audit.resource')"><a-select v-model:value="s.resource" :options="resourceOptions" style="width: 150px" data-testid="audit-resource"></a-select></a-form-item>
      <a-form-item :label="t('audit.from')"><a-date-picker v-model:value="s.from" value-format="YYYY-MM-DD" data-testid="audit-from"></a-date-picker></a-form-item>
      <a-form-item :label="t('audit.to')"><a-date-picker v-model:value="s.to" value-format="YYYY-MM-DD" data-testid="audit-to"></a-date-picker></a-form-item>
      <a-form-item>
        <a-button type="primary" html-type="submit" :loading="s.loading" data-testid="audit-search">{{ t('common.search') }}</a-button>
        <a-button @click="reset" style="margin-left: 8px">{{ t('common.reset') }}</a-button>
      </a-form-item>
    </a-form>
    <div class="trail-parts" data-testid="audit-parts">
      <span v-for="trail in TRAILS" :key="trail.id" class="trail-part" :data-service="trail.id">
        {{ t('audit.service.' + trail.id) }}：
        <template v-if="s.errors[trail.id]"><a-tag color="red" data-testid="audit-part-failed">{{ t('audit.partFailed') }}</a-tag></template>
        <template v-else>{{ s.totals[trail.id] ?? '…' }}</template>
        <a-button size="small" type="link" @click="exportTrail(trail, false)">CSV</a-button>
        <a-button size="small" type="link" @click="exportTrail(trail, true)">Excel</a-button>
      </span>
    </div>
    <problem-box v-for="(e, k) in s.errors" :key="k" :error="e" :prefix="t('audit.partFailedOf', t('audit.service.' + k))"></problem-box>
    <a-table :columns="columns" :data-source="s.rows" row-key="key" size="small" :loading="s.loading"
             :pagination="{ pageSize: 20, showSizeChanger: true }" data-testid="audit-table">
      <template #bodyCell="{ column, record }">
        <template v-if="column.key === 'at'">{{ at(record.at) }}</template>
        <template v-else-if="column.key === 'actor'"><span data-testid="actor">{{ actorText(record.actor) }}</span></template>
        <template v-else-if="column.key === 'service'">{{ t('audit.service.' + record.service) }}</template>
        <template v-else-if="column.key === 'action'">{{ actionText(record.action) }}</template>
        <template v-else-if="column.key === 'resource'">{{ resourceText(record.resource) }}</template>
        <template v-else-if="column.key === 'changes'">
          <div v-for="c in record.changes" :key="c.field" class="change"><b>{{ fieldText(c.field) }}</b>：{{ valueText(c.field, c.before, record) }} → {{ valueText(c.field, c.after, record) }}</div>
        </template>
      </template>
    </a-table>
  </section>`,
};
