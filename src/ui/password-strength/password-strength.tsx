import { estimateStrength } from './estimate-strength';

interface PasswordStrengthProps {
  password: string;
  /** The user's own details, which make a password easy to guess. */
  personal: string[];
}

/** A strength meter that says, in words, how to do better. Loaded only where needed. */
export default function PasswordStrength({ password, personal }: PasswordStrengthProps) {
  const { score, label, advice } = estimateStrength(password, personal);
  return (
    <div className="strength" data-score={score}>
      <div className="strength-bar" aria-hidden="true">
        {[1, 2, 3, 4].map((step) => (
          <span
            key={step}
            className={step <= score ? 'strength-step strength-step-on' : 'strength-step'}
          />
        ))}
      </div>
      <p className="strength-label" aria-live="polite">
        Password strength: {label}
      </p>
      {advice.length > 0 ? (
        <ul className="strength-advice">
          {advice.map((tip) => (
            <li key={tip}>{tip}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
