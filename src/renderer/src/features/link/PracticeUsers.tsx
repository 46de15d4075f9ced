import type { JSX } from 'react';
import type { LinkOptions } from '@shared/ipc/channels/auth';

/** Practice HMRC's test users, so a person can try linking without an HMRC account. */
export function PracticeUsers({
  users,
}: {
  users: LinkOptions['practiceUsers'];
}): JSX.Element | null {
  if (users.length === 0) return null;
  return (
    <details className="link-practice-users">
      <summary>Practice test users you can sign in with</summary>
      <p className="hint">
        Practice HMRC runs on this computer. Its pages show the access code and the answers to the
        identity questions.
      </p>
      <table className="table">
        <caption className="visually-hidden">Practice test users</caption>
        <thead>
          <tr>
            <th scope="col">User ID</th>
            <th scope="col">Password</th>
            <th scope="col">Type</th>
            <th scope="col">Name</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.userId}>
              <td className="mono link-nowrap">{u.userId}</td>
              <td className="mono link-nowrap">{u.password}</td>
              <td>{u.kind === 'agent' ? 'Agent' : 'Individual'}</td>
              <th scope="row">
                {u.name}
                <span className="detail link-block">{u.description}</span>
              </th>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
