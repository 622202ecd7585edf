/** The sidebar's panels, in tab order. A new panel is one module and one line here. */
import type { Panel } from '../app';
import { healthPanel } from './health';
import { overviewPanel } from './overview';
import { setupPanel } from './setup';
import { surveysPanel } from './surveys';

export const PANELS: readonly Panel[] = [overviewPanel, surveysPanel, healthPanel, setupPanel];
