// Fixed timestamps keep every listing deterministic across runs.
export const CREATED = '2024-03-14T09:26:53Z';
export const UPDATED = '2025-01-20T16:02:11Z';
