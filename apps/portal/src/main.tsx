import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createPortalClient } from './api/client';
import { createI18n } from './i18n';
import { tokenStore } from './session/token-store';
import './styles.css';

const client = createPortalClient({ getToken: tokenStore.get, onUnauthorized: tokenStore.expire });
const i18n = createI18n();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App client={client} i18n={i18n} basename={import.meta.env.BASE_URL.replace(/\/$/, '')} />
  </StrictMode>,
);
