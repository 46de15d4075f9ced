import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from './app/App';
import { RootErrorBoundary } from './app/RootErrorBoundary';
import './styles/theme.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/hmrc.css';
import './styles/link.css';
import './styles/profiles.css';
import './styles/agents.css';
import './styles/records-list.css';
import './styles/records-entry.css';
import './styles/records-import.css';
import './styles/records-rules.css';
import './styles/records-totals.css';
import './styles/records-export.css';
import './styles/review.css';
import './styles/year-end.css';
import './styles/year-end-declare.css';
import './styles/year-end-losses.css';
import './styles/home.css';

const queryClient = new QueryClient({
  defaultOptions: {
    // Data comes from the local main process: no background refetch storms, no retries that
    // would hide a typed error from the person.
    queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 },
    mutations: { retry: false },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <RootErrorBoundary>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </RootErrorBoundary>
  </StrictMode>,
);
