import { loadParser } from './parser';

// Tests run with the scenario parser at hand, as the page has it from just after its first
// paint (./parser.ts), so an edit in a test is validated synchronously.
await loadParser();
