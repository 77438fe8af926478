// The preset's own tests run with the preset.
export { default } from './index.js';
