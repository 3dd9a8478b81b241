import { Text, View } from '@tarojs/components';
import { ProjectStatus, type ProjectSummary } from '@gezhi/shared';

/** A project of the service list: title, state (办理中 / 已超时 / 已办结), owner, deadline, linked items. */
export function ProjectCard({ project, onClick }: { project: ProjectSummary; onClick?: () => void }) {
  const state = project.status === ProjectStatus.Closed ? 'closed' : project.overdue ? 'overdue' : 'open';
  const stateLabel = project.overdue && project.status === ProjectStatus.Open ? '已超期' : project.statusLabel;
  return (
    <View className='gz-card gz-project-card' onClick={onClick}>
      <View className='gz-project-card__head'>
        <Text className='gz-project-card__title'>{project.title}</Text>
        <Text className={`gz-project-card__state gz-project-card__state--${state}`}>{stateLabel}</Text>
      </View>
      <Text className='gz-hint'>
        负责人 {project.ownerName} · 截止 {project.deadline} · 关联 {project.itemCount} 件
      </Text>
      {project.status === ProjectStatus.Closed && project.closedOnTime !== null ? (
        <Text className='gz-hint'>{project.closedOnTime ? '按期办结' : '逾期办结'}</Text>
      ) : null}
    </View>
  );
}
