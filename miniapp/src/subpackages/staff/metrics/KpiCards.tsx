import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { KpiCard } from './specs';

export interface KpiCardsProps {
  cards: KpiCard[];
  /** opens the items behind a card (rates and the overdue count) */
  onOpenItems?: (card: KpiCard) => void;
}

/**
 * The headline numbers as cards. Tapping a card shows where its number comes from (numerator / denominator, or the
 * breakdown of a count) and a link to the items behind it.
 */
export function KpiCards({ cards, onOpenItems }: KpiCardsProps) {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <View className='gz-kpis'>
      {cards.map((card) => {
        const expanded = open === card.key;
        return (
          <View
            key={card.key}
            className={`gz-kpi gz-kpi--${card.key} ${card.tone === 'warning' ? 'gz-kpi--warning' : ''} ${expanded ? 'gz-kpi--open' : ''}`}
            onClick={() => setOpen(expanded ? null : card.key)}
            ariaRole='button'
            ariaLabel={`${card.label} ${card.value}，点按查看计算口径`}
          >
            <Text className='gz-kpi__label'>{card.label}</Text>
            <Text className='gz-kpi__value'>{card.value}</Text>
            {expanded ? (
              <View className='gz-kpi__detail'>
                <Text className='gz-kpi__fraction'>{card.detail}</Text>
                {onOpenItems && (card.rate || card.count) ? (
                  <Text
                    className='gz-kpi__items'
                    onClick={(e) => {
                      e.stopPropagation();
                      onOpenItems(card);
                    }}
                  >
                    查看明细 ›
                  </Text>
                ) : null}
              </View>
            ) : null}
          </View>
        );
      })}
    </View>
  );
}
