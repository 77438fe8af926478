// The window of GET /log-streams/{id}/stats in minutes: its default and allowed range, shared by the route and the CLI.
export const STATS_MINUTES = { default: 60, min: 1, max: 1440 } as const;
