import * as z from 'zod/mini';

/**
 * Unsaved profile edits kept across an expired session, so logging back in restores
 * them. Only for the account they belong to, only in this tab (sessionStorage), never a
 * password, and gone once used or when a session ends any other way.
 */
const DRAFT_KEY = 'aurora.profile-draft';

const draftSchema = z.object({ account: z.string(), username: z.string(), email: z.string() });

export interface ProfileDraft {
  username: string;
  email: string;
}

export function keepProfileDraft(account: string, draft: ProfileDraft): void {
  try {
    sessionStorage.setItem(
      DRAFT_KEY,
      JSON.stringify({ account, username: draft.username, email: draft.email }),
    );
  } catch {
    // Without storage the edits are lost, as they would be without this feature.
  }
}

/** The draft for this account; null when there is none (or it is another account's). */
export function readProfileDraft(account: string): ProfileDraft | null {
  try {
    const stored = sessionStorage.getItem(DRAFT_KEY);
    if (stored === null) return null;
    const parsed = draftSchema.safeParse(JSON.parse(stored));
    if (!parsed.success || parsed.data.account !== account) return null;
    return { username: parsed.data.username, email: parsed.data.email };
  } catch {
    return null;
  }
}

export function discardProfileDraft(): void {
  try {
    sessionStorage.removeItem(DRAFT_KEY);
  } catch {
    // Nothing stored, nothing to discard.
  }
}
