// @ts-check
/**
 * CSS checks: the standard rules, logical properties everywhere (right-to-left pages need no
 * second stylesheet), and the project's own names (rf- prefix, BEM).
 * @type {import('stylelint').Config}
 */
export default {
  extends: ['stylelint-config-standard'],
  plugins: ['stylelint-use-logical'],
  rules: {
    // overflow-inline and overflow-block are not in every browser the site serves yet.
    'csstools/use-logical': ['always', { except: [/^overflow-[xy]$/] }],
    // rf-block, rf-block__element, rf-block--modifier.
    'selector-class-pattern': [
      '^rf-[a-z0-9]+(-[a-z0-9]+)*(__[a-z0-9]+(-[a-z0-9]+)*)?(--[a-z0-9]+(-[a-z0-9]+)*)?$',
      { message: 'Expected an rf- BEM class name (rf-block__element--modifier)' },
    ],
    'custom-property-pattern': [
      '^rf-[a-z0-9-]+$',
      { message: 'Expected an --rf- custom property' },
    ],
    // Scripts select data-* hooks and styles select classes: no ID selectors.
    'selector-max-id': 0,
    // min-width queries, not range syntax: older phones (Safari before 16.4) ignore ranges.
    'media-feature-range-notation': 'prefix',
  },
};
