import type {
  AuditPageSchema,
  StaffAccountCreatedSchema,
  StaffAccountDisabledSchema,
  StaffAccountListSchema,
  StaffLoginResponseSchema,
  StaffMeSchema,
  StaffRecoveryCodesSchema,
  StaffRole,
  StaffSetupResponseSchema,
} from '@mimamoru/contracts';
import type { Locale } from '@mimamoru/core';
import type { z } from 'zod';
import { request } from '../lib/api.js';

// Types come from the contracts; the schemas stay out of the bundle (no zod at run time).
export type StaffSetupResponse = z.infer<typeof StaffSetupResponseSchema>;
export type StaffRecoveryCodes = z.infer<typeof StaffRecoveryCodesSchema>;
export type StaffLoginResponse = z.infer<typeof StaffLoginResponseSchema>;
export type StaffMe = z.infer<typeof StaffMeSchema>;
export type StaffAccountList = z.infer<typeof StaffAccountListSchema>;
export type StaffAccountSummary = StaffAccountList['accounts'][number];
export type StaffAccountCreated = z.infer<typeof StaffAccountCreatedSchema>;
export type StaffAccountDisabled = z.infer<typeof StaffAccountDisabledSchema>;
export type AuditPage = z.infer<typeof AuditPageSchema>;

const json = (body: unknown, csrf?: string): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', ...(csrf ? { 'x-csrf-token': csrf } : {}) },
  body: JSON.stringify(body),
});

export function beginSetup(
  body: { token: string; password: string; displayName?: string },
  locale: Locale,
): Promise<StaffSetupResponse> {
  return request('/api/staff/setup', locale, json(body));
}

export function confirmTotp(
  body: { token: string; code: string },
  locale: Locale,
): Promise<StaffRecoveryCodes> {
  return request('/api/staff/setup/totp', locale, json(body));
}

export function loginStaff(
  body: { email: string; password: string; code?: string; recoveryCode?: string },
  locale: Locale,
): Promise<StaffLoginResponse> {
  return request('/api/staff/login', locale, json(body));
}

export function logoutStaff(csrf: string, locale: Locale): Promise<void> {
  return request('/api/staff/logout', locale, json({}, csrf));
}

export function fetchMe(locale: Locale, signal?: AbortSignal): Promise<StaffMe> {
  return request('/api/staff/me', locale, {}, signal);
}

export function fetchAccounts(locale: Locale, signal?: AbortSignal): Promise<StaffAccountList> {
  return request('/api/staff/accounts', locale, {}, signal);
}

export function createAccount(
  body: { email: string; role: StaffRole; displayName: string; teamId?: string },
  csrf: string,
  locale: Locale,
): Promise<StaffAccountCreated> {
  return request('/api/staff/accounts', locale, json(body, csrf));
}

export function disableAccount(id: string, csrf: string, locale: Locale): Promise<StaffAccountDisabled> {
  return request(`/api/staff/accounts/${encodeURIComponent(id)}/disable`, locale, json({}, csrf));
}

export interface AuditFilters {
  readonly actor?: string;
  readonly action?: string;
  readonly from?: string;
  readonly to?: string;
  readonly page?: number;
}

export function auditQuery(filters: AuditFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined && value !== '' && !(key === 'page' && value === 1))
      params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function fetchAudit(filters: AuditFilters, locale: Locale, signal?: AbortSignal): Promise<AuditPage> {
  return request(`/api/staff/audit${auditQuery(filters)}`, locale, {}, signal);
}
