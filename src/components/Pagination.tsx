import type { Translate } from './types.ts';
import type { MessageKey } from '../i18n/message-keys.ts';
import './Pagination.css';

export const PAGINATION_KEYS = [
  'pagination.label',
  'pagination.previous',
  'pagination.status',
  'pagination.next',
] as const;

export interface PaginationProps {
  current: number;
  last: number;
  t: Translate<MessageKey<typeof PAGINATION_KEYS>>;
  /**
   * The address of another page: the way there is a link (rel prev and next), which works
   * without JavaScript. Without it the pages are buttons, for views whose address is not theirs.
   */
  href?: ((page: number) => string | undefined) | undefined;
  /** Goes to another page in place; a link's own address is then not followed. */
  onPage?: ((page: number) => void) | undefined;
}

/** Previous, "Page 2 of 9", next: nothing when everything fits on one page. */
export function Pagination({ current, last, t, href, onPage }: PaginationProps) {
  if (last <= 1) return null;
  const step = (page: number, rel: 'prev' | 'next', text: string) => {
    const url = href?.(page);
    if (href) {
      if (!url) return null;
      return (
        <a
          class="rf-pagination__link"
          href={url}
          rel={rel}
          onClick={
            onPage &&
            ((event: MouseEvent) => {
              event.preventDefault();
              onPage(page);
            })
          }
        >
          {text}
        </a>
      );
    }
    return (
      <button type="button" class="rf-link-button" onClick={() => onPage?.(page)}>
        {text}
      </button>
    );
  };
  return (
    <nav class="rf-pagination" aria-label={t('pagination.label')}>
      {current > 1 && step(current - 1, 'prev', t('pagination.previous'))}
      <span>{t('pagination.status', { current, last })}</span>
      {current < last && step(current + 1, 'next', t('pagination.next'))}
    </nav>
  );
}
