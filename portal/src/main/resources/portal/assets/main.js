// The portal's shell: who is logged in (GET /auth/me, answered by the gateway from the session), the pages their
// roles may use, a hash router, the language switch and logout (POST /logout with the CSRF token). Components come
// from Ant Design Vue, in Chinese (its zh_CN locale) unless the user switches to English.
import { createApp, reactive, computed } from 'vue';
import * as Antd from 'ant-design-vue';
import zhCN from 'ant-design-vue/zh_CN';
import { get } from './api.js';
import { t, setLang, locale } from './i18n.js';
import { registerUi } from './ui.js';
import { Dashboard } from './pages/dashboard.js';
import { OrganizationsPage } from './pages/organizations.js';
import { BranchesPage } from './pages/branches.js';
import { MembersPage } from './pages/members.js';
import { TrainingPage } from './pages/training.js';
import { FundingPage } from './pages/funding.js';
import { AuditPage } from './pages/audit.js';
import { InboxPage, inboxState, loadInbox } from './pages/inbox.js';
import { AnnualReportPage } from './pages/annual.js';
import { session } from './session.js';

const ADMINS = ['district-admin', 'committee-admin'];
const ROLES = ['district-admin', 'committee-admin', 'street-admin', 'branch-secretary', 'finance', 'auditor'];

/** Each page and the roles that may use it (the services' own rules; they check again). */
export const PAGES = [
  { id: 'dashboard', title: 'nav.dashboard', component: Dashboard, roles: [...ADMINS, 'street-admin', 'auditor'] },
  { id: 'organizations', title: 'nav.organizations', component: OrganizationsPage, roles: [...ADMINS, 'street-admin', 'auditor'] },
  { id: 'branches', title: 'nav.branches', component: BranchesPage, roles: [...ADMINS, 'street-admin', 'branch-secretary', 'auditor'] },
  { id: 'members', title: 'nav.members', component: MembersPage, roles: [...ADMINS, 'street-admin', 'branch-secretary', 'auditor'] },
  { id: 'training', title: 'nav.training', component: TrainingPage, roles: [...ADMINS, 'street-admin', 'branch-secretary', 'auditor'] },
  { id: 'funding', title: 'nav.funding', component: FundingPage, roles: [...ADMINS, 'finance', 'auditor'] },
  { id: 'audit', title: 'nav.audit', component: AuditPage, roles: ['district-admin', 'auditor'] },
  { id: 'inbox', title: 'nav.inbox', component: InboxPage, roles: ROLES },
  { id: 'annual', title: 'nav.annual', component: AnnualReportPage, roles: [...ADMINS, 'street-admin', 'auditor'] },
];

const route = reactive({ path: [], query: {} });
function parseHash() {
  const hash = location.hash.replace(/^#\/?/, '');
  const [path, q] = hash.split('?');
  route.path = path ? path.split('/').map(decodeURIComponent) : [];
  route.query = Object.fromEntries(new URLSearchParams(q || ''));
}
window.addEventListener('hashchange', parseHash);
parseHash();

const App = {
  setup() {
    const pages = computed(() => PAGES.filter(p => session.me && p.roles.some(r => session.me.roles.includes(r))));
    const current = computed(() => pages.value.find(p => p.id === route.path[0]) || null);
    // a page that exists but is not this role's, or no such page at all
    const missing = computed(() => route.path.length && !current.value
      ? (PAGES.some(p => p.id === route.path[0]) ? 'app.noAccess' : 'app.notFound') : null);
    function csrf() {
      const m = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
      return m ? decodeURIComponent(m[1]) : '';
    }
    const antLocale = computed(() => (locale.lang === 'en' ? undefined : zhCN));
    const theme = { token: { colorPrimary: '#c8102e', borderRadius: 3 } };
    return { session, pages, current, missing, route, t, locale, setLang, csrf, antLocale, theme, inboxState,
      roleNames: () => (session.me ? session.me.roles.filter(r => ROLES.includes(r)).map(r => t('role.' + r)).join('、') : '') };
  },
  template: `
  <a-config-provider :locale="antLocale" :theme="theme">
  <div class="shell" v-if="session.me">
    <header class="top">
      <span class="brand">{{ t('app.title') }}</span>
      <span class="district">{{ session.me.district.name }}</span>
      <span class="spacer"></span>
      <span class="user" data-testid="user">{{ session.me.name || session.me.username }} · {{ roleNames() }}</span>
      <button type="button" class="link" data-testid="lang" @click="setLang(locale.lang === 'zh' ? 'en' : 'zh')">{{ t('app.lang') }}</button>
      <form method="post" action="/logout" class="logout">
        <input type="hidden" name="_csrf" :value="csrf()">
        <button type="submit" class="link" data-testid="logout">{{ t('app.logout') }}</button>
      </form>
    </header>
    <nav class="side" data-testid="nav">
      <a v-for="p in pages" :key="p.id" :href="'#/' + p.id" :data-page="p.id" :class="{ active: current && current.id === p.id }">{{ t(p.title) }}<span v-if="p.id === 'inbox' && inboxState.total" class="badge" data-testid="inbox-badge">{{ inboxState.total }}</span></a>
    </nav>
    <main class="content">
      <component v-if="current" :is="current.component" :route="route" :key="current.id"></component>
      <a-result v-else-if="missing" :status="missing === 'app.notFound' ? '404' : '403'" :title="t(missing)" data-testid="missing-page">
        <template #extra><a-button type="primary" :href="pages.length ? '#/' + pages[0].id : '#/'">{{ t('common.back') }}</a-button></template>
      </a-result>
    </main>
  </div>
  <p v-else-if="session.error" class="problem">{{ session.error }}</p>
  <p v-else class="loading">{{ t('app.loading') }}</p>
  </a-config-provider>`,
};

async function start() {
  setLang(locale.lang);
  try {
    session.me = await get('/auth/me');
  } catch (e) {
    session.error = t('problem.' + (e.status === 401 ? '401' : '5xx'));
    return;
  }
  const back = sessionStorage.getItem('portal.returnTo');
  if (back) { sessionStorage.removeItem('portal.returnTo'); location.hash = back; }
  const allowed = PAGES.filter(p => p.roles.some(r => session.me.roles.includes(r)));
  if (!route.path.length && allowed.length) location.hash = '#/' + allowed[0].id;
  document.title = t('app.title');
  loadInbox(); // the menu's count of items due; each part fails alone
}

const app = createApp(App);
app.use(Antd);
registerUi(app);
app.mount('#app');
start();
