/**
 * The catalogue editor's draft of a service (服务清单条目): from a view, checked with the server's limits
 * (SERVICE_LIMITS) and kind rules, and turned into the request body. Pure: no Taro, no React.
 */
import {
  EligibilityMode,
  ProviderKind,
  SERVICE_LIMITS,
  ServiceKind,
  type CreateServiceBody,
  type ResidentTag,
  type ServiceOfferingView,
} from '@gezhi/shared';
import { charCount } from '../../../utils/format';
import { fieldMapper } from './form-errors';

const L = SERVICE_LIMITS;

export interface ServiceDraft {
  name: string;
  kind: ServiceKind | '';
  description: string;
  /** as typed */
  durationMinutes: string;
  providerKind: ProviderKind | '';
  providerName: string;
  /** VOLUNTEER_TEAM / PARTNER_ORG: the staff member who works the visits (null: nobody yet) */
  coordinatorUserId: number | null;
  eligibilityMode: EligibilityMode;
  tags: ResidentTag[];
  /** PROXY */
  requiredDocuments: string[];
  /** BUNDLE */
  bundleServiceIds: number[];
}

export type ServiceField = Exclude<keyof ServiceDraft, 'coordinatorUserId'> | 'coordinator';
export type ServiceErrors = Partial<Record<ServiceField, string>>;

/** the provider name a grid-staff service starts with (as in the demo catalogue) */
export const GRID_STAFF_PROVIDER_NAME = '所在网格网格员';

export function emptyDraft(): ServiceDraft {
  return {
    name: '',
    kind: '',
    description: '',
    durationMinutes: '60',
    providerKind: '',
    providerName: '',
    coordinatorUserId: null,
    eligibilityMode: EligibilityMode.All,
    tags: [],
    requiredDocuments: [],
    bundleServiceIds: [],
  };
}

export function draftOf(view: ServiceOfferingView): ServiceDraft {
  return {
    name: view.name,
    kind: view.kind,
    description: view.description,
    durationMinutes: String(view.durationMinutes),
    providerKind: view.provider.kind,
    providerName: view.provider.name,
    coordinatorUserId: view.provider.coordinatorUserId ?? null,
    eligibilityMode: view.eligibility.mode,
    tags: [...view.eligibility.tags],
    requiredDocuments: [...view.requiredDocuments],
    bundleServiceIds: [...view.bundleServiceIds],
  };
}

/** Whether a provider kind has a coordinator (the grid leader of the resident's grid serves GRID_STAFF services). */
export function hasCoordinator(kind: ProviderKind | ''): boolean {
  return kind === ProviderKind.VolunteerTeam || kind === ProviderKind.PartnerOrg;
}

/** A document name to add to the list, or why not. */
export function documentProblem(name: string, current: readonly string[]): string | null {
  const text = name.trim();
  if (!text) return '请填写材料名称';
  if (charCount(text) > L.documentNameMax) return `材料名称不能超过 ${L.documentNameMax} 个字`;
  if (current.includes(text)) return '该材料已在清单中';
  if (current.length >= L.documentsMax) return `最多 ${L.documentsMax} 项材料`;
  return null;
}

export function validateServiceDraft(draft: ServiceDraft): ServiceErrors {
  const errors: ServiceErrors = {};
  const name = charCount(draft.name.trim());
  if (name === 0) errors.name = '请填写服务名称';
  else if (name > L.nameMax) errors.name = `服务名称不能超过 ${L.nameMax} 个字`;
  if (!draft.kind) errors.kind = '请选择服务方式';
  if (charCount(draft.description.trim()) > L.descriptionMax) errors.description = `服务说明不能超过 ${L.descriptionMax} 个字`;
  const duration = Number(draft.durationMinutes);
  if (!/^\d+$/.test(draft.durationMinutes.trim()) || duration < L.durationMinutesMin || duration > L.durationMinutesMax) {
    errors.durationMinutes = `请填写 ${L.durationMinutesMin}–${L.durationMinutesMax} 之间的分钟数`;
  }
  if (!draft.providerKind) errors.providerKind = '请选择服务提供方';
  const providerName = charCount(draft.providerName.trim());
  if (providerName === 0) errors.providerName = '请填写提供方名称';
  else if (providerName > L.providerNameMax) errors.providerName = `提供方名称不能超过 ${L.providerNameMax} 个字`;
  if (draft.eligibilityMode !== EligibilityMode.All && draft.tags.length === 0) errors.tags = '请至少选择一类居民';
  if (draft.kind === ServiceKind.Proxy && draft.requiredDocuments.length === 0) errors.requiredDocuments = '代办服务请列出居民需提供的材料';
  if (draft.kind === ServiceKind.Bundle) {
    const count = draft.bundleServiceIds.length;
    if (count < L.bundleComponentsMin || count > L.bundleComponentsMax) {
      errors.bundleServiceIds = `请选择 ${L.bundleComponentsMin}–${L.bundleComponentsMax} 项组合服务`;
    }
  }
  return errors;
}

/**
 * The body of POST /api/services (and of PUT with `version`): documents only for PROXY and components only for
 * BUNDLE — an empty list clears them when the kind changed; tags are dropped for ALL.
 */
export function serviceBody(draft: ServiceDraft): CreateServiceBody {
  const providerKind = draft.providerKind as ProviderKind;
  return {
    name: draft.name.trim(),
    kind: draft.kind as ServiceKind,
    description: draft.description.trim(),
    durationMinutes: Number(draft.durationMinutes),
    provider: {
      kind: providerKind,
      name: draft.providerName.trim(),
      coordinatorUserId: hasCoordinator(providerKind) ? draft.coordinatorUserId : null,
    },
    eligibility: { mode: draft.eligibilityMode, tags: draft.eligibilityMode === EligibilityMode.All ? [] : [...draft.tags] },
    requiredDocuments: draft.kind === ServiceKind.Proxy ? [...draft.requiredDocuments] : [],
    bundleServiceIds: draft.kind === ServiceKind.Bundle ? [...draft.bundleServiceIds] : [],
  };
}

/** Server field paths → the editor's fields. */
export const serviceFieldOf = fieldMapper<ServiceField>({
  name: 'name',
  kind: 'kind',
  description: 'description',
  durationMinutes: 'durationMinutes',
  provider: 'providerKind',
  'provider.kind': 'providerKind',
  'provider.name': 'providerName',
  'provider.coordinatorUserId': 'coordinator',
  eligibility: 'eligibilityMode',
  'eligibility.mode': 'eligibilityMode',
  'eligibility.tags': 'tags',
  requiredDocuments: 'requiredDocuments',
  bundleServiceIds: 'bundleServiceIds',
});
