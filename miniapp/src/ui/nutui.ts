/**
 * The NutUI React components this app uses, imported one by one with their own stylesheet
 * (the full NutUI stylesheet would add ~300 KB to the main package). Add a component here before using it.
 */
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/tag/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/switch/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/loading/style/css';

export { default as Button } from '@nutui/nutui-react-taro/dist/es/packages/button';
export { default as Tag } from '@nutui/nutui-react-taro/dist/es/packages/tag';
export { default as Switch } from '@nutui/nutui-react-taro/dist/es/packages/switch';
export { default as Loading } from '@nutui/nutui-react-taro/dist/es/packages/loading';
