import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const packages = fileURLToPath(new URL('../../packages/', import.meta.url));

/**
 * The portal is served by the gateway at /portal/ and calls the API on the
 * same origin. Workspace packages are bundled from their TypeScript sources
 * (ES modules, so unused code is dropped); `packages/domain` is pure, so its
 * modules are marked free of side effects and only what the portal uses stays.
 * `npm run dev` proxies the API to a gateway on :3000 (`npm start`).
 */
export default defineConfig({
  base: '/portal/',
  plugins: [react()],
  resolve: {
    alias: [{ find: /^@concord\/(client|domain|permissions)$/, replacement: `${packages}$1/src/index.ts` }],
  },
  build: {
    target: 'es2022',
    sourcemap: true,
    rollupOptions: {
      treeshake: { moduleSideEffects: (id: string) => !id.includes('/packages/domain/') },
      onwarn(warning, warn) {
        // The domain's audit hash chain imports node:crypto; the portal never uses it, so none of it is bundled.
        if (warning.message.includes('"node:crypto" has been externalized')) return;
        warn(warning);
      },
    },
  },
  server: {
    proxy: { '/v1': 'http://127.0.0.1:3000', '/health': 'http://127.0.0.1:3000' },
  },
});
