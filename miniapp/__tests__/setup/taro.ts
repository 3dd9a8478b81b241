// Taro's API object first, then the React framework's runtime (it registers the page hooks on it).
import '@tarojs/taro';
import '@tarojs/plugin-framework-react/dist/runtime';
import '@testing-library/react';
