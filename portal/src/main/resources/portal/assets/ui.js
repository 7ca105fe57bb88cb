// Shared pieces of every page: a filtered, paged list; a form field with the server's message; a problem box; a chart.
import { ref, reactive, watch, onMounted, onBeforeUnmount, h, markRaw } from 'vue';
import { t } from './i18n.js';

export const PagedList = {
  name: 'PagedList',
  props: {
    source: { type: Function, required: true },      // (params) => Promise<{items,total,page,size}> or an array
    filters: { type: Array, default: () => [] },     // [{name, label, type: 'text'|'select'|'date'|'number', options: [{value,text}]}]
    columns: { type: Array, required: true },        // [{key, label, format: row => text, link: row => '#/...'}]
    initial: { type: Object, default: () => ({}) },
    size: { type: Number, default: 20 },
    testid: { type: String, default: 'list' },
    paged: { type: Boolean, default: true },
  },
  setup(props, { expose }) {
    const values = reactive(Object.assign({}, props.initial));
    const page = ref(0);
    const rows = ref([]);
    const total = ref(0);
    const loading = ref(false);
    const error = ref(null);
    let local = null; // a source that answers a whole list (coverage gaps, compliance) is paged here
    async function load() {
      if (local) { rows.value = local.slice(page.value * props.size, (page.value + 1) * props.size); return; }
      loading.value = true;
      error.value = null;
      try {
        const params = Object.assign({}, values);
        if (props.paged) { params.page = page.value; params.size = props.size; }
        const result = await props.source(params);
        if (Array.isArray(result)) { local = result; total.value = result.length; rows.value = result.slice(0, props.size); }
        else { rows.value = (result && result.items) || []; total.value = (result && result.total) || 0; }
      } catch (e) {
        error.value = e;
        rows.value = [];
        total.value = 0;
      } finally {
        loading.value = false;
      }
    }
    function search() { page.value = 0; local = null; load(); }
    function reset() { for (const k of Object.keys(values)) values[k] = props.initial[k] !== undefined ? props.initial[k] : ''; search(); }
    function go(delta) { page.value += delta; load(); }
    onMounted(load);
    expose({ reload: () => { local = null; load(); } });
    const pages = () => Math.max(1, Math.ceil(total.value / props.size));
    return { values, page, rows, total, loading, error, search, reset, go, pages, t, cell: (c, r) => c.format ? c.format(r) : r[c.key] };
  },
  template: `
  <div class="paged-list" :data-testid="testid">
    <form class="filters" v-if="filters.length" @submit.prevent="search">
      <label v-for="f in filters" :key="f.name">{{ f.label }}
        <select v-if="f.type === 'select'" v-model="values[f.name]" :name="f.name">
          <option value="">{{ t('common.all') }}</option>
          <option v-for="o in f.options" :key="o.value" :value="o.value">{{ o.text }}</option>
        </select>
        <input v-else :type="f.type || 'text'" v-model="values[f.name]" :name="f.name">
      </label>
      <button type="submit">{{ t('common.search') }}</button>
      <button type="button" class="secondary" @click="reset">{{ t('common.reset') }}</button>
    </form>
    <problem-box :error="error"></problem-box>
    <table class="data">
      <thead><tr><th v-for="c in columns" :key="c.key">{{ c.label }}</th></tr></thead>
      <tbody>
        <tr v-if="loading"><td :colspan="columns.length">{{ t('app.loading') }}</td></tr>
        <tr v-else-if="!rows.length"><td :colspan="columns.length" class="empty">{{ t('common.none') }}</td></tr>
        <tr v-else v-for="(r, i) in rows" :key="r.id || i">
          <td v-for="c in columns" :key="c.key">
            <a v-if="c.link" :href="c.link(r)">{{ cell(c, r) }}</a>
            <button v-else-if="c.action && (!c.when || c.when(r))" type="button" class="small" @click="c.action(r)">{{ c.actionLabel }}</button>
            <span v-else>{{ cell(c, r) }}</span>
          </td>
        </tr>
      </tbody>
    </table>
    <div class="pager">
      <button type="button" class="secondary" :disabled="page === 0" @click="go(-1)">{{ t('common.prev') }}</button>
      <span class="page-info">{{ t('common.page', page + 1, pages(), total) }}</span>
      <button type="button" class="secondary" :disabled="page + 1 >= pages()" @click="go(1)">{{ t('common.next') }}</button>
    </div>
  </div>`,
};

/** A domain rule's refusal (422) in the current language, where the portal knows the rule; else empty. */
export function ruleText(error) {
  const rule = error && error.problem && error.problem.rule;
  if (!rule) return '';
  const text = t('rule.' + rule);
  return text === 'rule.' + rule ? '' : text;
}

/** An API refusal: the problem's title and detail (a 422 names the rule), or a plain message. */
export const ProblemBox = {
  name: 'ProblemBox',
  props: { error: { default: null }, prefix: { type: String, default: '' } },
  setup() { return { t, ruleText }; },
  template: `
  <div v-if="error" class="problem" role="alert" data-testid="problem">
    <strong>{{ prefix || t('common.error') }}</strong>
    <span v-if="error.status"> ({{ error.status }}<template v-if="error.problem && error.problem.title"> {{ error.problem.title }}</template>)</span>
    <div v-if="ruleText(error)" class="problem-rule" data-testid="problem-rule">{{ ruleText(error) }}</div>
    <div class="problem-detail">{{ (error.problem && error.problem.detail) || error.message }}</div>
    <ul v-if="error.problem && error.problem.errors && error.problem.errors.length && !prefix">
      <li v-for="e in error.problem.errors" :key="e.field">{{ e.field }}: {{ e.message }}</li>
    </ul>
  </div>`,
};

/** A labelled input with its error next to it (from the client check or the server's `errors`). */
export const Field = {
  name: 'Field',
  props: { label: String, error: { default: null }, name: String },
  template: `
  <label class="field" :class="{ invalid: !!error }" :data-field="name">
    <span class="field-label">{{ label }}</span>
    <slot></slot>
    <span v-if="error" class="field-error" data-testid="field-error">{{ error }}</span>
  </label>`,
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

/** Runs a submit: client checks first, then the API; on a refusal keeps everything typed and shows where it failed. */
export function useSubmit() {
  const state = reactive({ errors: {}, problem: null, busy: false, done: null });
  async function run(check, action) {
    state.problem = null;
    state.done = null;
    state.errors = check ? (check() || {}) : {};
    if (Object.keys(state.errors).length) return undefined;
    state.busy = true;
    try {
      const result = await action();
      state.done = result === undefined ? true : result;
      return result;
    } catch (e) {
      state.problem = e;
      state.errors = e.fieldErrors || {};
      return undefined;
    } finally {
      state.busy = false;
    }
  }
  return { state, run };
}

export const today = () => new Date(Date.now() - new Date().getTimezoneOffset() * 60000).toISOString().slice(0, 10);
export const lines = text => (text || '').split(/[\s,，]+/).map(s => s.trim()).filter(Boolean);
export const yuan = v => v === undefined || v === null ? '' : Number(v).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
export const pct = v => v === undefined || v === null ? '' : (Number(v) * 100).toFixed(2) + ' %'; // rates come as fractions (0.5147)

export function registerUi(app) {
  app.component('paged-list', PagedList);
  app.component('problem-box', ProblemBox);
  app.component('field', Field);
  app.component('chart-view', ChartView);
}
