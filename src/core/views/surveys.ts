/** A registered survey form as the sidebar lists it: the registry record without its item map. */
import { FormRecord } from '../workbook/registry';

export interface SurveyFormInfo {
  formId: string;
  instrument: string;
  version: string;
  status: FormRecord['status'];
  responseSheetName: string;
  editUrl: string;
  publishedUrl: string;
  /** ISO date and time. */
  createdAt: string;
}

export function surveyFormInfo(record: FormRecord): SurveyFormInfo {
  const { formId, instrument, version, status, responseSheetName, editUrl, publishedUrl, createdAt } = record;
  return { formId, instrument, version, status, responseSheetName, editUrl, publishedUrl, createdAt };
}

/** How far a recalculation got; `done: false` means it continues on the next call. */
export interface RecalculationProgress {
  done: boolean;
  /** Responses processed so far in this recalculation. */
  processed: number;
  incomplete: number;
}
