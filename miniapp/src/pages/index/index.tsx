import { View, Text } from '@tarojs/components';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { STATUS_LABELS, RequestStatus } from '@gezhi/shared';

export default function Index() {
  return (
    <View>
      <Text>{STATUS_LABELS[RequestStatus.PendingAccept]} {API_BASE}</Text>
      <Button type="primary">我要反映</Button>
    </View>
  );
}
