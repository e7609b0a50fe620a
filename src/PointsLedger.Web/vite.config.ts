/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { VantResolver } from '@vant/auto-import-resolver'

// `npm run dev` serves the pages with hot reload and sends API calls to a running API (API=http://host:port).
const api = process.env.API ?? 'http://localhost:5080'

// Vant's icon font falls back to a copy on a CDN: a village network may not reach it and the page's CSP
// forbids it, so the build keeps only the copy embedded in the CSS.
const ownFontsOnly: Plugin = {
  name: 'own-fonts-only',
  enforce: 'pre',
  transform(code, id) {
    if (!id.includes('/vant/es/icon/') || !id.endsWith('.css')) return undefined
    return code.replace(/,\s*url\(\/\/at\.alicdn\.com[^)]*\)\s*format\("woff"\)/, '')
  },
}

export default defineConfig({
  base: '/app/',
  plugins: [ownFontsOnly, vue(), Components({ resolvers: [VantResolver()], dts: false })],
  build: { target: ['chrome80', 'safari13'], outDir: 'dist', emptyOutDir: true },
  server: { proxy: { '/api': api, '/verify': api } },
  test: { environment: 'jsdom' },
})
