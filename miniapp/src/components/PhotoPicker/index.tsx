import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { useEffect, useRef, useState } from 'react';
import { LIMITS, type UploadedPhoto } from '@gezhi/shared';
import { errorMessage, uploadImage } from '../../api/client';
import { toastError } from '../../utils/confirm';
import './index.scss';

interface PickedPhoto {
  key: string;
  localPath: string;
  progress: number;
  state: 'uploading' | 'done' | 'failed';
  uploaded?: UploadedPhoto;
}

export interface PhotoPickerProps {
  max: number;
  /** the ids of the uploaded photos, and whether uploads are still running */
  onChange: (photoIds: string[], uploading: boolean) => void;
  /** the transport; tests may pass their own */
  upload?: (filePath: string, onProgress: (percent: number) => void) => Promise<UploadedPhoto>;
}

let nextKey = 0;

/** Picks photos (compressed), uploads each at once with progress, and lets the user remove or retry them. */
export function PhotoPicker({ max, onChange, upload = uploadImage }: PhotoPickerProps) {
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  useEffect(() => {
    const ids = photos.filter((p) => p.state === 'done' && p.uploaded).map((p) => p.uploaded!.id);
    onChangeRef.current(ids, photos.some((p) => p.state === 'uploading'));
  }, [photos]);

  const patch = (key: string, change: Partial<PickedPhoto>) =>
    setPhotos((current) => current.map((p) => (p.key === key ? { ...p, ...change } : p)));

  const startUpload = (photo: PickedPhoto) => {
    patch(photo.key, { state: 'uploading', progress: 0 });
    upload(photo.localPath, (progress) => patch(photo.key, { progress }))
      .then((uploaded) => patch(photo.key, { state: 'done', progress: 100, uploaded }))
      .catch((error) => {
        patch(photo.key, { state: 'failed' });
        toastError(errorMessage(error));
      });
  };

  const pick = async () => {
    const room = max - photos.length;
    if (room <= 0) return;
    let chosen: Taro.chooseImage.SuccessCallbackResult;
    try {
      chosen = await Taro.chooseImage({ count: room, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
    } catch {
      return; // the user closed the picker
    }
    const files = chosen.tempFiles.slice(0, room);
    const added: PickedPhoto[] = [];
    for (const file of files) {
      let localPath = file.path;
      if (process.env.TARO_ENV === 'weapp') {
        try {
          localPath = (await Taro.compressImage({ src: file.path, quality: 80 })).tempFilePath;
        } catch {
          // keep the original; the server rejects it if it is too large
        }
      }
      if (file.size > LIMITS.uploadMaxBytes && localPath === file.path) {
        toastError('图片过大，请选择 5MB 以内的图片');
        continue;
      }
      added.push({ key: `photo-${++nextKey}`, localPath, progress: 0, state: 'uploading' });
    }
    setPhotos((current) => [...current, ...added]);
    added.forEach(startUpload);
  };

  const remove = (key: string) => setPhotos((current) => current.filter((p) => p.key !== key));

  return (
    <View className='gz-photo-picker'>
      {photos.map((photo) => (
        <View key={photo.key} className={`gz-photo-picker__item gz-photo-picker__item--${photo.state}`}>
          <Image
            className='gz-photo-picker__image'
            src={photo.localPath}
            mode='aspectFill'
            onClick={() => Taro.previewImage({ urls: photos.map((p) => p.localPath), current: photo.localPath })}
          />
          {photo.state === 'uploading' ? <Text className='gz-photo-picker__progress'>{photo.progress}%</Text> : null}
          {photo.state === 'failed' ? (
            <Text className='gz-photo-picker__retry' onClick={() => startUpload(photo)}>
              重试
            </Text>
          ) : null}
          <View className='gz-photo-picker__remove' onClick={() => remove(photo.key)}>
            ×
          </View>
        </View>
      ))}
      {photos.length < max ? (
        <View className='gz-photo-add' onClick={pick}>
          <Text className='gz-photo-add__plus'>+</Text>
          <Text className='gz-photo-add__text'>
            添加照片 {photos.length}/{max}
          </Text>
        </View>
      ) : null}
    </View>
  );
}
