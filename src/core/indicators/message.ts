/** Moved to core/text/message.ts (messages are not an indicators concern); kept so older imports still resolve. */
export * from '../text/message';
