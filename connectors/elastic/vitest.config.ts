// Vitest: the shared preset (@outflow/vitest-preset) as it is.
import preset from '@outflow/vitest-preset';

export default preset;
