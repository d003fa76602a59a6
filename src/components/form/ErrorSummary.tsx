import type { Ref } from 'preact';
import './ErrorSummary.css';

export interface ErrorSummaryItem {
  /** The id of the control to go to: an input, or the first choice of a group. */
  id: string;
  message: string;
}

export interface ErrorSummaryProps {
  /** The id of the summary's heading, which names it. */
  id: string;
  title: string;
  errors: readonly ErrorSummaryItem[];
  /** The form moves focus here after a failed submit, so the problems are read out first. */
  focusRef?: Ref<HTMLDivElement>;
}

/**
 * The problems with a form, listed at its top, each a link to its field. An alert, so it is
 * announced when it appears; it takes focus from the form after a failed submit.
 */
export function ErrorSummary(props: ErrorSummaryProps) {
  return (
    <div
      class="rf-error-summary"
      ref={props.focusRef}
      tabIndex={-1}
      role="alert"
      aria-labelledby={props.id}
    >
      <h3 class="rf-error-summary__title" id={props.id}>
        {props.title}
      </h3>
      <ul>
        {props.errors.map((error) => (
          <li key={`${error.id} ${error.message}`}>
            <a
              href={`#${error.id}`}
              onClick={(event) => {
                // Focus, not just scroll: the field is where the person types the answer.
                event.preventDefault();
                document.getElementById(error.id)?.focus();
              }}
            >
              {error.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
