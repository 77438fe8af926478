// Shapes of the management API answers the dashboard reads, declared once in @outflow/api-types (types only: nothing lands in the bundle).
export type * from '@outflow/api-types';
