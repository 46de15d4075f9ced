import type { JSX } from 'react';
import { useHashRoute } from '@renderer/app/use-hash-route';
import { toIpcError } from '@renderer/bridge';
import { ErrorNotice } from '@renderer/ui/ErrorNotice';
import { Loading } from '@renderer/ui/Loading';
import { ScreenHeader } from '@renderer/ui/ScreenHeader';
import { AccountsPanel } from './AccountsPanel';
import { LinkProgress } from './LinkProgress';
import { StartLinkForm } from './StartLinkForm';
import { useAccounts, useCurrentFlow } from './use-link';

function LinkPanel(): JSX.Element {
  const flow = useCurrentFlow();
  if (flow.isPending) return <Loading label="Checking for a link in progress…" />;
  if (flow.error) return <ErrorNotice error={toIpcError(flow.error)} />;
  if (!flow.data || flow.data.phase === 'cancelled') {
    const lateGrant = flow.data?.refusal;
    return (
      <StartLinkForm
        {...(flow.data ? { notice: 'Linking cancelled. Nothing was saved.' } : {})}
        {...(lateGrant ? { lateGrant } : {})}
      />
    );
  }
  return <LinkProgress flow={flow.data} />;
}

/** The "Link to HMRC" section: the linking steps (#/link) and the scope status (#/link/status). */
export function LinkScreen(): JSX.Element {
  const { rest } = useHashRoute();
  const accounts = useAccounts();
  const onStatus = rest === 'status';
  const count = accounts.data?.accounts.length;
  return (
    <section>
      <ScreenHeader title="Link to HMRC">
        Give Ledgerlink authority to deal with HMRC for you, and see what each linked account may
        do.
      </ScreenHeader>
      <nav className="subnav" aria-label="Link to HMRC">
        <a href="#/link" aria-current={onStatus ? undefined : 'page'}>
          Link an account
        </a>
        <a href="#/link/status" aria-current={onStatus ? 'page' : undefined}>
          Linked accounts{count !== undefined ? ` (${count})` : ''}
        </a>
      </nav>
      {onStatus ? <AccountsPanel /> : <LinkPanel />}
    </section>
  );
}
