// Lighthouse over the console as a signed-in member of staff sees it: the tokens live in the page's
// memory, so a fresh navigation would be signed out; a user flow signs in through the page and takes
// snapshots (accessibility, best practices) of the screens that follow.
//   node signed-in.mjs http://127.0.0.1:5080 login password
import puppeteer from 'puppeteer-core'
import { startFlow } from 'lighthouse'

const [base, login, password] = process.argv.slice(2)
const browser = await puppeteer.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--headless=new'] })
const page = await browser.newPage()
await page.setViewport({ width: 390, height: 844, deviceScaleFactor: 2, isMobile: true, hasTouch: true })
const flow = await startFlow(page, {
  config: { extends: 'lighthouse:default', settings: { onlyCategories: ['accessibility', 'best-practices'], formFactor: 'mobile', screenEmulation: { disabled: true } } },
})

const heading = (name) => page.locator(`::-p-aria([name="${name}"][role="heading"])`).wait()
const open = async (section) => {
  await page.locator(`::-p-aria([name="村务台"][role="navigation"]) ::-p-aria([name="${section}"][role="link"])`).click()
  await heading(section)
}

await page.goto(`${base}/app/console`)
await page.locator('::-p-aria(账号)').fill(login)
await page.locator('::-p-aria(密码)').fill(password)
await page.locator('::-p-aria([name="登录"][role="button"])').click()
await page.locator('::-p-aria([role="navigation"])').wait()
// An admin of the whole township picks a village first.
await page.locator('.van-cell').click()
await heading('首页')
await flow.snapshot({ name: '/app/console (home)' })
await open('评分')
await flow.snapshot({ name: '/app/console/award' })
await open('统计')
await page.waitForSelector('[role="img"][aria-label="各村积分图"] svg')
await flow.snapshot({ name: '/app/console/township' })

const result = await flow.createFlowResult()
const score = (lhr, category) => Math.round(lhr.categories[category].score * 100)
console.log(JSON.stringify(result.steps.map((step) => ({ page: step.name, accessibility: score(step.lhr, 'accessibility'), bestPractices: score(step.lhr, 'best-practices') }))))
await browser.close()
