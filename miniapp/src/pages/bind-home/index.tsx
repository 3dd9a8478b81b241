import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { GeoOption, RoomOption } from '@gezhi/shared';
import { errorMessage } from '../../api/client';
import { bindHome, listBuildings, listCommunities, listRooms, listStreets } from '../../api/endpoints';
import { LoadState } from '../../components/LoadState';
import { useRemote } from '../../hooks/useRemote';
import { setMe } from '../../session/session';
import { toastError, toastSuccess } from '../../utils/confirm';
import './index.scss';

type Level = 'street' | 'community' | 'building' | 'room';

interface Path {
  street?: GeoOption;
  community?: GeoOption;
  building?: GeoOption;
}

const LEVEL_TITLES: Record<Level, string> = {
  street: '请选择街道',
  community: '请选择社区',
  building: '请选择楼栋',
  room: '请选择单元和房号',
};

function currentLevel(path: Path): Level {
  if (!path.street) return 'street';
  if (!path.community) return 'community';
  if (!path.building) return 'building';
  return 'room';
}

/** street → community → building → room, then PUT /api/me/home. */
export default function BindHomePage() {
  const [path, setPath] = useState<Path>({});
  const [saving, setSaving] = useState(false);
  const level = currentLevel(path);

  const options = useRemote<(GeoOption | RoomOption)[]>(
    () => {
      switch (level) {
        case 'street':
          return listStreets();
        case 'community':
          return listCommunities(path.street!.id);
        case 'building':
          return listBuildings(path.community!.id);
        case 'room':
          return listRooms(path.building!.id);
      }
    },
    [level, path.street?.id, path.community?.id, path.building?.id],
  );

  const choose = (option: GeoOption | RoomOption) => {
    if (level === 'street') setPath({ street: option as GeoOption });
    else if (level === 'community') setPath({ ...path, community: option as GeoOption });
    else if (level === 'building') setPath({ ...path, building: option as GeoOption });
    else void save(option as RoomOption);
  };

  const save = async (room: RoomOption) => {
    const address = `${path.community?.name} ${path.building?.name} ${room.unitName} ${room.roomNumber}`;
    const { confirm } = await Taro.showModal({ title: '确认住址', content: `绑定到：${address}？`, confirmText: '确认绑定' });
    if (!confirm) return;
    setSaving(true);
    try {
      setMe(await bindHome({ roomId: room.id }));
      toastSuccess('绑定成功');
      setTimeout(() => Taro.navigateBack().catch(() => Taro.switchTab({ url: '/pages/index/index' })), 800);
    } catch (error) {
      toastError(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  const crumbs: { label: string; reset: Path }[] = [
    path.street && { label: path.street.name, reset: {} },
    path.community && { label: path.community.name, reset: { street: path.street } },
    path.building && { label: path.building.name, reset: { street: path.street, community: path.community } },
  ].filter(Boolean) as { label: string; reset: Path }[];

  const label = (option: GeoOption | RoomOption) =>
    'name' in option ? option.name : `${option.unitName} ${option.roomNumber}`;

  return (
    <View className='gz-page gz-bind-home'>
      {crumbs.length ? (
        <View className='gz-card gz-bind-home__crumbs'>
          <Text className='gz-hint'>已选（点击可重选）：</Text>
          {crumbs.map((crumb) => (
            <Text key={crumb.label} className='gz-bind-home__crumb' onClick={() => setPath(crumb.reset)}>
              {crumb.label} ›
            </Text>
          ))}
        </View>
      ) : null}
      <View className='gz-card'>
        <Text className='gz-section-title'>{LEVEL_TITLES[level]}</Text>
        <LoadState
          loading={options.loading}
          error={options.error}
          onRetry={options.reload}
          isEmpty={!options.data?.length}
          emptyTitle='这里还没有可选的项目'
          emptyDescription='请联系社区工作人员'
        >
          {(options.data ?? []).map((option) => (
            <View
              key={option.id}
              className={`gz-list-row gz-geo-option ${saving ? 'gz-geo-option--disabled' : ''}`}
              onClick={() => (saving ? undefined : choose(option))}
            >
              <Text>{label(option)}</Text>
              <Text className='gz-hint'>›</Text>
            </View>
          ))}
        </LoadState>
      </View>
    </View>
  );
}
