import { createRouter, createWebHistory } from 'vue-router'

export const router = createRouter({
  history: createWebHistory('/app/'),
  routes: [
    { path: '/', component: () => import('./resident/ResidentPage.vue'), meta: { title: '我的积分' } },
    { path: '/scan', component: () => import('./scanner/ScannerPage.vue'), meta: { title: '扫码兑换' } },
  ],
})

router.afterEach((to) => {
  document.title = `${(to.meta.title as string | undefined) ?? '五色积分'} · 五色积分`
})
