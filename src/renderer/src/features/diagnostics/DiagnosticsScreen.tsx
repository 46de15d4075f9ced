import type { JSX } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api, toIpcError, unwrap } from '@renderer/bridge';
import { ErrorNotice } from '@renderer/ui/ErrorNotice';
import { Loading } from '@renderer/ui/Loading';
import { ScreenHeader } from '@renderer/ui/ScreenHeader';
import { DeclarationReceiptsPanel } from './DeclarationReceiptsPanel';
import { FraudHeadersPanel } from './FraudHeadersPanel';
import { LogIntegrityPanel } from '../sync/LogIntegrityPanel';

export function DiagnosticsScreen(): JSX.Element {
  const info = useQuery({ queryKey: ['app.info'], queryFn: () => unwrap(api.app.info()) });
  const diagnostics = useQuery({
    queryKey: ['app.diagnostics'],
    queryFn: () => unwrap(api.app.diagnostics()),
  });

  return (
    <section aria-labelledby="diagnostics-versions">
      <ScreenHeader title="Diagnostics">
        What Ledgerlink knows about itself. Share this page with support if something goes wrong.
      </ScreenHeader>

      {info.isPending || diagnostics.isPending ? (
        <Loading label="Reading the app's settings…" />
      ) : null}
      {info.error ? <ErrorNotice error={toIpcError(info.error)} /> : null}
      {diagnostics.error ? <ErrorNotice error={toIpcError(diagnostics.error)} /> : null}

      {info.data && diagnostics.data ? (
        <>
          <h2 id="diagnostics-versions">This copy of Ledgerlink</h2>
          <dl className="facts">
            <dt>Version</dt>
            <dd data-testid="app-version">{info.data.version}</dd>
            <dt>Environment</dt>
            <dd>{info.data.environment}</dd>
            <dt>Platform</dt>
            <dd>{info.data.platform}</dd>
            <dt>Running in</dt>
            <dd>
              {info.data.host === 'electron'
                ? 'the desktop app'
                : 'your web browser (browser mode)'}
            </dd>
            {diagnostics.data.versions.slice(1).map((v) => (
              <div key={v.name} className="facts-row">
                <dt>{v.name}</dt>
                <dd>{v.version}</dd>
              </div>
            ))}
            <dt>Data folder</dt>
            <dd className="mono">{diagnostics.data.dataFolder}</dd>
          </dl>

          <h2 id="diagnostics-security">Security settings</h2>
          <table className="table" aria-labelledby="diagnostics-security">
            <thead>
              <tr>
                <th scope="col">Protection</th>
                <th scope="col">Status</th>
                <th scope="col">Detail</th>
              </tr>
            </thead>
            <tbody>
              {diagnostics.data.security.map((c) => (
                <tr key={c.id} data-check={c.id}>
                  <th scope="row">{c.label}</th>
                  <td>
                    <span className={c.ok ? 'badge badge-ok' : 'badge badge-bad'}>
                      {c.ok ? 'OK' : 'Check'}
                    </span>
                  </td>
                  <td className="detail">{c.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>

          <h2 id="diagnostics-links">Pages Ledgerlink may open in your browser</h2>
          <ul className="plain-list" aria-labelledby="diagnostics-links">
            {diagnostics.data.openExternalAllowList.map((o) => (
              <li key={o} className="mono">
                {o}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <FraudHeadersPanel />
      <LogIntegrityPanel />
      <DeclarationReceiptsPanel />
    </section>
  );
}
