import { PASSWORD_MIN } from '../../shared/field-rules';

export type StrengthLabel = 'Too short' | 'Weak' | 'Fair' | 'Good' | 'Strong';

export interface StrengthEstimate {
  /** 0 (too short) to 4 (strong). */
  score: 0 | 1 | 2 | 3 | 4;
  label: StrengthLabel;
  /** What would make it stronger, in words; empty when there is nothing to add. */
  advice: string[];
}

const COMMON = [
  'password',
  'passw0rd',
  'qwerty',
  'letmein',
  'welcome',
  'iloveyou',
  'admin',
  'aurora',
  'monkey',
  'dragon',
  'abc123',
  '123456',
  '111111',
];
const LABELS: Record<StrengthEstimate['score'], StrengthLabel> = {
  0: 'Too short',
  1: 'Weak',
  2: 'Fair',
  3: 'Good',
  4: 'Strong',
};

function hasSequence(password: string): boolean {
  const lower = password.toLowerCase();
  for (let i = 0; i + 2 < lower.length; i += 1) {
    const a = lower.charCodeAt(i);
    const b = lower.charCodeAt(i + 1);
    const c = lower.charCodeAt(i + 2);
    if ((a === b && b === c) || (b - a === 1 && c - b === 1) || (a - b === 1 && b - c === 1))
      return true;
  }
  return false;
}

/**
 * A quick, private (nothing leaves the browser) estimate of how guessable a password is,
 * with advice a person can act on. Length counts most; variety, and avoiding what an
 * attacker tries first (common words, your own name, runs like "aaa" or "123"), next.
 */
export function estimateStrength(password: string, personal: string[] = []): StrengthEstimate {
  if (password.length < PASSWORD_MIN) {
    return { score: 0, label: LABELS[0], advice: [`Use at least ${PASSWORD_MIN} characters.`] };
  }
  const advice: string[] = [];
  let points = password.length >= 16 ? 3 : password.length >= 12 ? 2 : 1;
  if (password.length < 12) advice.push('Use 12 or more characters: length helps most.');

  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((kind) =>
    kind.test(password),
  ).length;
  if (kinds >= 3) points += 1;
  else advice.push('Mix in capitals, digits or symbols.');

  const lower = password.toLowerCase();
  if (COMMON.some((word) => lower.includes(word))) {
    points -= 2;
    advice.push('Avoid common words and patterns like “password” or “123456”.');
  }
  const mine = personal.map((part) => part.toLowerCase()).filter((part) => part.length >= 3);
  if (mine.some((part) => lower.includes(part))) {
    points -= 2;
    advice.push('Don’t use your username or email in your password.');
  }
  if (hasSequence(password)) {
    points -= 1;
    advice.push('Avoid runs like “aaa” or “abc”.');
  }

  const score = Math.min(4, Math.max(1, points)) as StrengthEstimate['score'];
  return { score, label: LABELS[score], advice };
}
