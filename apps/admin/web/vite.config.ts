import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Built into dist/, which admin serves at / (apps/admin/src/console). `npm run dev` proxies the APIs to a local admin.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: { output: { manualChunks: { antd: ['antd'], react: ['react', 'react-dom', 'react-router-dom'] } } },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000', '/svc': 'http://127.0.0.1:3000' } },
});
