// Shared pieces of every page, on Ant Design Vue: a list (filters with "全部" first, server paging with a page size,
// sorting where the service sorts, CSV/Excel export from the service), pickers that search by name, a form field with
// its required mark and message, the refusal box, confirmation dialogs, a chart.
import { ref, reactive, computed, watch, onMounted, onBeforeUnmount, markRaw } from 'vue';
import { Modal } from 'ant-design-vue';
import { get, download, XLSX } from './api.js';
import { t, label } from './i18n.js';
import { explain, fieldErrors } from './problems.js';
import { streetName } from './session.js';

const PAGE_SIZES = ['10', '20', '50', '100', '200'];

/** {value, text} choices (i18n's options, session's streets) as Ant Design's select options. */
export const selectOptions = list => list.map(o => ({ value: o.value, label: o.text }));

/** Query parameters without the empty ones (the services refuse unknown parameters, and "" would be a filter). */
export function clean(params) {
  const out = {};
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && !v.length)) out[k] = v;
  }
  return out;
}

/**
 * A list. `source(params)` answers a page ({items, total}) or a whole list (an array: paged and, where a column says
 * how, sorted here, since the whole list is at hand). `sortable`: the service takes `sort=field,asc|desc`, and the
 * columns with `sort` offer it. `exportPath`: the service's CSV/XLSX of the same filters.
 */
export const DataTable = {
  name: 'DataTable',
  props: {
    source: { type: Function, required: true },
    filters: { type: Array, default: () => [] },     // [{name, label, type: 'text'|'select'|'number', options, all (default true), width}]
    columns: { type: Array, required: true },        // [{key, label, format, link, sort, localSort, action, actionLabel, when, danger}]
    initial: { type: Object, default: () => ({}) },
    size: { type: Number, default: 20 },
    testid: { type: String, default: 'list' },
    sortable: { type: Boolean, default: false },
    exportPath: { type: [String, Function], default: null },
    exportName: { type: String, default: 'export' },
    exportParams: { type: Function, default: null },
    paged: { type: Boolean, default: true },         // false: the service answers the whole list and takes no page/size
  },
  setup(props, { expose }) {
    // every filter starts at its initial value, a select at "" (全部) unless told otherwise
    const values = reactive(Object.assign(Object.fromEntries(props.filters.filter(f => f.type === 'select' && f.all !== false).map(f => [f.name, ''])), props.initial));
    const page = ref(1);
    const pageSize = ref(props.size);
    const sort = ref(null); // { field, order: 'ascend'|'descend' }
    const rows = ref([]);
    const total = ref(0);
    const loading = ref(false);
    const error = ref(null);
    const whole = ref(false);
    let seq = 0;
    async function load() {
      const mine = ++seq;
      loading.value = true;
      error.value = null;
      try {
        const params = clean(values);
        if (!whole.value && props.paged) {
          params.page = page.value - 1;
          params.size = pageSize.value;
          if (props.sortable && sort.value && sort.value.order) params.sort = sort.value.field + ',' + (sort.value.order === 'ascend' ? 'asc' : 'desc');
        }
        const result = await props.source(params);
        if (mine !== seq) return;
        if (Array.isArray(result)) { whole.value = true; rows.value = result; total.value = result.length; }
        else { whole.value = false; rows.value = (result && result.items) || []; total.value = (result && result.total) || 0; }
      } catch (e) {
        if (mine !== seq) return;
        error.value = e;
        rows.value = [];
        total.value = 0;
      } finally {
        if (mine === seq) loading.value = false;
      }
    }
    function search() { page.value = 1; whole.value = false; load(); }
    function reset() {
      for (const k of Object.keys(values)) values[k] = props.initial[k] !== undefined ? props.initial[k] : (typeof values[k] === 'string' ? '' : undefined);
      search();
    }
    function change(pagination, _filters, sorter) {
      const s = Array.isArray(sorter) ? sorter[0] : sorter;
      const next = s && s.order ? { field: s.columnKey || (s.column && s.column.key), order: s.order } : null;
      const sortChanged = JSON.stringify(next) !== JSON.stringify(sort.value);
      sort.value = next;
      if (whole.value) { page.value = pagination.current; pageSize.value = pagination.pageSize; return; }
      page.value = sortChanged || pagination.pageSize !== pageSize.value ? 1 : pagination.current;
      pageSize.value = pagination.pageSize;
      load();
    }
    onMounted(load);
    expose({ reload: () => { whole.value = false; load(); } });
    const antColumns = computed(() => props.columns.map(c => {
      const col = { key: c.key, dataIndex: c.key, title: c.label, width: c.width, align: c.align };
      const sortField = c.sort === true ? c.key : c.sort;
      if (whole.value && c.localSort) {
        col.sorter = (a, b) => compare(c.localSort(a), c.localSort(b));
      } else if (!whole.value && props.sortable && sortField) {
        col.sorter = true;
        col.key = sortField;
      }
      if (col.sorter) col.sortOrder = sort.value && sort.value.field === col.key ? sort.value.order : null;
      return col;
    }));
    const byKey = computed(() => Object.fromEntries(props.columns.map(c => [c.sort && c.sort !== true ? c.sort : c.key, c]).concat(props.columns.map(c => [c.key, c]))));
    const pagination = computed(() => ({
      current: page.value, pageSize: pageSize.value, total: total.value, showSizeChanger: true, pageSizeOptions: PAGE_SIZES,
      showTotal: n => t('common.totalRows', n), size: 'small',
    }));
    const exporting = ref(false);
    async function exportAs(kind) {
      exporting.value = true;
      error.value = null;
      try {
        const filters = clean(values);
        const params = props.exportParams ? props.exportParams(filters) : filters;
        const path = typeof props.exportPath === 'function' ? props.exportPath(filters) : props.exportPath;
        await download(path, params, kind === 'xlsx' ? XLSX : 'text/csv', props.exportName + '.' + kind);
      } catch (e) {
        error.value = e;
      } finally {
        exporting.value = false;
      }
    }
    const selectOptions = f => (f.all === false ? [] : [{ value: '', label: t('common.all') }])
      .concat((f.options || []).map(o => ({ value: o.value, label: o.text })));
    const cell = (c, r) => (c.format ? c.format(r) : r[c.key]);
    return { values, rows, total, loading, error, search, reset, change, antColumns, byKey, pagination, exportAs, exporting,
      selectOptions, cell, t, rowKey: r => r.id || r.memberId || r.organizationId || r.partyOrganizationId || JSON.stringify(r) };
  },
  template: `
  <div class="data-table" :data-testid="testid">
    <a-form v-if="filters.length || exportPath" layout="inline" class="filters" @submit="search">
      <a-form-item v-for="f in filters" :key="f.name" :label="f.label" :data-filter="f.name">
        <a-select v-if="f.type === 'select'" v-model:value="values[f.name]" :options="selectOptions(f)" :style="{ minWidth: (f.width || 120) + 'px' }"
          show-search option-filter-prop="label"
          :data-testid="'filter-' + f.name" @change="search"></a-select>
        <picker v-else-if="f.type === 'picker'" :kind="f.kind" v-model:value="values[f.name]" :testid="'filter-' + f.name" :placeholder="f.placeholder"
          :style="{ width: (f.width || 260) + 'px' }" @update:value="search"></picker>
        <a-input-number v-else-if="f.type === 'number'" v-model:value="values[f.name]" :data-testid="'filter-' + f.name" style="width: 100px"></a-input-number>
        <a-input v-else v-model:value="values[f.name]" :name="f.name" allow-clear :placeholder="f.placeholder" :data-testid="'filter-' + f.name"
          :style="{ width: (f.width || 180) + 'px' }" @press-enter="search"></a-input>
      </a-form-item>
      <a-form-item>
        <a-space>
          <a-button v-if="filters.length" type="primary" html-type="submit" data-testid="search">{{ t('common.search') }}</a-button>
          <a-button v-if="filters.length" @click="reset">{{ t('common.reset') }}</a-button>
          <template v-if="exportPath">
            <a-button :loading="exporting" @click="exportAs('csv')" data-testid="export-csv">{{ t('common.exportCsv') }}</a-button>
            <a-button :loading="exporting" @click="exportAs('xlsx')" data-testid="export-xlsx">{{ t('common.exportXlsx') }}</a-button>
          </template>
        </a-space>
      </a-form-item>
    </a-form>
    <problem-box :error="error"></problem-box>
    <a-table :columns="antColumns" :data-source="rows" :loading="loading" :pagination="pagination" :row-key="rowKey"
      size="small" bordered @change="change">
      <template #bodyCell="{ column, record }">
        <template v-if="byKey[column.key] && byKey[column.key].link && byKey[column.key].link(record)">
          <a :href="byKey[column.key].link(record)">{{ cell(byKey[column.key], record) }}</a>
        </template>
        <template v-else-if="byKey[column.key] && byKey[column.key].action">
          <a-button v-if="!byKey[column.key].when || byKey[column.key].when(record)" size="small" :danger="!!byKey[column.key].danger"
            :data-testid="'action-' + column.key" @click="byKey[column.key].action(record)">{{ typeof byKey[column.key].actionLabel === 'function' ? byKey[column.key].actionLabel(record) : byKey[column.key].actionLabel }}</a-button>
        </template>
        <template v-else-if="byKey[column.key]">{{ cell(byKey[column.key], record) }}</template>
      </template>
      <template #emptyText><span class="muted">{{ t('common.none') }}</span></template>
    </a-table>
  </div>`,
};

function compare(a, b) {
  if (a === b) return 0;
  if (a === undefined || a === null) return -1;
  if (b === undefined || b === null) return 1;
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b), 'zh-CN');
}

/** A refusal in the user's language (problems.js): the sentence, a 422's rule and figures, the fields' messages. */
export const ProblemBox = {
  name: 'ProblemBox',
  props: { error: { default: null }, prefix: { type: String, default: '' }, hideFields: { type: Boolean, default: false } },
  setup(props) {
    const view = computed(() => explain(props.error));
    return { view, t };
  },
  template: `
  <a-alert v-if="view" type="error" show-icon class="problem" role="alert" data-testid="problem" :message="prefix || view.message">
    <template #description>
      <div v-if="prefix && !view.rule">{{ view.message }}</div>
      <div v-if="view.rule" class="problem-rule" data-testid="problem-rule">{{ view.rule }}</div>
      <div v-if="view.facts.length" class="problem-facts">{{ view.facts.join('；') }}</div>
      <ul v-if="view.fields.length && !hideFields" class="problem-fields">
        <li v-for="f in view.fields" :key="f.field">{{ t('problem.field', f.label, f.message) }}</li>
      </ul>
    </template>
  </a-alert>`,
};

/** A labelled field with its required mark and its message (the client's check or the server's field error). */
export const Field = {
  name: 'Field',
  props: { label: String, error: { default: null }, name: String, required: { type: Boolean, default: false }, extra: String },
  template: `
  <a-form-item class="field" :label="label" :required="required" :validate-status="error ? 'error' : ''" :help="error || undefined"
    :extra="extra" :data-field="name" :class="{ invalid: !!error }">
    <slot></slot>
  </a-form-item>`,
};

/** Chart.js (its UMD build, window.Chart) around a canvas; redrawn when the data change. */
export const ChartView = {
  name: 'ChartView',
  props: { type: String, data: Object, options: Object, testid: String },
  setup(props) {
    const canvas = ref(null);
    let chart = null;
    function draw() {
      if (chart) { chart.destroy(); chart = null; }
      if (!canvas.value || !props.data || !window.Chart) return;
      chart = markRaw(new window.Chart(canvas.value, {
        type: props.type, data: props.data,
        options: Object.assign({ responsive: true, maintainAspectRatio: false, animation: false }, props.options || {}),
      }));
    }
    onMounted(draw);
    watch(() => props.data, draw);
    onBeforeUnmount(() => { if (chart) chart.destroy(); });
    return { canvas };
  },
  template: `<div class="chart" :data-testid="testid"><canvas ref="canvas"></canvas></div>`,
};

// --- pickers: organizations, party organizations, members and training sessions by name ---

const tail = (s, n) => (s ? String(s).slice(-n) : '');
const KINDS = {
  organization: {
    path: '/api/registry/organizations', one: id => '/api/registry/organizations/' + id, fixed: { status: 'ACTIVE' },
    query: text => ({ q: text }),
    text: o => o.name + '（' + [streetName(o.street), o.creditCode].filter(Boolean).join(' · ') + '）',
  },
  partyOrganization: {
    path: '/api/branches', one: id => '/api/branches/' + id, fixed: { status: 'ACTIVE' },
    query: text => ({ q: text }),
    text: p => p.name + '（' + [streetName(p.street), label('PartyOrganizationType', p.type)].filter(Boolean).join(' · ') + '）',
  },
  member: {
    path: '/api/members', one: id => '/api/members/' + id, fixed: { status: 'ACTIVE' },
    query: text => (/^[0-9]{17}[0-9Xx]$/.test(text.trim()) ? { idNumber: text.trim().toUpperCase() } : { q: text }),
    text: m => m.name + '（' + [streetName(m.street), label('Stage', m.stage), m.idNumber ? '身份证尾号 ' + tail(m.idNumber, 4) : ''].filter(Boolean).join(' · ') + '）',
  },
  session: {
    path: '/api/training/sessions', one: id => '/api/training/sessions/' + id, fixed: {},
    query: () => ({}),
    text: s => s.title + '（' + [label('SessionKind', s.kind), s.startsOn].filter(Boolean).join(' · ') + '）',
  },
};

/**
 * Chooses by name: search as you type (the service's `q`), scoped by the service to what the user may see; the
 * options name street and credit code, or the ID number's tail, to tell namesakes apart. `v-model:value` holds the
 * id (or ids with `multiple`). `params`: fixed filters (e.g. a street, a party organization).
 */
export const Picker = {
  name: 'Picker',
  props: { kind: { type: String, required: true }, value: { default: undefined }, multiple: { type: Boolean, default: false },
    params: { type: Object, default: () => ({}) }, placeholder: String, testid: String, disabled: Boolean, searchable: { type: Boolean, default: true } },
  emits: ['update:value', 'picked'],
  setup(props, { emit }) {
    const kind = KINDS[props.kind];
    const options = ref([]);
    const known = reactive({});
    const loading = ref(false);
    const failed = ref(null);
    let timer = null;
    let seq = 0;
    function remember(items) {
      for (const it of items) known[it.id] = { value: it.id, label: kind.text(it), item: it };
    }
    async function fetch(text) {
      const mine = ++seq;
      loading.value = true;
      failed.value = null;
      try {
        const q = text && text.trim() ? kind.query(text) : {};
        const result = await get(kind.path, clean(Object.assign({}, kind.fixed, props.params, q, { size: 20 })));
        if (mine !== seq) return;
        const items = (result && result.items) || [];
        remember(items);
        options.value = items.map(it => known[it.id]);
      } catch (e) {
        if (mine === seq) { failed.value = e; options.value = []; }
      } finally {
        if (mine === seq) loading.value = false;
      }
    }
    // sessions have no name search in the service: their first page is filtered here
    const remote = props.kind !== 'session';
    function search(text) { if (!remote) return; clearTimeout(timer); timer = setTimeout(() => fetch(text), 250); }
    const filterOption = remote ? false : (input, option) => String(option.label).includes(input);
    async function labelSelected() {
      const ids = props.multiple ? (props.value || []) : (props.value ? [props.value] : []);
      for (const id of ids) {
        if (known[id]) continue;
        try { const it = await get(kind.one(id)); if (it) remember([it]); } catch (e) { /* shown by id until known */ }
      }
    }
    onMounted(() => { fetch(''); labelSelected(); });
    watch(() => props.value, labelSelected);
    watch(() => JSON.stringify(props.params), () => fetch(''));
    const shown = computed(() => {
      const ids = props.multiple ? (props.value || []) : (props.value ? [props.value] : []);
      const extra = ids.filter(id => !options.value.some(o => o.value === id)).map(id => known[id] || { value: id, label: t('app.loading') });
      return options.value.concat(extra);
    });
    function update(v) {
      emit('update:value', v);
      emit('picked', props.multiple ? (v || []).map(id => known[id] && known[id].item) : (known[v] && known[v].item));
    }
    return { shown, loading, search, update, failed, t, filterOption, placeholderText: computed(() => props.placeholder || t('pick.' + props.kind)) };
  },
  template: `
  <a-select :value="value" :mode="multiple ? 'multiple' : undefined" show-search :filter-option="filterOption" :options="shown"
    :loading="loading" :placeholder="placeholderText" :not-found-content="loading ? t('app.loading') : t('pick.noMatch')"
    :data-testid="testid" :disabled="disabled" allow-clear style="width: 100%; min-width: 260px" @search="search" @update:value="update"></a-select>`,
};

// --- forms ---

function at(obj, path) {
  return path.split('.').reduce((o, k) => (o === undefined || o === null ? undefined : o[k]), obj);
}

/**
 * A form's submit: the client checks run as the user types (for the fields changed so far; all of them once a submit
 * was tried), then the API; a refusal keeps everything typed and shows, in the user's language, where it failed.
 */
export function useSubmit(check, form) {
  const state = reactive({ errors: {}, problem: null, busy: false, done: null, tried: false });
  const initial = form ? JSON.parse(JSON.stringify(form)) : null;
  if (check && form) {
    watch(form, () => {
      const all = check() || {};
      const shown = {};
      for (const [k, v] of Object.entries(all)) {
        if (state.tried || JSON.stringify(at(form, k)) !== JSON.stringify(at(initial, k))) shown[k] = v;
      }
      // a server's message stays until the field changes
      for (const [k, v] of Object.entries(state.errors)) {
        if (!(k in all) && state.serverErrors && state.serverErrors[k] === v && JSON.stringify(at(form, k)) === state.serverValues[k]) shown[k] = v;
      }
      state.errors = shown;
    }, { deep: true });
  }
  async function run(checkNow, action) {
    state.problem = null;
    state.done = null;
    state.tried = true;
    const c = checkNow === undefined ? check : checkNow;
    state.errors = c ? (c() || {}) : {};
    if (Object.keys(state.errors).length) return undefined;
    state.busy = true;
    try {
      const result = await action();
      state.done = result === undefined || result === null ? true : result;
      return state.done;
    } catch (e) {
      state.problem = e;
      state.errors = fieldErrors(e);
      state.serverErrors = Object.assign({}, state.errors);
      state.serverValues = Object.fromEntries(Object.keys(state.errors).map(k => [k, form ? JSON.stringify(at(form, k)) : '']));
      return undefined;
    } finally {
      state.busy = false;
    }
  }
  return { state, run };
}

/** A confirmation naming the consequence; resolves true when the user confirms. */
export function confirmAction(title, content, okText, danger = true) {
  return new Promise(resolve => {
    Modal.confirm({
      title, content: content + ' ' + t('common.irreversible'), okText: okText || t('common.confirm'), cancelText: t('common.cancel'),
      okType: danger ? 'danger' : 'primary', wrapClassName: 'confirm-dialog', centered: true,
      onOk: () => resolve(true), onCancel: () => resolve(false),
    });
  });
}

export const today = () => new Date(Date.now() - new Date().getTimezoneOffset() * 60000).toISOString().slice(0, 10);
export const yuan = v => v === undefined || v === null ? '' : Number(v).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
export const pct = v => v === undefined || v === null ? '' : (Number(v) * 100).toFixed(2) + ' %'; // rates come as fractions (0.5147)

/** The URL of a file shipped with the portal's assets (import templates). */
export const assetUrl = file => new URL('./' + file, import.meta.url).pathname;

export function registerUi(app) {
  app.component('data-table', DataTable);
  app.component('problem-box', ProblemBox);
  app.component('field', Field);
  app.component('chart-view', ChartView);
  app.component('picker', Picker);
}
