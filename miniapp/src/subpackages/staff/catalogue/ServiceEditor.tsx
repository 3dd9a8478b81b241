import { Input, Text, Textarea, View } from '@tarojs/components';
import { useEffect, useMemo, useState } from 'react';
import {
  EligibilityMode,
  ErrorCode,
  PROVIDER_KIND_LABELS,
  ProviderKind,
  RESIDENT_TAG_LABELS,
  ResidentTag,
  SERVICE_KIND_LABELS,
  SERVICE_LIMITS,
  ServiceKind,
  type ServiceOfferingView,
} from '@gezhi/shared';
import { ApiError, errorMessage } from '../../../api/client';
import { createService, getService, listCoordinators, listServices, updateService } from '../../../api/endpoints';
import { ChoiceChips, MultiChoiceChips } from '../../../components/ChoiceChips';
import { LoadState } from '../../../components/LoadState';
import { useRemote } from '../../../hooks/useRemote';
import { Button } from '../../../ui/nutui';
import { confirmAction, toastError, toastSuccess } from '../../../utils/confirm';
import { charCount } from '../../../utils/format';
import { placeServerErrors } from './form-errors';
import './catalogue.scss';
import {
  documentProblem,
  draftOf,
  emptyDraft,
  GRID_STAFF_PROVIDER_NAME,
  hasCoordinator,
  serviceBody,
  serviceFieldOf,
  validateServiceDraft,
  type ServiceDraft,
  type ServiceErrors,
} from './service-draft';

const L = SERVICE_LIMITS;

const KIND_OPTIONS = Object.values(ServiceKind).map((value) => ({ value, label: SERVICE_KIND_LABELS[value] }));
const KIND_HINTS: Record<ServiceKind, string> = {
  [ServiceKind.DoorToDoor]: '服务人员到居民绑定的住址上门服务',
  [ServiceKind.Proxy]: '网格员替居民跑腿办理，居民需交付下列材料',
  [ServiceKind.Appointment]: '居民按预约时段到社区服务站办理',
  [ServiceKind.OffHours]: '晚间、周末等错时时段办理，方便上班族',
  [ServiceKind.Bundle]: '一次上门完成多项服务，按一次预约、一次评价',
};
const PROVIDER_OPTIONS = Object.values(ProviderKind).map((value) => ({ value, label: PROVIDER_KIND_LABELS[value] }));
const ELIGIBILITY_OPTIONS = [
  { value: EligibilityMode.All, label: '所有居民' },
  { value: EligibilityMode.AllWithPriority, label: '所有居民，重点人群优先' },
  { value: EligibilityMode.OnlyTagged, label: '仅限重点人群' },
];
const TAG_OPTIONS = Object.values(ResidentTag).map((value) => ({ value, label: RESIDENT_TAG_LABELS[value] }));
const NO_COORDINATOR = 'none';

/** labels of server fields that have no place in the form */
const SERVER_FIELD_LABELS: Record<string, string> = { version: '版本', active: '状态' };

export interface ServiceEditorProps {
  /** null: a new service */
  serviceId: number | null;
  /** after creating: the page moves on (to the new service's slots) */
  onCreated: (service: ServiceOfferingView) => void;
  /** 管理时段 of an existing service */
  onOpenSlots?: (serviceId: number) => void;
}

/**
 * 新增 / 编辑服务 (community officers): name, kind, description, duration, provider (with the coordinator of a
 * volunteer team or partner organisation), who may book, the documents of a proxy errand, the components of a
 * bundle; 停用 / 启用. Updates carry the version read; a concurrent change reloads the service.
 */
export function ServiceEditor({ serviceId, onCreated, onOpenSlots }: ServiceEditorProps) {
  const editing = serviceId !== null;
  const service = useRemote(() => getService(serviceId as number), [serviceId], editing);
  const [saved, setSaved] = useState<ServiceOfferingView | null>(null);
  const [draft, setDraft] = useState<ServiceDraft>(emptyDraft);
  const [documentInput, setDocumentInput] = useState('');
  const [documentError, setDocumentError] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [serverErrors, setServerErrors] = useState<ServiceErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [notice, setNotice] = useState('');
  const [saving, setSaving] = useState(false);
  const [toggling, setToggling] = useState(false);

  // a (re)loaded service replaces the draft
  useEffect(() => {
    if (!service.data) return;
    setSaved(service.data);
    setDraft(draftOf(service.data));
    setServerErrors({});
    setGeneral([]);
  }, [service.data]);

  const needsCoordinator = hasCoordinator(draft.providerKind);
  const coordinators = useRemote(listCoordinators, [], needsCoordinator);
  const isBundle = draft.kind === ServiceKind.Bundle;
  const catalogue = useRemote(listServices, [], isBundle);

  const clientErrors = useMemo(() => validateServiceDraft(draft), [draft]);
  const errors: ServiceErrors = attempted ? { ...serverErrors, ...clientErrors } : serverErrors;
  const change = <K extends keyof ServiceDraft>(key: K, value: ServiceDraft[K]) => setDraft((current) => ({ ...current, [key]: value }));

  const chooseProvider = (kind: ProviderKind) =>
    setDraft((current) => ({
      ...current,
      providerKind: kind,
      // a grid-staff service is served by the resident's grid: offer the usual name
      providerName: kind === ProviderKind.GridStaff && !current.providerName.trim() ? GRID_STAFF_PROVIDER_NAME : current.providerName,
    }));

  const addDocument = () => {
    const problem = documentProblem(documentInput, draft.requiredDocuments);
    setDocumentError(problem ?? '');
    if (problem) return;
    change('requiredDocuments', [...draft.requiredDocuments, documentInput.trim()]);
    setDocumentInput('');
  };

  const concurrentChange = async () => {
    setNotice('该服务刚被其他工作人员修改过，已载入最新内容，请核对后重新操作');
    await service.reload();
  };

  const save = async () => {
    setAttempted(true);
    setServerErrors({});
    setGeneral([]);
    setNotice('');
    if (Object.keys(clientErrors).length > 0) return;
    setSaving(true);
    try {
      if (!editing) {
        const created = await createService(serviceBody(draft));
        toastSuccess('已新增');
        onCreated(created);
      } else if (saved) {
        const updated = await updateService(serviceId, { ...serviceBody(draft), version: saved.version });
        setSaved(updated);
        setDraft(draftOf(updated));
        setAttempted(false);
        toastSuccess('已保存');
      }
    } catch (error) {
      if (error instanceof ApiError && error.code === ErrorCode.ConcurrentModification) await concurrentChange();
      else {
        const placed = placeServerErrors(error, serviceFieldOf, SERVER_FIELD_LABELS);
        setServerErrors(placed.fields);
        setGeneral(placed.general);
      }
    } finally {
      setSaving(false);
    }
  };

  const toggleActive = async () => {
    if (!saved || serviceId === null) return;
    const stopping = saved.active;
    const ok = await confirmAction(
      stopping
        ? { title: '停用服务', content: `停用后居民将看不到「${saved.name}」，也不能再预约；已有的预约不会取消。`, confirmText: '确认停用' }
        : { title: '启用服务', content: `启用后居民可以重新看到并预约「${saved.name}」。`, confirmText: '确认启用' },
    );
    if (!ok) return;
    setToggling(true);
    setNotice('');
    try {
      setSaved(await updateService(serviceId, { version: saved.version, active: !stopping }));
      toastSuccess(stopping ? '已停用' : '已启用');
    } catch (error) {
      if (error instanceof ApiError && error.code === ErrorCode.ConcurrentModification) await concurrentChange();
      else toastError(errorMessage(error));
    } finally {
      setToggling(false);
    }
  };

  const coordinatorOptions = [
    { value: NO_COORDINATOR, label: '暂不指定' },
    ...(coordinators.data ?? []).map((c) => ({ value: String(c.id), label: `${c.name} · ${c.label}` })),
  ];
  const componentOptions = (catalogue.data ?? [])
    .filter((s) => s.kind !== ServiceKind.Bundle && s.id !== serviceId)
    .map((s) => ({ value: s.id, label: s.active ? s.name : `${s.name}（已停用）` }));
  const fieldError = (field: keyof ServiceErrors) => (errors[field] ? <Text className={`gz-field-error gz-field-error--${field}`}>{errors[field]}</Text> : null);

  const form = (
    <View className='gz-service-editor'>
      {notice ? <Text className='gz-form-error gz-service-editor__notice'>{notice}</Text> : null}
      {saved ? (
        <View className='gz-card gz-service-editor__state'>
          <View className='gz-row-between'>
            <Text className={`gz-catalogue-state ${saved.active ? '' : 'gz-catalogue-state--inactive'}`}>
              {saved.active ? '可预约' : '已停用'}
            </Text>
            <Button
              className='gz-toggle-active'
              type={saved.active ? 'danger' : 'primary'}
              fill='outline'
              size='large'
              loading={toggling}
              disabled={toggling}
              onClick={toggleActive}
            >
              {saved.active ? '停用服务' : '重新启用'}
            </Button>
          </View>
          {onOpenSlots ? (
            <Button className='gz-open-slots' type='primary' fill='outline' size='large' block onClick={() => onOpenSlots(saved.id)}>
              管理时段
            </Button>
          ) : null}
        </View>
      ) : null}

      <View className='gz-card'>
        <Text className='gz-section-title'>基本信息</Text>
        <Text className='gz-field-label'>服务名称</Text>
        <Input
          className='gz-input gz-service-name'
          value={draft.name}
          placeholder={`如：上门理发（${L.nameMax} 字以内）`}
          onInput={(e) => change('name', e.detail.value)}
        />
        {fieldError('name')}
        <Text className='gz-field-label'>服务方式</Text>
        <ChoiceChips className='gz-service-kind' options={KIND_OPTIONS} value={draft.kind} onChange={(kind) => change('kind', kind)} />
        {draft.kind ? <Text className='gz-hint'>{KIND_HINTS[draft.kind]}</Text> : null}
        {fieldError('kind')}
        <Text className='gz-field-label'>服务说明（选填）</Text>
        <Textarea
          className='gz-textarea gz-service-description'
          value={draft.description}
          placeholder='服务内容、地点、注意事项'
          maxlength={-1}
          onInput={(e) => change('description', e.detail.value)}
        />
        <Text className={`gz-counter ${charCount(draft.description.trim()) > L.descriptionMax ? 'gz-counter--over' : ''}`}>
          {charCount(draft.description.trim())}/{L.descriptionMax}
        </Text>
        {fieldError('description')}
        <Text className='gz-field-label'>每次服务时长（分钟）</Text>
        <Input
          className='gz-input gz-service-duration'
          type='number'
          value={draft.durationMinutes}
          onInput={(e) => change('durationMinutes', e.detail.value)}
        />
        {fieldError('durationMinutes')}
      </View>

      {draft.kind === ServiceKind.Proxy ? (
        <View className='gz-card gz-documents'>
          <Text className='gz-section-title'>居民需提供的材料</Text>
          {draft.requiredDocuments.map((name) => (
            <View key={name} className='gz-list-row gz-document'>
              <Text>{name}</Text>
              <Text
                className='gz-link gz-link--danger gz-document__remove'
                onClick={() => change('requiredDocuments', draft.requiredDocuments.filter((d) => d !== name))}
              >
                移除
              </Text>
            </View>
          ))}
          {draft.requiredDocuments.length === 0 ? <Text className='gz-hint'>还没有材料，如：身份证、社保卡</Text> : null}
          <View className='gz-inline-form'>
            <Input
              className='gz-input gz-document-input'
              value={documentInput}
              placeholder='材料名称，如：身份证'
              onInput={(e) => setDocumentInput(e.detail.value)}
              onConfirm={addDocument}
            />
            <Button className='gz-document-add' type='primary' fill='outline' size='large' onClick={addDocument}>
              添加
            </Button>
          </View>
          {documentError ? <Text className='gz-field-error'>{documentError}</Text> : null}
          {fieldError('requiredDocuments')}
        </View>
      ) : null}

      {isBundle ? (
        <View className='gz-card gz-bundle'>
          <Text className='gz-section-title'>
            组合服务（选 {L.bundleComponentsMin}–{L.bundleComponentsMax} 项）
          </Text>
          <LoadState
            loading={catalogue.loading}
            error={catalogue.error}
            onRetry={catalogue.reload}
            isEmpty={componentOptions.length === 0}
            emptyTitle='还没有可以组合的服务'
            emptyDescription='请先新增上门、预约等单项服务'
          >
            <MultiChoiceChips
              className='gz-bundle-components'
              options={componentOptions}
              value={draft.bundleServiceIds}
              onChange={(ids) => change('bundleServiceIds', ids)}
            />
          </LoadState>
          {fieldError('bundleServiceIds')}
        </View>
      ) : null}

      <View className='gz-card'>
        <Text className='gz-section-title'>服务提供方</Text>
        <ChoiceChips className='gz-provider-kind' options={PROVIDER_OPTIONS} value={draft.providerKind} onChange={chooseProvider} />
        {fieldError('providerKind')}
        <Text className='gz-field-label'>名称</Text>
        <Input
          className='gz-input gz-provider-name'
          value={draft.providerName}
          placeholder='如：明日星城志愿服务队'
          onInput={(e) => change('providerName', e.detail.value)}
        />
        {fieldError('providerName')}
        {needsCoordinator ? (
          <>
            <Text className='gz-field-label'>对接工作人员</Text>
            <Text className='gz-hint'>负责联系提供方，预约会出现在他的上门服务计划中</Text>
            <LoadState loading={coordinators.loading} error={coordinators.error} onRetry={coordinators.reload}>
              <ChoiceChips
                className='gz-coordinator'
                options={coordinatorOptions}
                value={draft.coordinatorUserId === null ? NO_COORDINATOR : String(draft.coordinatorUserId)}
                onChange={(value) => change('coordinatorUserId', value === NO_COORDINATOR ? null : Number(value))}
              />
            </LoadState>
            {fieldError('coordinator')}
          </>
        ) : null}
      </View>

      <View className='gz-card'>
        <Text className='gz-section-title'>预约对象</Text>
        <ChoiceChips
          className='gz-eligibility'
          options={ELIGIBILITY_OPTIONS}
          value={draft.eligibilityMode}
          onChange={(mode) => change('eligibilityMode', mode)}
        />
        {fieldError('eligibilityMode')}
        {draft.eligibilityMode !== EligibilityMode.All ? (
          <>
            <Text className='gz-field-label'>
              {draft.eligibilityMode === EligibilityMode.OnlyTagged ? '仅以下居民可以预约' : '以下居民优先'}
            </Text>
            <MultiChoiceChips className='gz-eligibility-tags' options={TAG_OPTIONS} value={draft.tags} onChange={(tags) => change('tags', tags)} />
            {fieldError('tags')}
          </>
        ) : null}
      </View>

      {general.map((message) => (
        <Text key={message} className='gz-form-error'>
          {message}
        </Text>
      ))}
      <Button className='gz-submit' type='primary' size='xlarge' block loading={saving} disabled={saving} onClick={save}>
        {editing ? '保存修改' : '新增服务'}
      </Button>
    </View>
  );

  if (!editing) return form;
  return (
    <LoadState loading={service.loading && !saved} error={saved ? null : service.error} onRetry={service.reload}>
      {saved ? form : null}
    </LoadState>
  );
}
