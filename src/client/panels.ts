/** The sidebar's panels, in tab order. A new panel is one module and one line here. */
import type { Panel } from './app';
import { burnoutPanel } from './panel-burnout';
import { healthPanel } from './panel-health';
import { indicatorsPanel } from './panel-indicators';
import { mailPanel } from './panel-mail';
import { overviewPanel } from './panel-overview';
import { resultsPanel } from './panel-results';
import { rubricPanel } from './panel-rubric';
import { setupPanel } from './panel-setup';
import { surveysPanel } from './panel-surveys';

export const PANELS: readonly Panel[] = [overviewPanel, resultsPanel, rubricPanel, indicatorsPanel, burnoutPanel, surveysPanel, healthPanel, mailPanel, setupPanel];
