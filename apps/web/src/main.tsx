import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { createGraphUiStore } from './state/store.js';
import { GraphUiProvider } from './state/store-context.js';
import { fromSearchParams } from './state/url-state.js';
import './styles.css';

const queryClient = new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false } } });
// A deep link opens the view it names: the store starts from the URL.
const store = createGraphUiStore(fromSearchParams(new URLSearchParams(window.location.search)));

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <GraphUiProvider store={store}>
        <App />
      </GraphUiProvider>
    </QueryClientProvider>
  </StrictMode>,
);
