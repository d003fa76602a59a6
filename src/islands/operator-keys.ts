import { PAGINATION_KEYS } from '../components/Pagination.tsx';
import { PHONE_LINK_KEYS } from '../components/PhoneLink.tsx';
import { FACET_FILTERS_KEYS } from './FacetFilters.tsx';
import { QUICK_FILTERS_KEYS } from './QuickFilters.tsx';

/**
 * The messages the operator island is given (Operator.tsx's own, then its components'). Kept
 * out of Operator.tsx: an island's module is a script entry, whose exports all reach the browser.
 */
export const OPERATOR_KEYS = [
  'finder.ui.formLabel',
  'operator.callerLanguage',
  'operator.searchLabel',
  'finder.ui.nearLabel',
  'finder.ui.nearHint',
  'finder.ui.moreFilters',
  'finder.ui.loading',
  'finder.ui.loadFailed',
  'finder.ui.count',
  'finder.ui.range',
  'operator.copyView',
  'operator.copiedView',
  'finder.resultsTitle',
  'operator.place',
  'operator.phone',
  'operator.where',
  'operator.actions',
  'operator.copyLink',
  'operator.copiedLink',
  'operator.copyText',
  'operator.copiedText',
  'operator.callback',
  PAGINATION_KEYS,
  PHONE_LINK_KEYS,
  QUICK_FILTERS_KEYS,
  FACET_FILTERS_KEYS,
] as const;
