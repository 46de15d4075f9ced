import type { Profile } from '../profiles/profile-record';

/** Sorts after every real date: a client with nothing open at HMRC (or never checked) goes last. */
const NO_DEADLINE = '9999-12-31';

/**
 * The order a run over many clients sends in: the client whose next HMRC deadline is nearest
 * first, so when HMRC's rate limit or a cancel cuts a long run short, what is left is what can
 * wait longest. Ties (and clients with no known deadline) keep the order they were given in.
 * The deadline is HMRC's own due date as kept at the last check (reference §5.2).
 */
export function byNearestDeadline(
  profileIds: readonly string[],
  profileOf: (profileId: string) => Pick<Profile, 'hmrc'> | undefined,
): string[] {
  return profileIds
    .map((id, index) => ({
      id,
      index,
      due: profileOf(id)?.hmrc.nextDue?.dueDate ?? NO_DEADLINE,
    }))
    .sort((a, b) => a.due.localeCompare(b.due) || a.index - b.index)
    .map((entry) => entry.id);
}
