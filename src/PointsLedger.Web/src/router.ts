import { createRouter, createWebHistory } from 'vue-router'

export const router = createRouter({
  history: createWebHistory('/app/'),
  routes: [
    { path: '/', component: () => import('./resident/ResidentPage.vue'), meta: { title: '我的积分' } },
    { path: '/scan', component: () => import('./scanner/ScannerPage.vue'), meta: { title: '扫码兑换' } },
    {
      path: '/console',
      component: () => import('./console/ConsolePage.vue'),
      children: [
        { path: '', component: () => import('./console/HomeView.vue'), meta: { title: '村务台' } },
        { path: 'households', component: () => import('./console/HouseholdsView.vue'), meta: { title: '户籍' } },
        { path: 'households/new', component: () => import('./console/RegisterHousehold.vue'), meta: { title: '登记新户' } },
        { path: 'individuals/new', component: () => import('./console/RegisterHousehold.vue'), props: { individual: true }, meta: { title: '登记个人账户' } },
        { path: 'households/:householdId', component: () => import('./console/HouseholdPage.vue'), props: true, meta: { title: '户籍' } },
        { path: 'award', component: () => import('./console/AwardView.vue'), meta: { title: '评分' } },
        { path: 'batch', component: () => import('./console/BatchView.vue'), meta: { title: '巡查批量评分' } },
        { path: 'notices', component: () => import('./console/NoticesView.vue'), meta: { title: '公示' } },
        { path: 'imports', component: () => import('./console/ImportsView.vue'), meta: { title: '导入' } },
        { path: 'township', component: () => import('./console/TownshipView.vue'), meta: { title: '统计' } },
        { path: 'approvals', component: () => import('./console/ApprovalsView.vue'), meta: { title: '审核' } },
        { path: 'claims', component: () => import('./console/ClaimsView.vue'), meta: { title: '村民申报' } },
        { path: 'assessments', component: () => import('./console/AssessmentView.vue'), meta: { title: '季度考核' } },
      ],
    },
  ],
})

router.afterEach((to) => {
  document.title = `${(to.meta.title as string | undefined) ?? '五色积分'} · 五色积分`
})
