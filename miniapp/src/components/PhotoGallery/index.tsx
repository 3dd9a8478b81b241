import Taro from '@tarojs/taro';
import { Image, View } from '@tarojs/components';
import type { UploadedPhoto } from '@gezhi/shared';
import { absoluteUrl } from '../../api/client';

/** Thumbnails; tapping one opens the full-screen previewer. */
export function PhotoGallery({ photos, size = 'normal' }: { photos: UploadedPhoto[]; size?: 'normal' | 'small' }) {
  if (!photos.length) return null;
  const urls = photos.map((p) => absoluteUrl(p.url));
  return (
    <View className={`gz-photos gz-photos--${size}`}>
      {urls.map((url) => (
        <Image
          key={url}
          className='gz-photos__item'
          src={url}
          mode='aspectFill'
          onClick={() => Taro.previewImage({ urls, current: url })}
        />
      ))}
    </View>
  );
}
