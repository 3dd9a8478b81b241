import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { AGENDA_REASON_LABELS, AgendaReason, type AgendaCategoryGroup, type AgendaEntry, type CreateProjectBody } from '@gezhi/shared';
import { createProject, getReviewAgenda, listProjectOwners } from '../../../../api/endpoints';
import { LoadState } from '../../../../components/LoadState';
import { useRemote } from '../../../../hooks/useRemote';
import { goStaffProject, goStaffProjects, goStaffRequestDetail, replaceWithStaffProject } from '../../../../navigation';
import { Button } from '../../../../ui/nutui';
import { toastSuccess } from '../../../../utils/confirm';
import { ProjectForm } from '../../review/ProjectForm';
import '../../review/review.scss';

const REASON_ORDER = [AgendaReason.Overdue, AgendaReason.Reopened, AgendaReason.Recurring, AgendaReason.Patrol, AgendaReason.Unresolved];

function EntryCard({ entry, selected, selectable, onToggle }: { entry: AgendaEntry; selected: boolean; selectable: boolean; onToggle: () => void }) {
  return (
    <View className={`gz-card gz-agenda-entry ${selected ? 'gz-agenda-entry--selected' : ''}`}>
      <View className='gz-agenda-entry__head' onClick={selectable ? onToggle : undefined} ariaRole={selectable ? 'checkbox' : undefined}>
        {selectable ? <View className={`gz-agenda-entry__check ${selected ? 'gz-agenda-entry__check--on' : ''}`}>{selected ? '✓' : ''}</View> : null}
        <Text className='gz-agenda-entry__rank'>{entry.rank}</Text>
        <Text className='gz-agenda-entry__title'>{entry.title}</Text>
      </View>
      <View className='gz-agenda-entry__reasons'>
        {entry.reasons.map((r) => (
          <Text key={r} className={`gz-agenda-entry__reason gz-agenda-entry__reason--${r.toLowerCase()}`}>
            {AGENDA_REASON_LABELS[r]}
          </Text>
        ))}
      </View>
      <Text className='gz-hint'>
        {entry.gridName} · {entry.buildingName} · {entry.items.length} 件
      </Text>
      {entry.recurringKey ? <Text className='gz-hint gz-agenda-entry__cluster'>同一问题反复发生，另见「反复发生」议题</Text> : null}
      {entry.items.map((item) => (
        <View key={item.id} className='gz-agenda-entry__item' onClick={() => goStaffRequestDetail(item.id)}>
          <Text>
            {item.serial} {item.subcategoryLabel}：{item.excerpt}（{item.statusLabel}）
          </Text>
        </View>
      ))}
      {entry.projectIds.length ? (
        <View className='gz-agenda-entry__projects'>
          {entry.projectIds.map((id) => (
            <Text key={id} className='gz-hint gz-agenda-entry__project' onClick={() => goStaffProject(id)}>
              已列入项目 #{id} ›
            </Text>
          ))}
        </View>
      ) : null}
    </View>
  );
}

function Groups({ groups, selected, selectable, onToggle }: { groups: AgendaCategoryGroup[]; selected: string[]; selectable: boolean; onToggle: (key: string) => void }) {
  return (
    <>
      {groups.map((group) => (
        <View key={group.category} className='gz-agenda__group'>
          <Text className='gz-section-title gz-agenda__group-title'>
            {group.categoryLabel}（{group.entries.length}）
          </Text>
          {group.entries.map((entry) => (
            <EntryCard key={entry.key} entry={entry} selected={selected.includes(entry.key)} selectable={selectable} onToggle={() => onToggle(entry.key)} />
          ))}
        </View>
      ))}
    </>
  );
}

/**
 * 问需会议程: what the half-monthly meeting should discuss — the most urgent entries first (numbered), by category;
 * the rest collapsed into 「其余 N 项」, fetched when opened; selected entries become a project.
 */
export default function ReviewAgendaPage() {
  const [period, setPeriod] = useState<string | undefined>(undefined);
  const [selected, setSelected] = useState<string[]>([]);
  const [composing, setComposing] = useState(false);
  const [restOpen, setRestOpen] = useState(false);
  const agenda = useRemote(() => getReviewAgenda(period ? { period } : {}), [period]);
  const owners = useRemote(listProjectOwners, [], composing);
  const full = useRemote(() => getReviewAgenda({ ...(period ? { period } : {}), all: true }), [period], restOpen);

  usePullDownRefresh(async () => {
    await agenda.reload();
    Taro.stopPullDownRefresh();
  });

  const data = agenda.data;
  const restGroups = restOpen && full.data ? full.data.rest.groups : [];
  const entries = data ? [...data.groups, ...restGroups].flatMap((g) => g.entries) : [];
  const chosen = entries.filter((e) => selected.includes(e.key));
  const toggle = (key: string) => setSelected((current) => (current.includes(key) ? current.filter((k) => k !== key) : [...current, key]));
  const goPeriod = (key: string) => {
    setSelected([]);
    setComposing(false);
    setRestOpen(false);
    setPeriod(key);
  };

  const submit = async (body: CreateProjectBody) => {
    const project = await createProject(body);
    toastSuccess('已生成项目');
    replaceWithStaffProject(project.id);
  };

  return (
    <View className='gz-page gz-agenda'>
      <LoadState
        loading={agenda.loading && !data}
        error={data ? null : agenda.error}
        onRetry={agenda.reload}
        isEmpty={!!data && entries.length === 0}
        emptyTitle='本期没有需要上会的事项'
        emptyDescription='未办结、超时、差评重办、巡查发现和反复发生的问题会自动列入议程。'
        emptyActionText='查看项目服务清单'
        onEmptyAction={goStaffProjects}
      >
        {data ? (
          <>
            <View className='gz-card'>
              <View className='gz-agenda__period'>
                <Text className='gz-agenda__step' onClick={() => goPeriod(data.period.previousKey)}>
                  ‹ 上期
                </Text>
                <Text className='gz-section-title'>{data.communityName}</Text>
                <Text className='gz-agenda__step' onClick={() => goPeriod(data.period.nextKey)}>
                  下期 ›
                </Text>
              </View>
              <Text className='gz-hint'>{data.period.label}</Text>
              {data.rest.count > 0 ? (
                <Text className='gz-hint gz-agenda__limit'>
                  共 {data.totalEntries} 项，按紧急程度先议前 {data.entryLimit} 项
                </Text>
              ) : null}
              <View className='gz-agenda__counts'>
                {REASON_ORDER.map((r) => (
                  <Text key={r} className='gz-agenda__count'>
                    {AGENDA_REASON_LABELS[r]} {data.counts[r] ?? 0}
                  </Text>
                ))}
              </View>
              {data.readOnly ? <Text className='gz-hint'>网格长可查看本网格的议题，项目由社区生成。</Text> : null}
              <Text className='gz-hint gz-agenda__projects-link' onClick={goStaffProjects}>
                项目服务清单 ›
              </Text>
            </View>
            {composing ? (
              <LoadState loading={owners.loading} error={owners.error} onRetry={owners.reload}>
                <ProjectForm
                  entries={chosen}
                  owners={owners.data ?? []}
                  meetingDate={data.period.key}
                  communityId={data.communityId}
                  onSubmit={submit}
                  onCancel={() => setComposing(false)}
                />
              </LoadState>
            ) : null}
            <Groups groups={data.groups} selected={selected} selectable={!data.readOnly} onToggle={toggle} />
            {data.rest.count > 0 ? (
              <View className='gz-card gz-agenda__rest'>
                <View className='gz-agenda__rest-head' onClick={() => setRestOpen((open) => !open)} ariaRole='button'>
                  <Text className='gz-agenda__rest-title'>{data.rest.label}</Text>
                  <Text className='gz-hint'>{restOpen ? '收起' : '展开 ›'}</Text>
                </View>
                {restOpen ? (
                  <LoadState loading={full.loading && !full.data} error={full.data ? null : full.error} onRetry={full.reload}>
                    <Groups groups={restGroups} selected={selected} selectable={!data.readOnly} onToggle={toggle} />
                  </LoadState>
                ) : (
                  <Text className='gz-hint'>不急于本次上会的事项，需要时展开查看</Text>
                )}
              </View>
            ) : null}
            {!data.readOnly && !composing ? (
              <View className='gz-agenda__bar'>
                <Text>已选 {chosen.length} 项</Text>
                <Button
                  className='gz-agenda-create'
                  type='primary'
                  size='large'
                  disabled={chosen.length === 0}
                  onClick={() => {
                    setComposing(true);
                    // the form opens above the entries; scrolling there is a nicety that may fail (no page yet)
                    Promise.resolve(Taro.pageScrollTo({ scrollTop: 0, duration: 200 })).catch(() => undefined);
                  }}
                >
                  生成项目
                </Button>
              </View>
            ) : null}
          </>
        ) : null}
      </LoadState>
    </View>
  );
}
