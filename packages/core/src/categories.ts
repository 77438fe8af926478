// Maps an event type code to its stream filter category; unknown codes fall in `other`.
import { CODE_TO_CATEGORY } from './category-table.js';
import { CATEGORIES, type Category } from './types.js';

export { CATALOG_CODE_COUNT, CODE_TO_CATEGORY, LEGACY_CODES } from './category-table.js';

const categorySet: ReadonlySet<string> = new Set(CATEGORIES);

export function categoryOf(type: string): Category {
  return Object.hasOwn(CODE_TO_CATEGORY, type) ? (CODE_TO_CATEGORY[type] as Category) : 'other';
}

export function isCategory(name: string): name is Category {
  return categorySet.has(name);
}

/** The known codes of one category (unknown codes also belong to `other`). */
export function codesOf(category: Category): string[] {
  return Object.keys(CODE_TO_CATEGORY).filter((code) => CODE_TO_CATEGORY[code] === category);
}
