import { expect, test } from 'vitest';
import { PASSWORD_MIN } from '../../shared/field-rules';
import { estimateStrength } from './estimate-strength';

const LENGTH_ADVICE = 'Use 12 or more characters: length helps most.';
const VARIETY_ADVICE = 'Mix in capitals, digits or symbols.';
const COMMON_ADVICE = 'Avoid common words and patterns like “password” or “123456”.';
const PERSONAL_ADVICE = 'Don’t use your username or email in your password.';
const RUN_ADVICE = 'Avoid runs like “aaa” or “abc”.';

test('a password shorter than the minimum is "Too short" and says how long to make it', () => {
  expect(estimateStrength('x'.repeat(PASSWORD_MIN - 1))).toEqual({
    score: 0,
    label: 'Too short',
    advice: [`Use at least ${PASSWORD_MIN} characters.`],
  });
  expect(estimateStrength('')).toMatchObject({ score: 0, label: 'Too short' });
});

test('the minimum length is no longer too short', () => {
  expect(estimateStrength('x'.repeat(PASSWORD_MIN)).label).not.toBe('Too short');
});

test('a common password is "Weak", whatever else it has', () => {
  expect(estimateStrength('password123')).toEqual({
    score: 1,
    label: 'Weak',
    advice: [LENGTH_ADVICE, VARIETY_ADVICE, COMMON_ADVICE, RUN_ADVICE],
  });
  // Long and varied does not save a password built on a word attackers try first.
  const padded = estimateStrength('MyQwertyKeyboard!7');
  expect(padded.advice).toContain(COMMON_ADVICE);
  expect(padded.label).toBe('Fair');
});

test('common words are found whatever their case', () => {
  expect(estimateStrength('LetMeIn-Now-9').advice).toContain(COMMON_ADVICE);
});

test('a password that uses the username or email is marked down and told why', () => {
  const alone = estimateStrength('Grace-Hopper-1906!');
  expect(alone).toEqual({ score: 4, label: 'Strong', advice: [] });

  const withName = estimateStrength('Grace-Hopper-1906!', ['grace', 'g.hopper@example.com']);
  expect(withName.label).toBe('Fair');
  expect(withName.advice).toEqual([PERSONAL_ADVICE]);

  const withEmail = estimateStrength('ME:g.hopper@example.com', ['gh', 'g.hopper@example.com']);
  expect(withEmail.advice).toContain(PERSONAL_ADVICE);
});

test('personal details shorter than 3 characters, or empty, are not held against it', () => {
  expect(estimateStrength('Grace-Hopper-1906!', ['gr', '', 'GR'])).toEqual({
    score: 4,
    label: 'Strong',
    advice: [],
  });
});

test('a long password mixing kinds of characters is "Strong" with no advice', () => {
  expect(estimateStrength('Tulip-Orbit-Canoe-58')).toEqual({
    score: 4,
    label: 'Strong',
    advice: [],
  });
});

test('length alone rates better than a short varied password', () => {
  const longPlain = estimateStrength('tulip orbit canoe lamp');
  expect(longPlain.label).toBe('Good');
  expect(longPlain.advice).toEqual([VARIETY_ADVICE]);

  const shortVaried = estimateStrength('Tu7!pOrb');
  expect(shortVaried.label).toBe('Fair');
  expect(shortVaried.advice).toEqual([LENGTH_ADVICE]);
});

test('runs of the same or consecutive characters are pointed out', () => {
  expect(estimateStrength('Tulip-Orbit-zzz-58').advice).toEqual([RUN_ADVICE]);
  expect(estimateStrength('Tulip-Orbit-xyz-58').advice).toEqual([RUN_ADVICE]);
  expect(estimateStrength('Tulip-Orbit-987-xq').advice).toEqual([RUN_ADVICE]);
  expect(estimateStrength('Tulip-Orbit-Canoe-58').advice).not.toContain(RUN_ADVICE);
});

test('the score never drops below "Weak" once the length is allowed', () => {
  const worst = estimateStrength('password', ['password']);
  expect(worst.score).toBe(1);
  expect(worst.label).toBe('Weak');
  expect(worst.advice).toEqual([LENGTH_ADVICE, VARIETY_ADVICE, COMMON_ADVICE, PERSONAL_ADVICE]);
});

test('every piece of advice is a full sentence a person can act on', () => {
  const samples = ['short', 'password123', 'aaaaaaaaa', 'Grace-Hopper-1906!'];
  for (const sample of samples) {
    for (const tip of estimateStrength(sample, ['grace']).advice) {
      expect(tip).toMatch(/^[A-Z].*[.]$/);
    }
  }
});
