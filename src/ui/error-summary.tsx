import type { Ref } from 'react';

export interface SummaryItem {
  fieldId: string;
  message: string;
}

interface ErrorSummaryProps {
  items: SummaryItem[];
  ref?: Ref<HTMLDivElement>;
}

/**
 * After a submit with several invalid fields: what is wrong, each a link that moves
 * focus to its field. It receives focus itself, so the first thing heard is the list.
 */
export function ErrorSummary({ items, ref }: ErrorSummaryProps) {
  return (
    <div
      className="alert alert-error error-summary"
      role="alert"
      tabIndex={-1}
      ref={ref}
      aria-labelledby="error-summary-title"
    >
      <p id="error-summary-title" className="error-summary-title">
        {items.length === 1
          ? 'There is a problem with 1 field:'
          : `There are problems with ${items.length} fields:`}
      </p>
      <ul>
        {items.map((item) => (
          <li key={item.fieldId}>
            <a
              href={`#${item.fieldId}`}
              onClick={(event) => {
                event.preventDefault();
                document.getElementById(item.fieldId)?.focus();
              }}
            >
              {item.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
