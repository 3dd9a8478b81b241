import { Text, View } from '@tarojs/components';
import { INSUFFICIENT_SAMPLE_LABEL, METRIC_LABELS, RANKING_KIND_LABELS, formatRate, type RankingEntry, type RankingView, type RateKey } from '@gezhi/shared';

export interface RankingsProps {
  ranking: RankingView;
  /** opens the items behind the entry (its first rate; the others as tabs) */
  onOpenEntry: (entry: RankingEntry) => void;
}

function EntryRow({ entry, list, onOpen }: { entry: RankingEntry; list: 'red' | 'black'; onOpen: () => void }) {
  const rates = Object.entries(entry.rates) as [RateKey, NonNullable<RankingEntry['rates'][RateKey]>][];
  return (
    <View className={`gz-rank gz-rank--${list}`} onClick={onOpen} ariaRole='button'>
      <View className='gz-rank__head'>
        <Text className='gz-rank__no'>第{entry.rank}名</Text>
        <Text className='gz-rank__name'>
          {entry.unit.name}
          {entry.unit.parentName ? <Text className='gz-hint'>（{entry.unit.parentName}）</Text> : null}
        </Text>
        {entry.passed ? null : <Text className='gz-rank__tag gz-rank__tag--failed'>未达标</Text>}
        <Text className='gz-rank__score'>{entry.score.toFixed(2)}分</Text>
      </View>
      <View className='gz-rank__rates'>
        {rates.map(([key, rate]) => (
          <Text key={key} className='gz-rank__rate'>
            {METRIC_LABELS[key]} {formatRate(rate)}（{rate.numerator}/{rate.denominator}）
          </Text>
        ))}
      </View>
      <Text className='gz-rank__open'>查看明细 ›</Text>
    </View>
  );
}

/**
 * 红榜 / 黑榜 of one ranking (grids or departments) with the rule in words; units below the pass line marked 未达标,
 * units with too few items listed apart as 样本不足 (never ranked).
 */
export function Rankings({ ranking, onOpenEntry }: RankingsProps) {
  const kindLabel = RANKING_KIND_LABELS[ranking.kind];
  const primary = ranking.kind === 'GRID' ? METRIC_LABELS.response : METRIC_LABELS.reportOnTime;
  return (
    <View className={`gz-card gz-ranking gz-ranking--${ranking.kind.toLowerCase()}`}>
      <Text className='gz-section-title'>
        {kindLabel} · {ranking.scope.name} · {ranking.period.label}
      </Text>
      {ranking.entries.length === 0 ? (
        <Text className='gz-hint gz-ranking__none'>本月没有达到排名条件的单位</Text>
      ) : (
        <>
          <Text className='gz-ranking__list-title gz-ranking__list-title--red'>{METRIC_LABELS.redList}</Text>
          {ranking.red.length === 0 ? (
            <Text className='gz-hint gz-ranking__no-red'>
              本月没有{primary}达到 {ranking.passPercent}% 的单位，暂无红榜
            </Text>
          ) : null}
          {ranking.red.map((entry) => (
            <EntryRow key={`r${entry.unit.id}`} entry={entry} list='red' onOpen={() => onOpenEntry(entry)} />
          ))}
          <Text className='gz-ranking__list-title gz-ranking__list-title--black'>{METRIC_LABELS.blackList}</Text>
          {ranking.black.length === 0 ? <Text className='gz-hint'>参与排名的单位不足，暂无黑榜</Text> : null}
          {ranking.black.map((entry) => (
            <EntryRow key={`b${entry.unit.id}`} entry={entry} list='black' onOpen={() => onOpenEntry(entry)} />
          ))}
        </>
      )}
      {ranking.unranked.length > 0 ? (
        <View className='gz-ranking__unranked'>
          <Text className='gz-hint'>
            {INSUFFICIENT_SAMPLE_LABEL}（计入{primary}少于 {ranking.minSample} 件，不参与排名）：
          </Text>
          {ranking.unranked.map((u) => (
            <View key={u.unit.id} className='gz-ranking__unranked-row'>
              <Text className='gz-rank__tag gz-rank__tag--sample'>{u.label}</Text>
              <Text className='gz-hint'>
                {u.unit.name}：本月 {u.primaryCount} 件
                {Object.entries(u.rates)
                  .filter(([, rate]) => rate && rate.denominator > 0)
                  .map(([key, rate]) => `，${METRIC_LABELS[key as RateKey]} ${rate!.numerator}/${rate!.denominator}`)
                  .join('')}
              </Text>
            </View>
          ))}
        </View>
      ) : null}
      <Text className='gz-hint gz-ranking__rule'>规则：{ranking.rule}</Text>
    </View>
  );
}
