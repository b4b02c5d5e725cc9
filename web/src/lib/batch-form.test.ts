import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import type { BatchSchedule } from '../api/batches.types.ts';
import {
  batchProblemsOf,
  FETCH,
  newBatchForm,
  toBatchFormValues,
  toBatchInput,
  validateBatchForm,
} from './batch-form.ts';

const saved: BatchSchedule = {
  names: {
    template: null,
    recording: null,
    callerId: null,
    fallbackTemplate: null,
    contactType: null,
    savedQuery: null,
    recycleCode: null,
  },
  lastRun: null,
  id: 7,
  storeId: 1,
  name: 'Honda e-mail',
  recurrence: 'daily',
  channel: 'email',
  kind: 'fetch',
  contactTypeId: null,
  savedQueryId: 3,
  recycleCodeId: 4,
  templateId: 5,
  recordingId: null,
  callerIdId: null,
  purpose: 'marketing',
  language: 'any',
  prevention: 'customer',
  dayPart: 'all',
  customerType: 'non_fleet',
  dailyLimit: 2,
  daysBetween: 30,
  runDays: [5, 1, 3],
  runTime: '09:30',
  onceAt: null,
  sender: null,
  distributionUserIds: [],
  roiType: 'service',
  roiWindowDays: 30,
  holdoutPercent: 10,
  active: true,
  nextRunAt: null,
  problems: [],
  createdAt: '2026-06-15T14:00:00.000Z',
  updatedAt: '2026-06-15T14:00:00.000Z',
};

describe('batch schedule form', () => {
  it('round-trips a saved Fetch Automation schedule', () => {
    const values = toBatchFormValues(saved);
    expect(values).toMatchObject({ batchType: FETCH, savedQueryId: '3', recycleCodeId: '4', runDays: [1, 3, 5] });
    expect(validateBatchForm(values, 'email')).toEqual({});
    expect(toBatchInput(values, 'email')).toEqual({
      name: 'Honda e-mail',
      recurrence: 'daily',
      channel: 'email',
      kind: 'fetch',
      contactTypeId: null,
      savedQueryId: 3,
      recycleCodeId: 4,
      templateId: 5,
      language: 'any',
      prevention: 'customer',
      dayPart: 'all',
      customerType: 'non_fleet',
      dailyLimit: 2,
      daysBetween: 30,
      runDays: [1, 3, 5],
      runTime: '09:30',
      holdoutPercent: 10,
      roiType: 'service',
      active: true,
    });
  });

  it('sends a contact type batch without a recycle type', () => {
    const values = { ...newBatchForm(), name: ' Maint ', batchType: '12', templateId: '5', recycleCodeId: '4' };
    expect(toBatchInput(values, 'letter')).toMatchObject({
      name: 'Maint',
      kind: 'contact_type',
      contactTypeId: 12,
      savedQueryId: null,
      recycleCodeId: null,
    });
  });

  it('asks for what is missing before sending', () => {
    const errors = validateBatchForm(
      {
        ...newBatchForm(),
        batchType: FETCH,
        dailyLimit: '',
        runDays: [],
        runTime: '',
        holdoutPercent: 60,
      },
      'email',
    );
    expect(Object.keys(errors).sort()).toEqual(
      [
        'name',
        'templateId',
        'savedQueryId',
        'recycleCodeId',
        'dailyLimit',
        'runDays',
        'runTime',
        'holdoutPercent',
      ].sort(),
    );
  });

  it('asks voice drops for a recording and a caller ID, not a template', () => {
    const values = { ...newBatchForm(), name: 'Drops', batchType: FETCH, savedQueryId: '3', recycleCodeId: '4' };
    expect(validateBatchForm(values, 'voice')).toEqual({
      recordingId: 'Choose the recording the voice drop plays.',
      callerIdId: 'Choose the caller ID customers will see.',
    });
    const chosen = { ...values, recordingId: '8', callerIdId: '9', purpose: 'service' as const };
    expect(validateBatchForm(chosen, 'voice')).toEqual({});
    expect(toBatchInput(chosen, 'voice')).toMatchObject({
      channel: 'voice',
      templateId: null,
      recordingId: 8,
      callerIdId: 9,
      purpose: 'service',
    });
    // Other channels send no voice fields (the server takes the template's purpose).
    expect(toBatchInput({ ...chosen, templateId: '5' }, 'sms')).not.toHaveProperty('recordingId');
  });

  it('round-trips a saved voice drop batch', () => {
    const voice: BatchSchedule = {
      ...saved,
      channel: 'voice',
      templateId: null,
      recordingId: 8,
      callerIdId: 9,
      purpose: 'service',
    };
    const values = toBatchFormValues(voice);
    expect(values).toMatchObject({ templateId: '', recordingId: '8', callerIdId: '9', purpose: 'service' });
    expect(toBatchInput(values, 'voice')).toMatchObject({ templateId: null, recordingId: 8, callerIdId: 9 });
  });

  it('reads the problems of a refused batch', () => {
    const refused = new ApiError(422, 'batch_invalid', 'This batch cannot be saved: A. B.', {
      problems: ['A.', 'B.'],
    });
    expect(batchProblemsOf(refused)).toEqual(['A.', 'B.']);
    expect(batchProblemsOf(new ApiError(409, 'conflict', 'Name in use'))).toEqual([]);
    expect(batchProblemsOf(new Error('x'))).toEqual([]);
  });
});
