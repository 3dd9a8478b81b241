import { View } from '@tarojs/components';
import { useState } from 'react';
import { ProjectStatus, type ProjectQuery } from '@gezhi/shared';
import { listProjects } from '../../../../api/endpoints';
import { ChoiceChips } from '../../../../components/ChoiceChips';
import { ListFooter } from '../../../../components/ListFooter';
import { LoadState } from '../../../../components/LoadState';
import { usePagedList } from '../../../../hooks/usePagedList';
import { goStaffProject, goStaffReview } from '../../../../navigation';
import { ProjectCard } from '../../review/ProjectCard';
import '../../review/review.scss';
import { useOnReturn } from '../../../../hooks/useOnReturn';

type Filter = 'ALL' | 'OPEN' | 'OVERDUE' | 'CLOSED';

const FILTERS: { value: Filter; label: string; query: Partial<ProjectQuery> }[] = [
  { value: 'OPEN', label: '办理中', query: { status: ProjectStatus.Open } },
  { value: 'OVERDUE', label: '已超期', query: { status: ProjectStatus.Open, overdue: true } },
  { value: 'CLOSED', label: '已办结', query: { status: ProjectStatus.Closed } },
  { value: 'ALL', label: '全部', query: {} },
];

/** 项目服务清单: the community's projects, by state; overdue ones stand out. */
export default function ProjectsPage() {
  const [filter, setFilter] = useState<Filter>('OPEN');
  const current = FILTERS.find((f) => f.value === filter) ?? FILTERS[0];
  const list = usePagedList((page) => listProjects({ ...page, ...current.query }), [filter]);
  // back from a project that was updated or closed
  useOnReturn(() => {
    void list.reload();
  });

  return (
    <View className='gz-page gz-projects'>
      <ChoiceChips className='gz-projects__filter' options={FILTERS} value={filter} onChange={setFilter} />
      <LoadState
        loading={list.loading}
        error={list.error}
        onRetry={list.reload}
        isEmpty={list.items.length === 0}
        emptyTitle={`没有${current.label}的项目`}
        emptyDescription='在问需会议程中选择议题即可生成项目。'
        emptyActionText='去看议程'
        onEmptyAction={goStaffReview}
      >
        {list.items.map((project) => (
          <ProjectCard key={project.id} project={project} onClick={() => goStaffProject(project.id)} />
        ))}
        <ListFooter loadingMore={list.loadingMore} hasMore={list.hasMore} onLoadMore={list.loadMore} />
      </LoadState>
    </View>
  );
}
