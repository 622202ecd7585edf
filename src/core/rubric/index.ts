/** The rubric: definition (data), scoring, reading a filled rubric, registers and suggestions. */
export * from './definition';
export * from './engine';
export * from './input';
export * from './registers';
export * from './suggestions';
