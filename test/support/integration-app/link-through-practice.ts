import type { MainServices } from '../../../src/main/create-main-services';
import { walkPracticeJourney } from '../practice-journey';
import { dispatchAs } from '../dispatch-as';

/**
 * Links an HMRC account through the app's own flow: start a link on the custom-scheme
 * transport, walk Practice HMRC's pages over HTTP as the person would (sign in, 2SV, grant), then
 * hand the redirect to the app as the OS does. Returns the linked account's id.
 */
export async function linkThroughPractice(
  app: { services: MainServices; opened: string[] },
  user: { userId: string; password: string },
  kind: 'individual' | 'agent',
  relinkAccountId?: string,
): Promise<string> {
  await dispatchAs(app.services.ipc).ok('auth.startLink', {
    accountKind: kind,
    transport: 'custom-scheme',
    ...(relinkAccountId ? { relinkAccountId } : {}),
  });
  const authorizeUrl = app.opened.at(-1);
  if (!authorizeUrl) throw new Error('The app opened no authorize URL');
  const journey = await walkPracticeJourney(authorizeUrl, { ...user, decision: 'grant' });
  app.services.deepLinks.receive(journey.location!, 'open-url');
  const done = await app.services.link.settled();
  if (!done?.account) throw new Error(`Linking failed: ${JSON.stringify(done?.error ?? done)}`);
  return done.account.id;
}
