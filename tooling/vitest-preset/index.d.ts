// Types of the shared vitest preset (index.js).
import type { ViteUserConfig } from 'vitest/config';

export declare const networkGuardSetup: string;
declare const preset: ViteUserConfig;
export default preset;
