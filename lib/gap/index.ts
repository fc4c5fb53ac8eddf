/**
 * GapLens metrics (DESIGN.md §4): pure functions over self-assessments and CSAT ratings, with no
 * browser APIs and no database. `computeGapReport` computes everything from raw records; the
 * aggregate functions keep the same numbers incrementally for large histories.
 */
export * from './aggregate';
export * from './attribution';
export * from './blind-spots';
export * from './calendar';
export * from './calibration';
export * from './coverage';
export * from './match';
export * from './personal-gap';
export * from './report';
export * from './series';
export * from './standards-score';
export * from './summary';
export * from './t-distribution';
export * from './ticket-gap';
