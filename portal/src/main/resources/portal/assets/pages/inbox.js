// 待办: what is due in the user's scope, from each service's own inbox (GET /api/<service>/inbox). The portal computes
// nothing a service knows: it shows each part's items (oldest first) and counts; a part whose service is down fails
// alone. The counts also feed the menu and the dashboard (inboxState).
import { reactive, onMounted } from 'vue';
import { get } from '../api.js';
import { t, label } from '../i18n.js';
import { hasRole, streetName } from '../session.js';

const READERS = ['district-admin', 'committee-admin', 'street-admin', 'branch-secretary', 'auditor'];

/** The inbox parts: the service, its path, the roles it answers (the services check again). */
export const INBOX_PARTS = [
  { id: 'branches', path: '/api/branches/inbox', title: 'inbox.part.branches', roles: READERS },
  { id: 'members', path: '/api/members/inbox', title: 'inbox.part.members', roles: READERS },
  { id: 'training', path: '/api/training/inbox', title: 'inbox.part.training', roles: READERS },
  { id: 'funding', path: '/api/funding/inbox', title: 'inbox.part.funding', roles: [...READERS, 'finance'] },
];

/** Per part: its answer or its error; {@code total}: the sum of the answered parts' totals (null until one answers). */
export const inboxState = reactive({ parts: {}, errors: {}, total: null, loading: false });

export async function loadInbox() {
  inboxState.loading = true;
  const parts = INBOX_PARTS.filter(p => hasRole(...p.roles));
  await Promise.all(parts.map(async p => {
    try {
      inboxState.parts[p.id] = await get(p.path);
      delete inboxState.errors[p.id];
    } catch (e) {
      inboxState.errors[p.id] = e;
      delete inboxState.parts[p.id];
    }
  }));
  const answered = Object.values(inboxState.parts);
  inboxState.total = answered.length ? answered.reduce((n, a) => n + a.total, 0) : null;
  inboxState.loading = false;
}

/** The sentence of an item's rule: a requirement of rule 12 names its meeting. */
export function ruleText(rule) {
  if (rule && rule.startsWith('RULE_12_')) return t('inbox.rule.RULE_12', label('Requirement', rule.slice(8)));
  return t('inbox.rule.' + rule);
}

export const InboxPage = {
  setup() {
    onMounted(loadInbox);
    const visible = () => INBOX_PARTS.filter(p => hasRole(...p.roles));
    const kindsOf = answer => Object.keys(answer.counts || {});
    return { s: inboxState, t, label, visible, kindsOf, ruleText, streetName, loadInbox };
  },
  template: `
  <section class="inbox" data-testid="page-inbox">
    <h1>{{ t('nav.inbox') }} <span class="count" v-if="s.total !== null" data-testid="inbox-total">（{{ s.total }}）</span>
      <a-button size="small" @click="loadInbox" :loading="s.loading" data-testid="inbox-refresh">{{ t('inbox.refresh') }}</a-button></h1>
    <p class="hint">{{ t('inbox.hint') }}</p>
    <div v-for="p in visible()" :key="p.id" class="panel inbox-part" :data-part="p.id">
      <h2>{{ t(p.title) }} <span v-if="s.parts[p.id]" class="count" :data-total="p.id">（{{ s.parts[p.id].total }}）</span></h2>
      <problem-box v-if="s.errors[p.id]" :error="s.errors[p.id]" :prefix="t('inbox.partFailed', t(p.title))"></problem-box>
      <template v-else-if="s.parts[p.id]">
        <div class="inbox-counts">
          <a-tag v-for="k in kindsOf(s.parts[p.id])" :key="k" :color="s.parts[p.id].counts[k] ? 'red' : 'default'" :data-kind="k">
            {{ label('InboxKind', k) }} <b :data-count="k">{{ s.parts[p.id].counts[k] }}</b></a-tag>
        </div>
        <p v-if="!s.parts[p.id].items.length" class="empty">{{ t('inbox.empty') }}</p>
        <table v-else class="data compact" :data-testid="'inbox-' + p.id">
          <thead><tr><th>{{ t('inbox.kind') }}</th><th>{{ t('inbox.subject') }}</th><th>{{ t('common.street') }}</th>
            <th>{{ t('inbox.when') }}</th><th>{{ t('inbox.rule') }}</th></tr></thead>
          <tbody><tr v-for="i in s.parts[p.id].items" :key="i.kind + i.subjectId + i.rule" :data-kind="i.kind">
            <td>{{ label('InboxKind', i.kind) }}</td>
            <td><a :href="'#' + i.route">{{ i.subjectName || t('inbox.open') }}</a></td>
            <td>{{ streetName(i.street) }}</td>
            <td>{{ i.due ? t('inbox.dueOn', i.due) : t('inbox.since', i.since) }}</td>
            <td>{{ ruleText(i.rule) }}</td></tr></tbody>
        </table>
        <p v-if="s.parts[p.id].items.length < s.parts[p.id].total" class="hint">{{ t('inbox.more', s.parts[p.id].items.length, s.parts[p.id].total) }}</p>
      </template>
      <p v-else class="loading">{{ t('app.loading') }}</p>
    </div>
  </section>`,
};
